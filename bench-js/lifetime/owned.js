// Experiment 1: Rust objects owned by JS, created and dropped in bulk — when is each
// reclaimed, and how high does memory peak? napi finalizers against wasm-bindgen's
// FinalizationRegistry, with and without yielding, with and without free() on wasm, with
// forced scavenges — and, to show the observer effect the lab once measured, with every
// napi wrapper registered in a FinalizationRegistry.
// owned(), what each run executes: Rust objects owned by JS. Creates `count` Tracked values of `bytes`
// each and drops them at once (or `free()`s them first), yielding to the event loop every
// `yieldEvery` (0: a fully synchronous loop). Then, in phases: `minorGcs` forced
// scavenges (0: none), the event loop alone for up to `settleMs`, forced full GCs until
// `RECLAIM_TARGET` of them were dropped. Reclaims are counted by the core's drop counter
// (Rust side, touches no JS object); JS-side finalization only on the sampler's sample.
'use strict';

const { turn, sleep, settle } = require('./support.js');

/** The share of values whose drop counts as "reclaimed" (one straggler kept by a stack slot does not count). */
const RECLAIM_TARGET = 0.999;
/** How long after each forced scavenge the event loop turns, so that the finalizers it queued run. */
const AFTER_MINOR_GC_MS = 5;

/** Milliseconds from `from` to the first reading in `readings` where `dropped(reading)` reaches `share` of `count`; null when none does. */
function msToShare(readings, from, dropped, count, share) {
  const hit = readings.find((r) => dropped(r) >= share * count);
  return hit ? hit.t - from : null;
}

/** Runs the scenario; resolves with its measures. */
async function owned(impl, sampler, { count, bytes, yieldEvery, free, settleMs, minorGcs = 0 }) {
  const before = sampler.sample('start');
  const droppedIn = (reading) => reading.rustDropped - before.rustDropped;
  const dropped = () => droppedIn(sampler.read());
  const reclaimed = () => dropped() >= RECLAIM_TARGET * count;
  const sampleEvery = Math.max(1, Math.floor(count / 50));
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const value = new impl.Tracked(bytes);
    sampler.track(value);
    if (free) value.free();
    if ((i + 1) % sampleEvery === 0) sampler.sample('loop');
    if (yieldEvery && (i + 1) % yieldEvery === 0) await turn();
  }
  const loopMs = performance.now() - started;
  const loopEnd = sampler.sample('loop end');
  const droppedInLoop = dropped();
  for (let i = 0; i < minorGcs; i++) {
    impl.gc({ type: 'minor' });
    await sleep(AFTER_MINOR_GC_MS);
    sampler.sample('forced minor GC');
  }
  const droppedAfterMinorGc = dropped();
  const idleFrom = sampler.read().t;
  const idleMs = await settle(sampler, reclaimed, { timeoutMs: settleMs, label: 'event loop' });
  const idle = sampler.since(idleFrom);
  const idleEnd = sampler.read();
  const forcedMs = idleMs === null
    ? await settle(sampler, reclaimed, { timeoutMs: settleMs, collect: () => impl.gc(), label: 'forced full GC' })
    : 0;
  await turn(); // GC entries reach the observer asynchronously
  const gcsInLoop = sampler.gcsBetween(before.t, loopEnd.t);
  const gcsInMinorPhase = sampler.gcsBetween(loopEnd.t, idleFrom);
  const gcsIdle = sampler.gcsBetween(idleFrom, idleEnd.t);
  const fullGcBeforeIdle = gcsInLoop.gcMajor + gcsInMinorPhase.gcMajor > 0;
  const share = (n) => n / count;
  return {
    count,
    loopMs,
    reclaimedInLoop: share(droppedInLoop),
    reclaimedAfterMinorGc: minorGcs > 0 ? share(droppedAfterMinorGc) : null,
    // what the scavenges freed, when V8 ran no full GC of its own before the idle phase
    reclaimedByScavengesAlone: minorGcs > 0 && !fullGcBeforeIdle ? share(droppedAfterMinorGc) : null,
    reclaimedWithoutForcedGc: share(droppedIn(idleEnd)),
    idleTo50Ms: msToShare(idle, idleFrom, droppedIn, count, 0.5),
    idleTo90Ms: msToShare(idle, idleFrom, droppedIn, count, 0.9),
    reclaimedAtEnd: share(dropped()),
    unreclaimed: count - dropped(),
    msToReclaim: idleMs ?? (forcedMs === null ? null : settleMs + forcedMs),
    minorGcsInLoop: gcsInLoop.gcMinor,
    majorGcsInLoop: gcsInLoop.gcMajor,
    majorGcsInMinorPhase: gcsInMinorPhase.gcMajor,
    minorGcsIdle: gcsIdle.gcMinor,
    majorGcsIdle: gcsIdle.gcMajor,
    jsTracked: idleEnd.jsTracked,
    jsFinalizedShareInLoop: idleEnd.jsTracked === 0 ? null : loopEnd.jsFinalized / idleEnd.jsTracked,
    jsFinalizedShareWithoutForcedGc: idleEnd.jsTracked === 0 ? null : idleEnd.jsFinalized / idleEnd.jsTracked,
    peakRustLiveBytes: sampler.peak('rustLiveBytes'),
    peakRssGrowth: sampler.peak('rss') - before.rss,
    wasmMemoryGrowth: before.wasmMemory === null ? null : sampler.peak('wasmMemory') - before.wasmMemory,
    wasmMemoryReturned: before.wasmMemory === null ? null : sampler.peak('wasmMemory') - sampler.read().wasmMemory,
  };
}

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
/**
 * Each rule's uncertainty: half the run-to-run ranges above (yielding: 0.20 and 0.23 wide;
 * the event loop alone: 0.15). Shares reached or not (at the end, after free(), in a
 * synchronous loop) and memory never returned are exact.
 */
