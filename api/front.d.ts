// The part of the public surface that @bindlab/api adds to both packages, and the shape
// of the `lab.raw` floors both have. Each package's index.d.ts re-exports this beside the
// product classes its binding generator writes, and declares `lab` from the rest of them;
// test/types.test.js keeps them in step.

/** memwatch's `stats` payload. */
export interface MemwatchStats {
  num_full_gc: number
  num_inc_gc: number
  heap_compactions: number
  usage_trend: number
  estimated_base: number
  current_base: number
  min: number
  max: number
}

/** memwatch's `leak` payload, plus which detector fired. */
export interface MemwatchLeak {
  start: number
  end: number
  growth: number
  reason: string
  detector: 'consecutive_growth' | 'trend'
}

/** GC monitor options: memwatch's exact behaviour (`compat`) or the fixed one. */
export interface MemwatchOptions {
  mode?: 'compat' | 'fixed'
  leakRule?: { enabled?: boolean; consecutive?: number; minGrowth?: number }
  trend?: {
    enabled?: boolean
    window?: number
    minSamples?: number
    minSlopeBytesPerSec?: number
    minRSquared?: number
    confidenceZ?: number
  }
}

/** One class row of a HeapDiff, with the shortest retainer path (not in memwatch). */
export interface HeapDiffDetail {
  what: string
  size_bytes: number
  size: string
  '+': number
  '-': number
  retainers: Array<{ node: string; edge: string }>
}

/** One snapshot's totals in a HeapDiff. */
export interface HeapDiffTotals {
  nodes: number
  size_bytes: number
  size: string
}

/** memwatch's HeapDiff result. */
export interface HeapDiffResult {
  before: HeapDiffTotals
  after: HeapDiffTotals
  change: {
    size_bytes: number
    size: string
    freed_nodes: number
    allocated_nodes: number
    details: HeapDiffDetail[]
  }
}

/** One class of a snapshot: its node count and total self size. */
export interface ClassRow {
  name: string
  count: number
  selfSize: number
  /** classes() only: the retained sizes of the class's nodes that no other node of the class dominates, in bytes. */
  retainedSize?: number
}

/** A parsed snapshot (the package's `HeapSnapshot` class), as `parseSnapshot` returns it. */
export interface SnapshotHandle {
  /** The number of nodes. */
  readonly nodeCount: number
  /** The number of edges. */
  readonly edgeCount: number
  /** Every node's self size added up, in bytes. */
  readonly totalSize: number
  /** Bytes of Rust memory this handle holds (0 once freed). */
  readonly heapBytes: number
  /** Every class with its count and total self size, sorted by name. */
  classes(): ClassRow[]
  /** The `n` classes with the largest total self size, largest first. */
  topClasses(n: number): ClassRow[]
  /** Reduces the snapshot to what a HeapDiff needs of its "before" side; `sameIdTypeAndName`
   * diffs by the id-reuse rule (a changed type or name is freed + allocated) instead of memwatch's. */
  summarize(reportExternalMemory?: boolean, sameIdTypeAndName?: boolean): SummaryHandle
  /** The retained size of the node with id `nodeId`, in bytes (a RangeError for an id no node has). The
   * dominator tree is computed on the first of retainedSize/dominatorOf/topRetained/classes/findLeaks. */
  retainedSize(nodeId: number): number
  /** The id of the immediate dominator of the node with id `nodeId`; null for the root. */
  dominatorOf(nodeId: number): number | null
  /** The `n` nodes (the root aside) with the largest retained size, largest first. */
  topRetained(n: number): RetainedRow[]
  /** The ids of every node (for a leak search); `sameIdTypeAndName` also keeps each node's type and name. */
  nodeIds(sameIdTypeAndName?: boolean): NodeIdsHandle
  /** The leaks measured in this snapshot: its objects whose id is not in `baseline` and is in `other`. */
  findLeaks(baseline: NodeIdsHandle, other: NodeIdsHandle): LeakRow[]
  /** Drops the parsed data now instead of at garbage collection. */
  free(): void
}

/** The "before" side of a HeapDiff (the package's `HeapSummary` class). */
export interface SummaryHandle {
  /** All nodes of the snapshot, reachable or not. */
  readonly nodeCount: number
  /** The reachable nodes' self sizes added up. */
  readonly sizeBytes: number
  /** Bytes of Rust memory this handle holds (0 once freed). */
  readonly heapBytes: number
  /** memwatch's HeapDiff from this summary to `after`. */
  diff(after: SnapshotHandle): HeapDiffResult
  /** Drops the summary now instead of at garbage collection. */
  free(): void
}

/** One node with its retained size. */
export interface RetainedRow {
  id: number
  name: string
  type: string
  selfSize: number
  retainedSize: number
}

/** The node ids of a snapshot (the package's `NodeIds` class). */
export interface NodeIdsHandle {
  /** How many distinct ids. */
  readonly size: number
  /** Bytes of Rust memory held. */
  readonly heapBytes: number
  /** Drops the ids now instead of at garbage collection. */
  free(): void
}

/** One step of a leak trace, from the objects' holder towards the root. */
export interface TraceStep {
  /** The edge's name: a property or variable name, `[i]`, or `…` where a long trace is cut. */
  edge: string
  /** The class of the node the edge comes from (after `…`: the node the path starts from). */
  node: string
}

/** One group of leaked objects: same class, same retainer trace. */
export interface LeakRow {
  what: string
  count: number
  retainedSize: number
  trace: TraceStep[]
}

