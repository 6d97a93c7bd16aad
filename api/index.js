// @bindlab/api: the JavaScript front both binding packages share. It adds to a
// binding's exports what only JavaScript can do — listen for GCs, take heap snapshots,
// read files and streams — and leaves all logic to the binding (and so to the core).
// It also draws the line between the product and the lab: `packageExports` puts the
// product at the top level, the same names on both packages, and everything else the
// binding exports (probes, lifetime instruments, floors) under `lab`.
'use strict';

const { memwatchFront } = require('./lib/memwatch.js');
const { snapshotFront } = require('./lib/snapshots.js');
const files = require('./lib/files.js');

/** The binding exports (from each crate's `src/api/`) that are product, so top-level. Every
 * other binding export is lab. A new product item of a binding is added here. */
const PRODUCT_BINDING_EXPORTS = ['GcMonitor', 'SnapshotParser', 'HeapSnapshot', 'HeapSummary', 'NodeIds'];

/**
 * What the package adds to its binding's exports: the memwatch drop-in (`on`, `once`, `off`,
 * `gc`, `configure`, `HeapDiff`) and the offline snapshot functions (`parseSnapshot`,
 * `parseSnapshotAsync`, `diffSnapshots`, `diffSnapshotsAsync`). `published()` returns the
 * package's exports object, which `on`, `once` and `off` return for chaining.
 */
function front(binding, published) {
  const snapshots = snapshotFront(binding, files);
  return { ...snapshots, ...memwatchFront(binding, snapshots, published) };
}

/**
 * A package's exports: the product binding exports (in PRODUCT_BINDING_EXPORTS' order, so
 * both packages list the same keys in the same order) and the front at the top level, and
 * `lab`: every other binding export plus `labExtras` (the package's floor, `raw`).
 *
 * Both objects are new object literals rather than the loader's object: that one is in V8's
 * dictionary mode (napi-rs's from the start, wasm-bindgen's after a `delete`), where
 * `pkg.add(…)` looks `add` up in a hash table on every call, 3–4 ns, as much again as a
 * whole wasm call; a literal has fast properties, and Node's ESM loader reads the names
 * the bootstrap lists in `index.mjs`.
 */
function packageExports(binding, labExtras, published) {
  const isProduct = (name) => PRODUCT_BINDING_EXPORTS.includes(name);
  const product = Object.fromEntries(PRODUCT_BINDING_EXPORTS.map((name) => [name, binding[name]]));
  const lab = { ...Object.fromEntries(Object.entries(binding).filter(([name]) => !isProduct(name))), ...labExtras };
  return { ...product, ...front(binding, published), lab };
}

module.exports = { packageExports, PRODUCT_BINDING_EXPORTS };