const NOISE = {
  'napi/yield-100.reclaimedInLoop': { abs: 0.1 },
  'wasm/yield-100.reclaimedInLoop': { abs: 0.12 },
  reclaimedWithoutForcedGc: { abs: 0.08 },
};

module.exports = {
  id: 'owned-objects',
  title: 'Rust objects owned by JS: create N, drop them',
  question: 'When is Rust memory behind dropped JS wrappers reclaimed, and how high does it peak?',
  instruments: 'reclaims are counted by the core’s drop counter (Rust side, touches no JS object); 1 wrapper in 100 is registered in a FinalizationRegistry '
    + 'for JS-side finalization (registered objects survive scavenges, so each such object waits for a full GC); memory and counters are read every 400 objects',
  needs: ['gcEvents', 'minorGc'],
  measures: [
    'count', 'loopMs', 'reclaimedInLoop', 'reclaimedAfterMinorGc', 'reclaimedByScavengesAlone', 'reclaimedWithoutForcedGc',
    'idleTo50Ms', 'idleTo90Ms', 'reclaimedAtEnd', 'unreclaimed', 'msToReclaim', 'minorGcsInLoop', 'majorGcsInLoop',
    'majorGcsInMinorPhase', 'minorGcsIdle', 'majorGcsIdle', 'jsTracked', 'jsFinalizedShareInLoop', 'jsFinalizedShareWithoutForcedGc',
    'peakRustLiveBytes', 'peakRssGrowth', 'wasmMemoryGrowth', 'wasmMemoryReturned',
  ],
  units: { loopMs: 'ms', idleTo50Ms: 'ms', idleTo90Ms: 'ms', msToReclaim: 'ms', peakRustLiveBytes: 'B', peakRssGrowth: 'B', wasmMemoryGrowth: 'B', wasmMemoryReturned: 'B' },
  noise: NOISE,
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
  measure: owned,
};
