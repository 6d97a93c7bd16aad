// Scenario "held": JS objects held by Rust. For each holder count, a JsHolder in `mode`
// holds a fresh object through that many holders while JS drops its own reference;
// measures the Node-API reference calls (napi) or heap slots (wasm) of one lifetime, the
// time of hold + release, whether the object stayed alive while held and whether it was
// released afterwards (a WeakRef, checked after forced GCs).
'use strict';

const { sleep } = require('../turns.js');

/** Forces full GCs across a few event-loop turns (WeakRefs clear, finalizers run). */
async function collect() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await sleep(2);
  }
}

/** Whether `holder` still leads to the object `weak` points at (a weak holder throws once it is gone). */
function stillHeld(holder, weak) {
  try {
    return weak.deref() !== undefined && holder.get() === weak.deref();
  } catch {
    return false;
  }
}

/** One lifetime with `holders` holders; resolves with its measures. */
async function lifetime(impl, sampler, mode, holders) {
  const slotsBefore = impl.heapLiveCount ? impl.heapLiveCount() : null;
  const callsBefore = sampler.read().refCalls;
  let object = { payload: new Array(64).fill(holders) };
  const weak = new WeakRef(object);
  const holder = new impl.JsHolder(mode);
  const started = performance.now();
  holder.hold(object, holders);
  const holdMs = performance.now() - started;
  const heldSlots = impl.heapLiveCount ? impl.heapLiveCount() - slotsBefore : null;
  object = null;
  await collect();
  const keptAlive = stillHeld(holder, weak);
  const releaseStarted = performance.now();
  holder.release();
  const holdAndReleaseMs = holdMs + (performance.now() - releaseStarted);
  const calls = callsBefore === null ? null : sampler.read().refCalls - callsBefore;
  await collect();
  sampler.sample(`holders=${holders}`);
  return {
    holders,
    calls,
    heldSlots,
    slotsAfterRelease: impl.heapLiveCount ? impl.heapLiveCount() - slotsBefore : null,
    keptAlive: keptAlive ? 1 : 0,
    releasedAfter: weak.deref() === undefined ? 1 : 0,
    holdAndReleaseMs,
  };
}

/** Runs the scenario for each of `holderCounts`; resolves with measures keyed by holder count. */
async function held(impl, sampler, { mode, holderCounts }) {
  sampler.sample('start');
  const measures = {};
  for (const holders of holderCounts) {
    const m = await lifetime(impl, sampler, mode, holders);
    for (const [key, value] of Object.entries(m)) measures[`${key}@${holders}`] = value;
  }
  const all = (key) => holderCounts.map((n) => measures[`${key}@${n}`]);
  measures.keptAliveAll = Math.min(...all('keptAlive'));
  measures.releasedAll = Math.min(...all('releasedAfter'));
  const calls = all('calls');
  measures.callsMin = calls.includes(null) ? null : Math.min(...calls);
  measures.callsMax = calls.includes(null) ? null : Math.max(...calls);
  return measures;
}

module.exports = { held };
