// Experiment 3: JS objects held by Rust (as listeners are) through 1, 10 and 1000
// holders: napi-rs's own reference type, one napi_ref counted by hand, seed 003's
// two-phase Rc reference, a weak napi_ref, and wasm-bindgen JsValue clones.
'use strict';

const holderCounts = [1, 10, 1000];
/** Calls and slots are counts: a control must give exactly the same. */
const EXACT = { abs: 0 };
const unobserved = { reduce: { observe: false }, says: 'no WeakRef on the object and no forced GCs' };

module.exports = [{
  id: 'held-by-rust',
  title: 'JS objects held by Rust',
  question: 'How many Node-API calls does one lifetime cost, and is the object kept and then released?',
  instruments: 'Node-API reference calls are counted inside the binding (Rust side) and wasm-bindgen slots by its own counter; whether the object is kept '
    + 'and then released is seen through a WeakRef on it, after forced full GCs (a control leaves both out)',
  scenario: 'held',
  sampled: ['refCalls', 'heapSlots', 'heapUsed'],
  tiny: {},
  runs: [
    { binding: 'napi', variant: 'napi-rs', params: { mode: 'napi-rs', holderCounts } },
    { binding: 'napi', variant: 'counted', params: { mode: 'counted', holderCounts } },
    { binding: 'napi', variant: 'two-phase', params: { mode: 'two-phase', holderCounts } },
    { binding: 'napi', variant: 'weak', params: { mode: 'weak', holderCounts } },
    { binding: 'wasm', variant: 'jsvalue', params: { mode: 'jsvalue', holderCounts } },
  ],
  controls: [
    { of: 'napi/napi-rs', ...unobserved, within: { 'calls@10': EXACT, 'calls@1000': EXACT } },
    { of: 'napi/counted', ...unobserved, within: { 'calls@10': EXACT, 'calls@1000': EXACT } },
    { of: 'napi/two-phase', ...unobserved, within: { callsMin: EXACT, callsMax: EXACT } },
    { of: 'wasm/jsvalue', ...unobserved, within: { 'heldSlots@1000': EXACT, 'slotsAfterRelease@1000': EXACT } },
  ],
  rules: [
    { says: 'two-phase: at most 3 Node-API calls per lifetime, however many holders', left: 'napi/two-phase.callsMax', op: '<=', right: 3 },
    { says: 'two-phase: at least 3 calls too (create, unref, delete)', left: 'napi/two-phase.callsMin', op: '>=', right: 3 },
    { says: 'napi-rs references: the calls grow with the holders (more than 3 at 10 holders)', left: 'napi/napi-rs.calls@10', op: '>', right: 3 },
    { says: 'hand-counted napi_ref: the calls grow with the holders (more than 3 at 10 holders)', left: 'napi/counted.calls@10', op: '>', right: 3 },
    { says: 'napi-rs references keep the object alive while held', left: 'napi/napi-rs.keptAliveAll', op: '==', right: 1 },
    { says: 'two-phase keeps the object alive while held', left: 'napi/two-phase.keptAliveAll', op: '==', right: 1 },
    { says: 'a weak napi_ref (count 0) does not keep it alive', left: 'napi/weak.keptAliveAll', op: '==', right: 0 },
    { says: 'wasm JsValue keeps the object alive while held', left: 'wasm/jsvalue.keptAliveAll', op: '==', right: 1 },
    { says: 'napi-rs: the object is released afterwards', left: 'napi/napi-rs.releasedAll', op: '==', right: 1 },
    { says: 'counted: the object is released afterwards', left: 'napi/counted.releasedAll', op: '==', right: 1 },
    { says: 'two-phase: the object is released afterwards', left: 'napi/two-phase.releasedAll', op: '==', right: 1 },
    { says: 'wasm: the object is released afterwards', left: 'wasm/jsvalue.releasedAll', op: '==', right: 1 },
    { says: 'wasm: every heap slot is given back on release', left: 'wasm/jsvalue.slotsAfterRelease@10', op: '==', right: 0 },
    { says: 'two-phase holds and releases 1000 holders faster than 1000 napi-rs references', left: 'napi/two-phase.holdAndReleaseMs@1000', op: '<', right: 'napi/napi-rs.holdAndReleaseMs@1000' },
  ],
}];
