// @bindlab/wasm/web: the offline snapshot API in a browser (no memwatch part, no file paths).
export { parseSnapshot, parseSnapshotAsync, diffSnapshots, diffSnapshotsAsync } from '@bindlab/api/front';
export type { SnapshotHandle, SummaryHandle, HeapDiffResult, ClassRow, ParseOptions } from '@bindlab/api/front';
export { HeapSnapshot, HeapSummary, SnapshotParser } from '../pkg/bindlab_wasm';
