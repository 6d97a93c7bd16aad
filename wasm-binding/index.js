// @bindlab/wasm: the wasm-bindgen binding. `pkg/` is what wasm-pack generates at build
// time: the .wasm module and its JS glue for Node.
'use strict';

module.exports = require('./pkg/bindlab_wasm.js');
