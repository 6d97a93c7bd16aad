// The binding variants of issue 13: the libraries, versions and styles people choose
// between, each built over bindlab-core (variants/<id>/) and declared here in the shape of
// implementations.js's entries, which merges them in:
//   module       what the worker requires (the variant's loader)
//   role         'binding': each is a binding a user could choose
//   road         'wasm' or 'node-api': how it reaches native code
//   library      `{ name, crate, lock }`: the library and the Cargo.lock (relative to the
//                repository) whose pinned version of `crate` the environment record carries
//   unavailable  `() => reason | null`: why it cannot run here (its build is missing, and
//                what to install), for the worker to report the variant skipped
// ROADS gives the road of the five original implementations too, for the report's grouping.
'use strict';

const path = require('node:path');
const { unavailableReason } = require('../../variants/lib/built.js');

const VARIANTS_DIR = path.join(__dirname, '..', '..', 'variants');

/** One variant's declaration: its loader in variants/<id>/, whose build writes `built`. */
function variant(id, built, fields) {
  return {
    module: path.join(VARIANTS_DIR, id, 'index.js'),
    role: 'binding',
    ...fields,
    unavailable: () => unavailableReason(id, built),
  };
}

/** Variant id → its declaration, in report column order. */
const VARIANTS = {
  'napi-compat': variant('napi-compat', 'bindlab_napi_compat.node', {
    road: 'node-api',
    library: { name: 'napi-rs (compat mode)', crate: 'napi', lock: 'variants/Cargo.lock' },
    description: 'napi-rs 3 compat mode: #[js_function] + CallContext, no #[napi] borrow machinery',
  }),
  'napi-v2': variant('napi-v2', 'bindlab_napi_v2.node', {
    road: 'node-api',
    library: { name: 'napi-rs', crate: 'napi', lock: 'variants/napi-v2/Cargo.lock' },
    description: 'napi-rs 2.16 #[napi] (the previous major)',
  }),
  'napi-3.12': variant('napi-3.12', 'bindlab_napi_3_12.node', {
    road: 'node-api',
    library: { name: 'napi-rs', crate: 'napi', lock: 'variants/napi-3.12/Cargo.lock' },
    description: 'napi-rs 3.12.0 #[napi] (napi-derive 3.6.1): the last release before the per-call borrow machinery',
  }),
  neon: variant('neon', 'bindlab_neon.node', {
    road: 'node-api',
    library: { name: 'neon', crate: 'neon', lock: 'variants/Cargo.lock' },
    description: 'neon 1.x: FunctionContext exports, a JsBox behind the Counter class',
  }),
  emnapi: variant('emnapi', 'bindlab.wasi.cjs', {
    road: 'wasm',
    library: { name: 'napi-rs + emnapi', crate: 'napi', lock: 'Cargo.lock' },
    description: 'the napi binding built for wasm32-wasip1-threads: Node-API inside WebAssembly via emnapi 1.11 (npm)',
  }),
};

/** The road and library of each original implementation (plain JS has no road). */
const ORIGINALS = {
  wasm: { road: 'wasm', library: { name: 'wasm-bindgen', crate: 'wasm-bindgen', lock: 'Cargo.lock' } },
  'wasm-raw': { road: 'wasm', library: { name: 'wasm-bindgen', crate: 'wasm-bindgen', lock: 'Cargo.lock' } },
  napi: { road: 'node-api', library: { name: 'napi-rs', crate: 'napi', lock: 'Cargo.lock' } },
  'napi-raw': { road: 'node-api', library: { name: 'napi-sys', crate: 'napi-sys', lock: 'Cargo.lock' } },
};

module.exports = { VARIANTS, ORIGINALS };
