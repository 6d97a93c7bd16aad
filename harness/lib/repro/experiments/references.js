// Seed 003: Node-API references (kept across calls, ref/unref/delete by hand, the
// two-phase Rc reference's 3 calls) and wasm-bindgen's JsValue as a smart pointer.
'use strict';

const { createSampler } = require('../../lifetime/sampler.js');
const { held, stillHeld } = require('../../lifetime/scenarios/held.js');
const { collect } = require('../../lifetime/turns.js');

/** Reads a holder in a later call; 1 when it still leads to the object `weak` points at. */
const stillThere = (holder, weak) => Number(stillHeld(holder, weak));

/** Holds a fresh object in a holder of `mode`, drops JS's own reference; `{ holder, weak }`. */
function holdFresh(impl, mode, holders) {
  const holder = new impl.JsHolder(mode);
  let object = { tag: mode };
  const weak = new WeakRef(object);
  holder.hold(object, holders);
  object = null;
  return { holder, weak };
}

/** A strong reference and a weak one (no reference's worth: count 0), read in a later call. */
async function keptAcrossCalls(impl) {
  const strong = holdFresh(impl, 'counted', 1);
  const weak = holdFresh(impl, 'weak', 1);
  await collect();
  const evidence = { strongAliveInLaterCall: stillThere(strong.holder, strong.weak), weakGoneInLaterCall: 1 - stillThere(weak.holder, weak.weak) };
  strong.holder.release();
  weak.holder.release();
  return evidence;
}

/** A counted reference: alive while counted; then unref'd to 0 without delete. */
async function unrefWithoutDelete(impl, { holders }) {
  const { holder, weak } = holdFresh(impl, 'counted', holders);
  await collect();
  const aliveWhileCounted = stillThere(holder, weak);
  holder.unrefOnly();
  await collect();
  const aliveAfterUnrefWithoutDelete = weak.deref() === undefined ? 0 : 1;
  const before = impl.referenceCounters();
  holder.release();
  return { holders, aliveWhileCounted, aliveAfterUnrefWithoutDelete, deletesStillOwed: impl.referenceCounters().delete - before.delete };
}

/** Node-API calls per lifetime of each napi holder kind, for each holder count. */
async function referenceCalls(impl, { holderCounts }) {
  const evidence = {};
  for (const mode of ['two-phase', 'counted', 'napi-rs']) {
    const m = await held(impl, createSampler(impl), { mode, holderCounts });
    evidence[`${mode} calls`] = Object.fromEntries(holderCounts.map((n) => [n, m[`calls@${n}`]]));
    if (mode === 'two-phase') Object.assign(evidence, { twoPhaseMin: m.callsMin, twoPhaseMax: m.callsMax });
  }
  return evidence;
}

/** wasm-bindgen: JsValue clones held across calls, then dropped. */
async function smartPointers(impl, { holders }) {
  const slotsBefore = impl.heapLiveCount();
  const { holder, weak } = holdFresh(impl, 'jsvalue', holders);
  await collect();
  const aliveAcrossCalls = stillThere(holder, weak);
  const slotsWhileHeld = impl.heapLiveCount() - slotsBefore;
  holder.release();
  await collect();
  return { aliveAcrossCalls, slotsWhileHeld, releasedAfterDrop: weak.deref() === undefined ? 1 : 0, slotsAfterDrop: impl.heapLiveCount() - slotsBefore };
}

module.exports = { keptAcrossCalls, unrefWithoutDelete, referenceCalls, smartPointers };
