// @bindlab/wasm: the wasm-bindgen binding. `pkg/` is what wasm-pack generates at build
// time: the .wasm module and its JS glue for Node. This file adds the argument guards
// (guard.js) to the glue and the raw floor (raw.js) to its lab; @bindlab/api adds the
// JavaScript front (memwatch's events, gc() and HeapDiff; snapshot files and streams)
// and puts the product at the top level, the probes, lifetime instruments and the floor
// under `lab`.
'use strict';

const { packageExports } = require('@bindlab/api');
const { rawProbes } = require('./raw.js');
const { guard } = require('./guard.js');

const glue = require('./pkg/bindlab_wasm.js');
delete glue.install_panic_hook; // the start function, run at instantiation
/** The floor, over the instance's own exports: re-made in place when a panic replaces the
 * instance (its calls are unguarded, so the first guarded call after the panic does it). */
const raw = rawProbes(glue.rawExports());
guard(glue, () => Object.assign(raw, rawProbes(glue.rawExports())));
module.exports = packageExports(glue, { raw }, () => module.exports);
