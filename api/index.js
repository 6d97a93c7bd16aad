// @bindlab/api: the JavaScript front both binding packages share. It adds to a
// binding's exports what only JavaScript can do — listen for GCs, take heap snapshots,
// read files and streams — and leaves all logic to the binding (and so to the core).
'use strict';

const { memwatchFront } = require('./lib/memwatch.js');
const { snapshotFront } = require('./lib/snapshots.js');

/**
 * Adds the memwatch drop-in (`on`, `once`, `off`, `gc`, `configure`, `HeapDiff`) and
 * the offline snapshot functions (`parseSnapshot`, `parseSnapshotAsync`,
 * `diffSnapshots`, `diffSnapshotsAsync`) to a binding's exports object, in place.
 */
function install(binding) {
  const snapshots = snapshotFront(binding);
  Object.assign(binding, snapshots, memwatchFront(binding, snapshots));
  return binding;
}

module.exports = { install };
