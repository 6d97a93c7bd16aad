// Experiment 1: Rust objects owned by JS, created and dropped in bulk — when is each
// reclaimed, and how high does memory peak? napi finalizers against wasm-bindgen's
// FinalizationRegistry, with and without yielding, with and without free() on wasm.
'use strict';

const base = { count: 20000, bytes: 2048, yieldEvery: 0, free: false, settleMs: 800 };

module.exports = [{
  id: 'owned-objects',
  title: 'Rust objects owned by JS: create N, drop them',
  question: 'When is Rust memory behind dropped JS wrappers reclaimed, and how high does it peak?',
  scenario: 'owned',
  sampled: ['rss', 'rustLiveBytes', 'rustDropped', 'jsFinalized', 'wasmMemory', 'heapUsed'],
  tiny: { count: 400, settleMs: 800 },
  runs: [
    { binding: 'napi', variant: 'sync', params: { ...base } },
    { binding: 'napi', variant: 'yield-100', params: { ...base, yieldEvery: 100 } },
    { binding: 'wasm', variant: 'sync', params: { ...base } },
    { binding: 'wasm', variant: 'yield-100', params: { ...base, yieldEvery: 100 } },
    { binding: 'wasm', variant: 'sync-free', params: { ...base, free: true } },
  ],
  rules: [
    { says: 'napi: no finalizer runs during a synchronous loop (≤ 1 % reclaimed)', left: 'napi/sync.reclaimedInLoop', op: '<=', right: 0.01 },
    { says: 'wasm without free(): nothing reclaimed during a synchronous loop (≤ 1 %)', left: 'wasm/sync.reclaimedInLoop', op: '<=', right: 0.01 },
    { says: 'wasm with free(): every value reclaimed inside the loop', left: 'wasm/sync-free.reclaimedInLoop', op: '>=', right: 1 },
    { says: 'napi: yielding every 100 lets finalizers reclaim during the loop (> 10 %)', left: 'napi/yield-100.reclaimedInLoop', op: '>', right: 0.1 },
    { says: 'wasm: yielding every 100 lets the FinalizationRegistry reclaim during the loop (> 10 %)', left: 'wasm/yield-100.reclaimedInLoop', op: '>', right: 0.1 },
    { says: 'napi: yielding at least halves the peak of live Rust memory', left: 'napi/yield-100.peakRustLiveBytes', op: '<=', right: 'napi/sync.peakRustLiveBytes', times: 0.5 },
    { says: 'wasm: yielding at least halves the peak of live Rust memory', left: 'wasm/yield-100.peakRustLiveBytes', op: '<=', right: 'wasm/sync.peakRustLiveBytes', times: 0.5 },
    { says: 'napi: the event loop alone (no forced GC) reclaims over half within the settle time', left: 'napi/sync.reclaimedWithoutForcedGc', op: '>', right: 0.5 },
    { says: 'wasm: the event loop alone (no forced GC) reclaims over half within the settle time', left: 'wasm/sync.reclaimedWithoutForcedGc', op: '>', right: 0.5 },
    { says: 'napi: at least 99.9 % reclaimed in the end', left: 'napi/sync.reclaimedAtEnd', op: '>=', right: 0.999 },
    { says: 'wasm: at least 99.9 % reclaimed in the end', left: 'wasm/sync.reclaimedAtEnd', op: '>=', right: 0.999 },
    { says: 'after a synchronous loop, napi finalizers reclaim 99.9 % sooner than the wasm FinalizationRegistry', left: 'napi/sync.msToReclaim', op: '<', right: 'wasm/sync.msToReclaim' },
    { says: 'wasm linear memory never shrinks after the values are freed', left: 'wasm/sync.wasmMemoryReturned', op: '==', right: 0 },
  ],
}];
