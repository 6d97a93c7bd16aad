// memwatch's documented behaviour (docs/memwatch-semantics.md, seed 000), checked on a
// live process through each binding's memwatch drop-in (`on('stats')`, `gc()`, `HeapDiff`)
// and its GcMonitor fed real GCs: the claims, and the experiments that give their evidence.
'use strict';

const v8 = require('node:v8');
const { constants } = require('node:perf_hooks');
const { sleep } = require('../lifetime/support.js');

const STATS_FIELDS = ['num_full_gc', 'num_inc_gc', 'heap_compactions', 'usage_trend', 'estimated_base', 'current_base', 'min', 'max'];
/** The GC kind a monitor counts as full: Node's flag (4), which Deno's perf_hooks does not export. */
const MAJOR = constants.NODE_PERFORMANCE_GC_MAJOR ?? 4;

/** `memwatch.gc()` with a 'stats' listener: what arrives. */
async function statsOnGc(impl) {
  const events = [];
  const listener = (stats) => events.push(stats);
  impl.on('stats', listener);
  impl.gc();
  await sleep(50);
  impl.off('stats', listener);
  return {
    statsEvents: events.length,
    classicFields: events.length > 0 && events.every((e) => STATS_FIELDS.every((f) => typeof e[f] === 'number')) ? 1 : 0,
    compactionsEqualFullGcs: events.length > 0 && events.every((e) => e.heap_compactions === e.num_full_gc) ? 1 : 0,
    lastEvent: events.at(-1) ?? null,
  };
}

/** A full GC now, recorded in each monitor with the live heap size; returns the 'stats' payloads. */
function recordFullGc(monitors) {
  globalThis.gc();
  const used = v8.getHeapStatistics().used_heap_size;
  return monitors.map((m) => {
    let stats = null;
    const grab = (s) => { stats = s; };
    m.on('stats', grab);
    m.record(MAJOR, used, Date.now(), 1);
    m.off('stats', grab);
    return stats;
  });
}

/** compat and fixed monitors fed the same live full GCs: the warm-up and a shrinking heap. */
async function compatTrend(impl, sampler, { warmup, retainedBytes }) {
  const monitors = [new impl.GcMonitor({ mode: 'compat' }), new impl.GcMonitor({ mode: 'fixed' })];
  const compatTrends = [];
  const retained = { data: new Array(retainedBytes / 8).fill(0.5) };
  for (let i = 0; i < warmup; i++) compatTrends.push(recordFullGc(monitors)[0].usage_trend);
  retained.data = null;
  const [compat, fixed] = recordFullGc(monitors);
  return {
    retainedBytes,
    maxAbsTrendFirst9: Math.max(...compatTrends.slice(0, 9).map(Math.abs)),
    trendAt10: compatTrends[9] ?? null,
    compatTrendAfterShrink: compat.usage_trend,
    fixedTrendAfterShrink: fixed.usage_trend,
    recentBaseAfterShrink: compat.estimated_base,
    heapAfterShrink: compat.current_base,
  };
}

/** A HeapDiff around objects kept alive, then the wrong uses memwatch documents. */
async function heapDiffLive(impl, sampler, { objects }) {
  class ReproLeak {}
  const diff = new impl.HeapDiff();
  const kept = Array.from({ length: objects }, () => new ReproLeak());
  const result = diff.end();
  const row = result.change.details.find((d) => d.what === 'ReproLeak');
  let secondEnd = null;
  try {
    diff.end();
  } catch (error) {
    secondEnd = error.message;
  }
  let withoutNew = null;
  try {
    impl.HeapDiff();
  } catch (error) {
    withoutNew = error.constructor.name;
  }
  return {
    kept: kept.length,
    allocatedReproLeak: row ? row['+'] : 0,
    shapeBeforeAfterChange: ['before', 'after', 'change'].every((k) => k in result) ? 1 : 0,
    secondEndExact: secondEnd === 'attempt to end() a HeapDiff that was already ended' ? 1 : 0,
    secondEndMessage: secondEnd,
    withoutNewTypeError: withoutNew === 'TypeError' ? 1 : 0,
  };
}

/** What each experiment needs of the runtime, the evidence it returns, and its code (run in a child process per claim). */
const STATS_ON_GC = { needs: ['gcEvents'], measures: ['statsEvents', 'classicFields', 'compactionsEqualFullGcs', 'lastEvent'], measure: statsOnGc };
const COMPAT_TREND = {
  needs: ['forcedGc'],
  measures: ['retainedBytes', 'maxAbsTrendFirst9', 'trendAt10', 'compatTrendAfterShrink', 'fixedTrendAfterShrink', 'recentBaseAfterShrink', 'heapAfterShrink'],
  measure: compatTrend,
};
const HEAPDIFF_LIVE = {
  needs: ['v8Heap'],
  measures: ['kept', 'allocatedReproLeak', 'shapeBeforeAfterChange', 'secondEndExact', 'secondEndMessage', 'withoutNewTypeError'],
  measure: heapDiffLive,
};

module.exports = ['napi', 'wasm'].flatMap((binding) => [
  {
    id: `memwatch.stats-on-gc.${binding}`,
    seed: '000',
    claim: "gc() forces full GCs that each emit 'stats' with memwatch's 8 fields, heap_compactions == num_full_gc",
    binding,
    experiment: STATS_ON_GC,
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
    experiment: COMPAT_TREND,
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
    experiment: HEAPDIFF_LIVE,
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
