// Scenario "owned": Rust objects owned by JS. Creates `count` Tracked values of `bytes`
// each and drops them at once (or `free()`s them first), yielding to the event loop every
// `yieldEvery` (0: a fully synchronous loop); then lets the event loop turn without and
// then with forced GCs, and measures when the Rust side had dropped `RECLAIM_TARGET` of them.
'use strict';

const { turn, settle } = require('../turns.js');

/** The share of values whose drop counts as "reclaimed" (one straggler kept by a stack slot does not count). */
const RECLAIM_TARGET = 0.999;

/** Runs the scenario; resolves with its measures. */
async function owned(impl, sampler, { count, bytes, yieldEvery, free, settleMs }) {
  const dropped = () => sampler.read().rustDropped - before.rustDropped;
  const reclaimed = () => dropped() >= RECLAIM_TARGET * count;
  const before = sampler.sample('start');
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
  const naturalMs = await settle(sampler, reclaimed, { timeoutMs: settleMs, forceGc: false, label: 'event loop' });
  const droppedWithoutForcedGc = dropped();
  const forcedMs = naturalMs === null
    ? await settle(sampler, reclaimed, { timeoutMs: settleMs, forceGc: true, label: 'forced GC' })
    : 0;
  return {
    count,
    loopMs,
    reclaimedInLoop: droppedInLoop / count,
    jsFinalizedInLoop: (loopEnd.jsFinalized - before.jsFinalized) / count,
    reclaimedWithoutForcedGc: droppedWithoutForcedGc / count,
    reclaimedAtEnd: dropped() / count,
    unreclaimed: count - dropped(),
    msToReclaim: naturalMs ?? (forcedMs === null ? null : settleMs + forcedMs),
    peakRustLiveBytes: sampler.peak('rustLiveBytes'),
    peakRssGrowth: sampler.peak('rss') - before.rss,
    wasmMemoryGrowth: before.wasmMemory === null ? null : sampler.peak('wasmMemory') - before.wasmMemory,
    wasmMemoryReturned: before.wasmMemory === null ? null : sampler.peak('wasmMemory') - sampler.read().wasmMemory,
  };
}

module.exports = { owned };
