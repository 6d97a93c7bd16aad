// Seed 003 (N-API object lifetimes, the "two-phase" Rc reference): its claims as
// experiments on napi-rs and wasm-bindgen — Node-API references (kept across calls,
// ref/unref/delete by hand, the two-phase reference's 3 calls) and wasm-bindgen's JsValue
// as a smart pointer.
'use strict';

const { collect, stillHeld } = require('../lifetime/support.js');
const { measure: held } = require('../lifetime/held.js');

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
async function unrefWithoutDelete(impl, sampler, { holders }) {
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

/** Node-API calls per lifetime of each napi holder kind, for each holder count (the lifetime lab's held-by-rust code). */
async function referenceCalls(impl, sampler, { holderCounts }) {
  const evidence = {};
  for (const mode of ['two-phase', 'counted', 'napi-rs']) {
    const m = await held(impl, sampler, { mode, holderCounts });
    evidence[`${mode} calls`] = Object.fromEntries(holderCounts.map((n) => [n, m[`calls@${n}`]]));
    if (mode === 'two-phase') Object.assign(evidence, { twoPhaseMin: m.callsMin, twoPhaseMax: m.callsMax });
  }
  return evidence;
}

/** wasm-bindgen: JsValue clones held across calls, then dropped. */
async function smartPointers(impl, sampler, { holders }) {
  const slotsBefore = impl.heapLiveCount();
  const { holder, weak } = holdFresh(impl, 'jsvalue', holders);
  await collect();
  const aliveAcrossCalls = stillThere(holder, weak);
  const slotsWhileHeld = impl.heapLiveCount() - slotsBefore;
  holder.release();
  await collect();
  return { aliveAcrossCalls, slotsWhileHeld, releasedAfterDrop: weak.deref() === undefined ? 1 : 0, slotsAfterDrop: impl.heapLiveCount() - slotsBefore };
}

/** What each experiment needs of the runtime (all force GCs), the evidence it returns, and its code (run in a child process per claim). */
const KEPT_ACROSS_CALLS = { needs: ['forcedGc'], measures: ['strongAliveInLaterCall', 'weakGoneInLaterCall'], measure: keptAcrossCalls };
const UNREF_WITHOUT_DELETE = { needs: ['forcedGc'], measures: ['holders', 'aliveWhileCounted', 'aliveAfterUnrefWithoutDelete', 'deletesStillOwed'], measure: unrefWithoutDelete };
const REFERENCE_CALLS = { needs: ['forcedGc'], measures: ['two-phase calls', 'counted calls', 'napi-rs calls', 'twoPhaseMin', 'twoPhaseMax'], measure: referenceCalls };
const SMART_POINTERS = { needs: ['forcedGc'], measures: ['aliveAcrossCalls', 'slotsWhileHeld', 'releasedAfterDrop', 'slotsAfterDrop'], measure: smartPointers };

module.exports = [
  {
    id: 'seed003.raw-value-needs-reference',
    seed: '003',
    claim: 'a raw napi_value is valid only during its call: only a Node-API reference keeps the object for a later call (shown safely with a count-0 reference standing for a kept raw value)',
    binding: 'napi',
    experiment: KEPT_ACROSS_CALLS,
    params: {},
    confirmIf: [
      { says: 'a strong reference keeps it for a later call', left: 'strongAliveInLaterCall', op: '==', right: 1 },
      { says: 'without one it is gone by then', left: 'weakGoneInLaterCall', op: '==', right: 1 },
    ],
    refuteIf: [{ says: 'the unreferenced object survived', left: 'weakGoneInLaterCall', op: '==', right: 0 }],
  },
  {
    id: 'seed003.unref-and-delete-by-hand',
    seed: '003',
    claim: 'references must be unref\'d by hand, and a reference whose count fell to 0 still keeps its object from GC until napi_delete_reference',
    binding: 'napi',
    experiment: UNREF_WITHOUT_DELETE,
    params: { holders: 3 },
    confirmIf: [
      { says: 'alive while counted', left: 'aliveWhileCounted', op: '==', right: 1 },
      { says: 'still alive after unref to 0 without delete', left: 'aliveAfterUnrefWithoutDelete', op: '==', right: 1 },
    ],
    refuteIf: [{ says: 'collected after unref to 0 though never deleted', left: 'aliveAfterUnrefWithoutDelete', op: '==', right: 0 }],
  },
  {
    id: 'seed003.two-phase-three-calls',
    seed: '003',
    claim: 'the two-phase Rc<napi_ref> costs a constant 3 Node-API calls (create, unref, delete) however many clones',
    binding: 'napi',
    experiment: REFERENCE_CALLS,
    params: { holderCounts: [1, 10, 100, 1000] },
    confirmIf: [
      { says: 'never fewer than 3', left: 'twoPhaseMin', op: '==', right: 3 },
      { says: 'never more than 3', left: 'twoPhaseMax', op: '==', right: 3 },
    ],
    refuteIf: [{ says: 'more than 3 with more clones', left: 'twoPhaseMax', op: '>', right: 3 }],
  },
  {
    id: 'seed003.wasm-smart-pointers',
    seed: '003',
    claim: 'wasm-bindgen lets Rust hold JS values across calls like smart pointers: kept while held, released when dropped',
    binding: 'wasm',
    experiment: SMART_POINTERS,
    params: { holders: 10 },
    confirmIf: [
      { says: 'alive across calls while held', left: 'aliveAcrossCalls', op: '==', right: 1 },
      { says: 'one heap slot per clone', left: 'slotsWhileHeld', op: '==', right: 10 },
      { says: 'released once dropped', left: 'releasedAfterDrop', op: '==', right: 1 },
      { says: 'every slot given back', left: 'slotsAfterDrop', op: '==', right: 0 },
    ],
    refuteIf: [
      { says: 'collected while held', left: 'aliveAcrossCalls', op: '==', right: 0 },
      { says: 'never released', left: 'releasedAfterDrop', op: '==', right: 0 },
    ],
  },
];
