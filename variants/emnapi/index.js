// The emnapi variant: the @bindlab/napi binding crate itself, built by napi-rs's CLI for
// wasm32-wasip1-threads, so that its Node-API calls run on emnapi inside WebAssembly, loaded
// through the loader napi-rs generates (it instantiates the module with
// @napi-rs/wasm-runtime and @emnapi/runtime). Being the same binding, it carries the whole
// package: guarded as @bindlab/napi is and assembled by the same @bindlab/api front (the
// product at the top level, the probes under `lab`). A Rust panic aborts on this target: it
// reaches JavaScript as a WebAssembly RuntimeError.
'use strict';

const { packageExports } = require('@bindlab/api');
const { requireBuilt } = require('../lib/built.js');
const { guardedApi } = require('../lib/guarded.js');

const native = requireBuilt('emnapi', 'bindlab.wasi.cjs');
module.exports = native ? packageExports(guardedApi('emnapi', native), {}, () => module.exports) : {};
