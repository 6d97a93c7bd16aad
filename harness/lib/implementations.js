// The implementations every case runs against, each loaded in its own process.
//   module    what the worker requires
//   pick      the property of the module's lab API holding the API (the raw floors), if any
//   role      'baseline' (plain JS), 'binding' (a binding a user chooses between) or 'floor'
//   floorOf   for a floor: the binding it is the hand-written lower bound of
// A binding package keeps its probes and instruments under `pkg.lab`; cases, lifetime
// experiments and repro claims get the lab API: the product and the lab in one object.
'use strict';

/** Implementation name → how to load it and what it is, in report column order. */
const IMPLEMENTATIONS = {
  js: { module: '@bindlab/bench-js/plain.js', role: 'baseline', description: 'plain JavaScript (the baseline)' },
  wasm: { module: '@bindlab/wasm', role: 'binding', description: 'wasm-bindgen glue (thick binding)' },
  'wasm-raw': { module: '@bindlab/wasm', pick: 'raw', role: 'floor', floorOf: 'wasm', description: 'direct wasm exports, no glue (floor of wasm)' },
  napi: { module: '@bindlab/napi', role: 'binding', description: 'napi-rs (thin binding)' },
  'napi-raw': { module: '@bindlab/napi', pick: 'raw', role: 'floor', floorOf: 'napi', description: 'Node-API without macros (floor of napi), with the napi-rs overhead ladders' },
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
