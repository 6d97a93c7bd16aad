// The emnapi variant: the @bindlab/napi binding crate itself, built by napi-rs's CLI for
// wasm32-wasip1-threads, so that its Node-API calls run on emnapi inside WebAssembly, loaded
// through the loader napi-rs generates (it instantiates the module with
// @napi-rs/wasm-runtime and @emnapi/runtime). Guarded as @bindlab/napi is. A Rust panic
// aborts on this target: it reaches JavaScript as a WebAssembly RuntimeError.
'use strict';

const { requireBuilt } = require('../lib/built.js');
const { guardedApi } = require('../lib/guarded.js');

module.exports = guardedApi('emnapi', requireBuilt('emnapi', 'bindlab.wasi.cjs'));
