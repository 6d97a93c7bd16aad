// @bindlab/napi's types: at the top level the product, which is the classes napi-rs
// generates for src/api/ plus the shared front; under `lab` the rest of what it generates
// (probes, lifetime instruments) and the Node-API floor `raw`.
import type * as binding from './binding'
import type { RawFloor } from '@bindlab/api/front'

export { GcMonitor, HeapSnapshot, HeapSummary, SnapshotParser, NodeIds } from './binding'
export * from '@bindlab/api/front'

/** The lab: what the harness measures, apart from the product. */
export declare const lab: Omit<typeof binding, 'GcMonitor' | 'HeapSnapshot' | 'HeapSummary' | 'SnapshotParser' | 'NodeIds'> & {
  /** The Node-API floor, with the napi-rs overhead ladders. */
  raw: RawFloor
}
