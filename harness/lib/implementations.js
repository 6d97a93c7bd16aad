// The implementations every case runs against, each loaded in its own process.
//   module    what the worker requires
//   pick      the property of the module's lab API holding the API (the raw floors), if any
//   role      'baseline' (plain JS), 'binding' (a binding a user chooses between), 'floor'
//             or 'peer' (another library doing the same job, run beside bindlab)
//   floorOf   for a floor: the binding it is the hand-written lower bound of
//   road, library, unavailable   see harness/lib/variants.js, which declares the variants
//             of issue 13 and the road and library of the original four
// A binding package keeps its probes and instruments under `pkg.lab`; cases, lifetime
// experiments and repro claims get the lab API: the product and the lab in one object.
'use strict';

const { VARIANTS, ORIGINALS } = require('./variants.js');

/** Implementation name → how to load it and what it is, in report column order. */
const IMPLEMENTATIONS = {
  js: { module: '@bindlab/bench-js/plain.js', role: 'baseline', description: 'plain JavaScript (the baseline)' },
  wasm: { module: '@bindlab/wasm', role: 'binding', ...ORIGINALS.wasm, description: 'wasm-bindgen glue (thick binding)' },
  'wasm-raw': { module: '@bindlab/wasm', pick: 'raw', role: 'floor', floorOf: 'wasm', ...ORIGINALS['wasm-raw'], description: 'direct wasm exports, no glue (floor of wasm)' },
  napi: { module: '@bindlab/napi', role: 'binding', ...ORIGINALS.napi, description: 'napi-rs (thin binding)' },
  'napi-raw': { module: '@bindlab/napi', pick: 'raw', role: 'floor', floorOf: 'napi', ...ORIGINALS['napi-raw'], description: 'Node-API without macros (floor of napi), with the napi-rs overhead ladders' },
  ...VARIANTS,
  memlab: { module: '@bindlab/bench-js/peers/memlab.js', role: 'peer', description: 'memlab 2.0.5 full loader (parse, dominators, retained sizes) and find-leaks (a peer, not a binding)' },
  'v8-heap-parser': { module: '@bindlab/bench-js/peers/v8-heap-parser.js', role: 'peer', description: '@vscode/v8-heap-parser 0.1.0, the wasm build of the v8-heap-parser crate (a peer, not a binding)' },
};

/** The implementation to compare `name` with: the baseline's name, and its floor when it has one. */
function referencesOf(name) {
  const baseline = Object.keys(IMPLEMENTATIONS).find((n) => IMPLEMENTATIONS[n].role === 'baseline');
  const floor = Object.keys(IMPLEMENTATIONS).find((n) => IMPLEMENTATIONS[n].floorOf === name);
  return { baseline: name === baseline ? undefined : baseline, floor };
}

/** A loaded module's lab API: its top-level exports and its `lab` namespace (when it has
 * one) in one new object, without the `lab` key itself. */
function labApi(loaded) {
  const { lab, ...product } = loaded;
  return { ...product, ...lab };
}

/** Loads the lab API of implementation `name` (an empty object when a floor's module lacks it). */
function loadImplementation(name, requireFn) {
  const { module, pick } = IMPLEMENTATIONS[name];
  const api = labApi(requireFn(module));
  return pick ? api[pick] ?? {} : api;
}

module.exports = { IMPLEMENTATIONS, referencesOf, labApi, loadImplementation };
