// @bindlab/api: the JavaScript front both binding packages share. It adds to a
// binding's exports what only JavaScript can do — listen for GCs, take heap snapshots,
// read files and streams — and leaves all logic to the binding (and so to the core).
'use strict';

const { memwatchFront } = require('./lib/memwatch.js');
const { snapshotFront } = require('./lib/snapshots.js');
const files = require('./lib/files.js');

/**
 * What the package adds to its binding's exports: the memwatch drop-in (`on`, `once`, `off`,
 * `gc`, `configure`, `HeapDiff`) and the offline snapshot functions (`parseSnapshot`,
 * `parseSnapshotAsync`, `diffSnapshots`, `diffSnapshotsAsync`). `published()` returns the
 * package's exports object, which `on`, `once` and `off` return for chaining.
 *
 * A package spreads the binding and these into a new object literal rather than adding them
 * to the loader's object: that object is in V8's dictionary mode (napi-rs's from the start,
 * wasm-bindgen's after a `delete`), where `pkg.add(…)` looks `add` up in a hash table on every
 * call, 3–4 ns, as much again as a whole wasm call; a literal has fast properties, and Node's
 * ESM loader still reads its `...require(…)` as a re-export for the named imports.
 */
function front(binding, published) {
  const snapshots = snapshotFront(binding, files);
  return { ...snapshots, ...memwatchFront(binding, snapshots, published) };
}

module.exports = { front };
