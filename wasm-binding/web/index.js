// @bindlab/wasm in the browser (`import … from '@bindlab/wasm/web'`): the offline snapshot
// API — parse and diff from bytes, Blob/File, ReadableStream or (async) iterables of
// chunks — over wasm-pack's web build of the glue, with the same guards as on Node. The
// memwatch part (GC events, HeapDiff of the running process) needs Node and is not here.
// The bootstrap bundles this file into web/dist/bindlab.mjs beside the .wasm it loads.
import init, * as glue from '../pkg-web/bindlab_wasm.js';
import { guard } from '../guard.js';
import { snapshotFront } from '@bindlab/api/lib/snapshots.js';

await init();
const binding = { ...glue };
guard(binding);

export const { parseSnapshot, parseSnapshotAsync, diffSnapshots, diffSnapshotsAsync } = snapshotFront(binding, null);
export const { HeapSnapshot, HeapSummary, SnapshotParser } = binding;
