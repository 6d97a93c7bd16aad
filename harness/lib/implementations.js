// The implementations every case runs against, each loaded in its own process.
'use strict';

/** Implementation name → module to load and what it is. */
const IMPLEMENTATIONS = {
  js: { module: '@bindlab/bench-js/plain.js', description: 'plain JavaScript (the baseline)' },
  wasm: { module: '@bindlab/wasm', description: 'wasm-bindgen glue (thick binding)' },
  napi: { module: '@bindlab/napi', description: 'napi-rs (thin binding)' },
};

module.exports = { IMPLEMENTATIONS };
