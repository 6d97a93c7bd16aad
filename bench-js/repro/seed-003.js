// Seed 003 (N-API object lifetimes, the "two-phase" Rc reference): its claims as
// experiments on napi-rs and wasm-bindgen.
'use strict';

module.exports = [
  {
    id: 'seed003.raw-value-needs-reference',
    seed: '003',
    claim: 'a raw napi_value is valid only during its call: only a Node-API reference keeps the object for a later call (shown safely with a count-0 reference standing for a kept raw value)',
    binding: 'napi',
    experiment: 'keptAcrossCalls',
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
    experiment: 'unrefWithoutDelete',
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
    experiment: 'referenceCalls',
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
    experiment: 'smartPointers',
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
