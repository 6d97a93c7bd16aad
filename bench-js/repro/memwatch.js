// memwatch's documented behaviour (docs/memwatch-semantics.md, seed 000), checked on a
// live process through each binding's memwatch drop-in.
'use strict';

module.exports = ['napi', 'wasm'].flatMap((binding) => [
  {
    id: `memwatch.stats-on-gc.${binding}`,
    seed: '000',
    claim: "gc() forces full GCs that each emit 'stats' with memwatch's 8 fields, heap_compactions == num_full_gc",
    binding,
    experiment: 'statsOnGc',
    params: {},
    confirmIf: [
      { says: 'at least one stats event', left: 'statsEvents', op: '>=', right: 1 },
      { says: 'every event has the 8 numeric fields', left: 'classicFields', op: '==', right: 1 },
      { says: 'heap_compactions == num_full_gc', left: 'compactionsEqualFullGcs', op: '==', right: 1 },
    ],
    refuteIf: [{ says: 'no stats event', left: 'statsEvents', op: '==', right: 0 }],
  },
  {
    id: `memwatch.compat-quirks.${binding}`,
    seed: '000',
    claim: 'compat maths: usage_trend is 0 for the first 9 compactions, and a shrinking heap reports a huge positive trend (unsigned subtraction) where fixed mode is negative',
    binding,
    experiment: 'compatTrend',
    params: { warmup: 12, retainedBytes: 32 * 2 ** 20 },
    confirmIf: [
      { says: 'trend 0 for the first 9', left: 'maxAbsTrendFirst9', op: '==', right: 0 },
      { says: 'compat trend after shrinking > 1000 %', left: 'compatTrendAfterShrink', op: '>', right: 1000 },
      { says: 'fixed trend after shrinking < 0', left: 'fixedTrendAfterShrink', op: '<', right: 0 },
    ],
    refuteIf: [
      { says: 'a non-zero trend during warm-up', left: 'maxAbsTrendFirst9', op: '>', right: 0 },
      { says: 'compat trend after shrinking not positive', left: 'compatTrendAfterShrink', op: '<=', right: 0 },
    ],
  },
  {
    id: `memwatch.heapdiff.${binding}`,
    seed: '000',
    claim: "HeapDiff on a live process lists allocated objects by constructor; a second end() throws 'attempt to end() a HeapDiff that was already ended'; calling it without new throws a TypeError",
    binding,
    experiment: 'heapDiffLive',
    params: { objects: 5000 },
    confirmIf: [
      { says: 'the 5000 kept objects show as allocated', left: 'allocatedReproLeak', op: '>=', right: 5000 },
      { says: '{ before, after, change }', left: 'shapeBeforeAfterChange', op: '==', right: 1 },
      { says: 'second end() message exact', left: 'secondEndExact', op: '==', right: 1 },
      { says: 'without new: TypeError', left: 'withoutNewTypeError', op: '==', right: 1 },
    ],
    refuteIf: [{ says: 'the kept objects are missing', left: 'allocatedReproLeak', op: '==', right: 0 }],
  },
]);
