// Experiment 1: Rust objects owned by JS, created and dropped in bulk — when is each
// reclaimed, and how high does memory peak? napi finalizers against wasm-bindgen's
// FinalizationRegistry, with and without yielding, with and without free() on wasm, with
// forced scavenges — and, to show the observer effect the lab once measured, with every
// napi wrapper registered in a FinalizationRegistry.
'use strict';

/** 20,000 × 2 KiB: enough young-generation allocation for V8 to scavenge, so quick mode keeps it. */
const base = { count: 20000, bytes: 2048, yieldEvery: 0, free: false, settleMs: 800, trackEvery: 100 };
/**
 * How far a headline share and its control's may differ: the 1 % the sample keeps for a
 * full GC, plus the run-to-run spread of the same run on this machine — reclaims without a
 * forced GC come in steps of one GC (over 10 runs of 20,000 objects, yielding every 100:
 * napi 0.71–0.91 during the loop, wasm 0.63–0.86; a synchronous napi loop's idle reclaim 0.78–0.93).
 */
const SYNC = { reclaimedInLoop: { abs: 0.01 }, reclaimedWithoutForcedGc: { abs: 0.2 } };
const YIELDING = { reclaimedInLoop: { abs: 0.25 } };
const untracked = { reduce: { trackEvery: 0 }, says: 'no object registered for JS-side finalization' };

module.exports = [{
  id: 'owned-objects',
  title: 'Rust objects owned by JS: create N, drop them',
  question: 'When is Rust memory behind dropped JS wrappers reclaimed, and how high does it peak?',
  instruments: 'reclaims are counted by the core’s drop counter (Rust side, touches no JS object); 1 wrapper in 100 is registered in a FinalizationRegistry '
    + 'for JS-side finalization (registered objects survive scavenges, so each such object waits for a full GC); memory and counters are read every 400 objects',
  scenario: 'owned',
  sampled: ['rss', 'rustLiveBytes', 'rustDropped', 'jsFinalized', 'wasmMemory', 'heapUsed', 'gcMinor', 'gcMajor'],
  tiny: {},
  runs: [
    { binding: 'napi', variant: 'sync', params: { ...base } },
    { binding: 'napi', variant: 'yield-100', params: { ...base, yieldEvery: 100 } },
    { binding: 'napi', variant: 'sync-minor-gc', params: { ...base, minorGcs: 2 } },
    { binding: 'napi', variant: 'sync-all-registered', params: { ...base, minorGcs: 2, trackEvery: 1 } },
    { binding: 'wasm', variant: 'sync', params: { ...base } },
    { binding: 'wasm', variant: 'yield-100', params: { ...base, yieldEvery: 100 } },
    { binding: 'wasm', variant: 'sync-minor-gc', params: { ...base, minorGcs: 2 } },
    { binding: 'wasm', variant: 'sync-free', params: { ...base, free: true } },
  ],
  controls: [
    { of: 'napi/sync', ...untracked, within: SYNC },
    { of: 'napi/yield-100', ...untracked, within: YIELDING },
    { of: 'napi/sync-minor-gc', ...untracked, within: { reclaimedAfterMinorGc: { abs: 0.02 } } },
    { of: 'wasm/sync', ...untracked, within: SYNC },
    { of: 'wasm/yield-100', ...untracked, within: YIELDING },
  ],
  rules: [
    { says: 'napi: no finalizer runs during a synchronous loop (≤ 1 % reclaimed)', left: 'napi/sync.reclaimedInLoop', op: '<=', right: 0.01 },
    { says: 'wasm without free(): nothing reclaimed during a synchronous loop (≤ 1 %)', left: 'wasm/sync.reclaimedInLoop', op: '<=', right: 0.01 },
    { says: 'wasm with free(): every value reclaimed inside the loop', left: 'wasm/sync-free.reclaimedInLoop', op: '>=', right: 1 },
    { says: 'napi: yielding every 100 reclaims most objects during the loop (> 50 %)', left: 'napi/yield-100.reclaimedInLoop', op: '>', right: 0.5, needsDefaultSizes: true },
    { says: 'wasm: yielding every 100 reclaims most objects during the loop (> 50 %)', left: 'wasm/yield-100.reclaimedInLoop', op: '>', right: 0.5, needsDefaultSizes: true },
    { says: 'napi: yielding at least halves the peak of live Rust memory', left: 'napi/yield-100.peakRustLiveBytes', op: '<=', right: 'napi/sync.peakRustLiveBytes', times: 0.5, needsDefaultSizes: true },
    { says: 'wasm: yielding lowers the peak of live Rust memory by at least 10 %', left: 'wasm/yield-100.peakRustLiveBytes', op: '<=', right: 'wasm/sync.peakRustLiveBytes', times: 0.9, needsDefaultSizes: true },
    { says: 'napi: the event loop alone (no forced GC) reclaims over half within the settle time', left: 'napi/sync.reclaimedWithoutForcedGc', op: '>', right: 0.5, needsDefaultSizes: true },
    { says: 'wasm: the event loop alone (no forced GC) reclaims over half within the settle time', left: 'wasm/sync.reclaimedWithoutForcedGc', op: '>', right: 0.5, needsDefaultSizes: true },
    // "by scavenges alone" is not measured when V8 ran a full GC of its own before the idle phase
    { says: 'napi: two forced scavenges, no full GC, reclaim at least 95 %', left: 'napi/sync-minor-gc.reclaimedByScavengesAlone', op: '>=', right: 0.95 },
    { says: 'napi, every wrapper in a FinalizationRegistry: two forced scavenges, no full GC, reclaim ≤ 1 % (registered objects wait for a full GC)', left: 'napi/sync-all-registered.reclaimedByScavengesAlone', op: '<=', right: 0.01 },
    { says: 'napi, every wrapper in a FinalizationRegistry: a full GC reclaims them (≥ 99.9 %)', left: 'napi/sync-all-registered.reclaimedAtEnd', op: '>=', right: 0.999 },
    { says: 'napi: at least 99.9 % reclaimed in the end', left: 'napi/sync.reclaimedAtEnd', op: '>=', right: 0.999 },
    { says: 'wasm: at least 99.9 % reclaimed in the end', left: 'wasm/sync.reclaimedAtEnd', op: '>=', right: 0.999 },
    { says: 'wasm linear memory never shrinks after the values are freed', left: 'wasm/sync.wasmMemoryReturned', op: '==', right: 0 },
  ],
}];
