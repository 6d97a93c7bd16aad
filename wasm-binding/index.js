// @bindlab/wasm: the wasm-bindgen binding. `pkg/` is what wasm-pack generates at build
// time: the .wasm module and its JS glue for Node. This file adds the raw floor and the
// argument guards (guard.js) to the glue, and @bindlab/api the JavaScript front
// (memwatch's events, gc() and HeapDiff; snapshot files and streams).
'use strict';

const { front } = require('@bindlab/api');
const { rawProbes } = require('./raw.js');
const { guard } = require('./guard.js');

const glue = require('./pkg/bindlab_wasm.js');
glue.raw = rawProbes(glue.rawExports());
delete glue.install_panic_hook; // the start function, run at instantiation
guard(glue);
// An object literal, for fast properties and ESM named imports (see `front`).
module.exports = { ...require('./pkg/bindlab_wasm.js'), ...front(glue, () => module.exports) };
