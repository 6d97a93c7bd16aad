// Scenario "held": JS objects held by Rust. For each holder count, a JsHolder in `mode`
// holds a fresh object through that many holders while JS drops its own reference;
// measures the Node-API reference calls (napi) or heap slots (wasm) of one lifetime, the
// time of hold + release, whether the object stayed alive while held and whether it was
// released afterwards (a WeakRef, checked after forced GCs; `observe: false` leaves both
// out, so that a control can show they do not change the calls and slots counted).
'use strict';

const { collect } = require('../turns.js');

/** Whether `holder` still leads to the object `weak` points at (a weak holder throws once it is gone). */
function stillHeld(holder, weak) {
  try {
    return weak.deref() !== undefined && holder.get() === weak.deref();
  } catch {
    return false;
  }
}

/** One lifetime with `holders` holders, watched by a WeakRef and forced GCs when `observe`; resolves with its measures. */
async function lifetime(impl, sampler, mode, holders, observe) {
  const slotsBefore = impl.heapLiveCount ? impl.heapLiveCount() : null;
  const callsBefore = sampler.read().refCalls;
  let object = { payload: new Array(64).fill(holders) };
  const weak = observe ? new WeakRef(object) : null;
  const holder = new impl.JsHolder(mode);
  const started = performance.now();
  holder.hold(object, holders);
  const holdMs = performance.now() - started;
  const heldSlots = impl.heapLiveCount ? impl.heapLiveCount() - slotsBefore : null;
  object = null;
  if (observe) await collect();
  const keptAlive = observe ? stillHeld(holder, weak) : null;
  const releaseStarted = performance.now();
  holder.release();
  const holdAndReleaseMs = holdMs + (performance.now() - releaseStarted);
  const calls = callsBefore === null ? null : sampler.read().refCalls - callsBefore;
  if (observe) await collect();
  sampler.sample(`holders=${holders}`);
  return {
    holders,
    calls,
    heldSlots,
    slotsAfterRelease: impl.heapLiveCount ? impl.heapLiveCount() - slotsBefore : null,
    keptAlive: observe ? Number(keptAlive) : null,
    releasedAfter: observe ? Number(weak.deref() === undefined) : null,
    holdAndReleaseMs,
  };
}

/** Runs the scenario for each of `holderCounts`; resolves with measures keyed by holder count. */
async function held(impl, sampler, { mode, holderCounts, observe = true }) {
  sampler.sample('start');
  const measures = {};
  for (const holders of holderCounts) {
    const m = await lifetime(impl, sampler, mode, holders, observe);
    for (const [key, value] of Object.entries(m)) measures[`${key}@${holders}`] = value;
  }
  const all = (key) => holderCounts.map((n) => measures[`${key}@${n}`]);
  const extreme = (pick, values) => (values.includes(null) ? null : pick(...values));
  measures.keptAliveAll = extreme(Math.min, all('keptAlive'));
  measures.releasedAll = extreme(Math.min, all('releasedAfter'));
  measures.callsMin = extreme(Math.min, all('calls'));
  measures.callsMax = extreme(Math.max, all('calls'));
  return measures;
}

module.exports = { held, stillHeld };