/** How findLeaks matches and measures. */
export interface LeakOptions {
  /** 'sameId' (default, memwatch's and memlab's rule) or 'sameIdTypeAndName' (V8 reuses ids: a changed type or name is a new object). */
  idRule?: 'sameId' | 'sameIdTypeAndName'
  /** Which snapshot sizes and traces come from: 'target' (default) or 'final' (as memlab). */
  measureIn?: 'target' | 'final'
}

/** A snapshot given by path, bytes or an already parsed handle. */
export type SnapshotInput = string | Uint8Array | ArrayBuffer | SnapshotHandle

/** Options for parsing: whether napi reports the handle's memory to V8 (default true). */
export interface ParseOptions {
  reportExternalMemory?: boolean
}

/** Adds a listener ('stats' and 'leak' come from GCs; other events are plain). An error
 * thrown by a 'stats' or 'leak' listener goes to the 'error' listeners, or without any
 * becomes a process warning (code BINDLAB_GC_LISTENER): it is never thrown out of the GC
 * observer. After a Rust panic (wasm) the listeners and options carry over to a new
 * monitor, whose GC counts start again. */
export declare function on(event: 'stats', listener: (stats: MemwatchStats) => void): unknown
export declare function on(event: 'leak', listener: (leak: MemwatchLeak) => void): unknown
export declare function on(event: string, listener: (...args: any[]) => void): unknown
/** `on` under EventEmitter's other name. */
export declare const addListener: typeof on
/** Adds a listener called at most once. */
export declare const once: typeof on
/** Removes one registration of a listener. */
export declare function off(event: string, listener: (...args: any[]) => void): unknown
/** `off` under EventEmitter's other name. */
export declare const removeListener: typeof off
/** How many listeners an event has. */
export declare function listenerCount(event: string): number
/** Removes every listener of `event`, or of every event. */
export declare function removeAllListeners(event?: string): unknown
/** The listeners of an event, in call order (`once` ones as given). */
export declare function listeners(event: string): Array<(...args: any[]) => void>
/** The listeners of an event as registered (a `once` wrapper's `listener` is the one given). */
export declare function rawListeners(event: string): Array<(...args: any[]) => void>
/** Adds a listener before the others of the event. */
export declare const prependListener: typeof on
/** Adds a listener called at most once, before the others of the event. */
export declare const prependOnceListener: typeof on
/** The events that have listeners ('stats' and 'leak' first). */
export declare function eventNames(): Array<string | symbol>
/** How many listeners one event may have before the leak warning (0: no limit). */
export declare function setMaxListeners(n: number): unknown
/** That limit. */
export declare function getMaxListeners(): number
/** Emits a non-GC event. */
export declare function emit(event: string, ...args: unknown[]): boolean
/** Replaces the GC monitor's options; only while no 'stats' or 'leak' listener exists. */
export declare function configure(options?: MemwatchOptions): void
/** A full garbage collection (no --expose-gc needed), or with `{ type: 'minor' }` a scavenge only (V8). */
export declare function gc(options?: { type?: 'major' | 'minor' }): void

/** memwatch's HeapDiff: a snapshot now, another at end(), and the diff between them. */
export declare class HeapDiff {
  constructor()
  /** A HeapDiff whose first snapshot is streamed instead of written to a file. */
  static startAsync(): Promise<HeapDiff>
  end(): HeapDiffResult
  endAsync(): Promise<HeapDiffResult>
}

/** Parses a snapshot file or bytes. */
export declare function parseSnapshot(input: string | Uint8Array | ArrayBuffer, options?: ParseOptions): SnapshotHandle
/** Parses a snapshot file (streamed), bytes, or (async) iterable chunks such as v8.getHeapSnapshot(). */
export declare function parseSnapshotAsync(
  input: string | Uint8Array | ArrayBuffer | Blob | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options?: ParseOptions,
): Promise<SnapshotHandle>
/** How diffSnapshots matches the nodes of its two snapshots. */
export interface DiffOptions {
  /** 'sameId' (default, memwatch's rule) or 'sameIdTypeAndName' (V8 reuses ids: a changed type or name is freed + allocated). */
  idRule?: 'sameId' | 'sameIdTypeAndName'
}

/** memwatch's HeapDiff between two snapshots. */
export declare function diffSnapshots(before: SnapshotInput, after: SnapshotInput, options?: DiffOptions): HeapDiffResult
/** `diffSnapshots`, also taking (async) iterables of chunks. */
export declare function diffSnapshotsAsync(
  before: SnapshotInput | Blob | AsyncIterable<Uint8Array | string>,
  after: SnapshotInput | Blob | AsyncIterable<Uint8Array | string>,
  options?: DiffOptions,
): Promise<HeapDiffResult>
/** memlab's find-leaks: objects allocated after `baseline`, present in `target` and still in `final`, grouped by
 * class and retainer trace, largest retained size first. Each input is parsed and freed in turn. */
export declare function findLeaks(baseline: SnapshotInput, target: SnapshotInput, final: SnapshotInput, options?: LeakOptions): LeakRow[]
/** `findLeaks`, also taking Blobs and (async) iterables of chunks. */
export declare function findLeaksAsync(
  baseline: SnapshotInput | Blob | AsyncIterable<Uint8Array | string>,
  target: SnapshotInput | Blob | AsyncIterable<Uint8Array | string>,
  final: SnapshotInput | Blob | AsyncIterable<Uint8Array | string>,
  options?: LeakOptions,
): Promise<LeakRow[]>

/** The floors (`lab.raw`): the same probes with no binding generator in between. */
export interface RawFloor {
  noop(): void
  add(a: number, b: number): number
  mulAdd(a: number, b: number, c: number): number
  sum(values: Float64Array): number
  [floor: string]: unknown
}
