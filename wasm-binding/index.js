// @bindlab/wasm: the wasm-bindgen binding. `pkg/` is what wasm-pack generates at build
// time: the .wasm module and its JS glue for Node. Written as a plain re-export plus
// named assignments so that Node's ESM loader sees every name (`import { add }`);
// @bindlab/api adds the JavaScript front (memwatch's events, gc() and HeapDiff;
// snapshot files and streams).
'use strict';

const { rawProbes } = require('./raw.js');
const { guard } = require('./guard.js');

module.exports = require('./pkg/bindlab_wasm.js');
module.exports.raw = rawProbes(module.exports.rawExports());
delete module.exports.install_panic_hook; // the start function, run at instantiation
guard(module.exports);
require('@bindlab/api').install(module.exports);
