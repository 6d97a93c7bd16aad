// Scenario "owned": Rust objects owned by JS. Creates `count` Tracked values of `bytes`
// each and drops them at once (or `free()`s them first), yielding to the event loop every
// `yieldEvery` (0: a fully synchronous loop). Then, in phases: `minorGcs` forced
// scavenges (0: none), the event loop alone for up to `settleMs`, forced full GCs until
// `RECLAIM_TARGET` of them were dropped. Reclaims are counted by the core's drop counter
// (Rust side, touches no JS object); JS-side finalization only on the sampler's sample.
'use strict';

const { turn, sleep, settle } = require('../turns.js');

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

module.exports = { owned };
