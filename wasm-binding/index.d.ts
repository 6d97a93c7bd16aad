// @bindlab/wasm's types: at the top level the product, which is the classes wasm-bindgen
// generates for src/api/ plus the shared front; under `lab` the rest of what it generates
// (probes, lifetime instruments) and the wasm floor `raw`.
import type * as glue from './pkg/bindlab_wasm'
import type { RawFloor } from '@bindlab/api/front'

export { GcMonitor, HeapSnapshot, HeapSummary, SnapshotParser, NodeIds } from './pkg/bindlab_wasm'
export * from '@bindlab/api/front'

/** The lab: what the harness measures, apart from the product. */
export declare const lab: Omit<typeof glue, 'GcMonitor' | 'HeapSnapshot' | 'HeapSummary' | 'SnapshotParser' | 'NodeIds'> & {
  /** The wasm floor: the instance's own exports, with no glue. */
  raw: RawFloor
}
