// Reproductions of memwatch's behaviour on a live process, through the binding's
// memwatch drop-in (`on('stats')`, `gc()`, `HeapDiff`) and its GcMonitor fed real GCs.
'use strict';

const v8 = require('node:v8');
const { constants } = require('node:perf_hooks');
const { sleep } = require('../../lifetime/turns.js');

const STATS_FIELDS = ['num_full_gc', 'num_inc_gc', 'heap_compactions', 'usage_trend', 'estimated_base', 'current_base', 'min', 'max'];
const MAJOR = constants.NODE_PERFORMANCE_GC_MAJOR;

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
async function compatTrend(impl, { warmup, retainedBytes }) {
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
async function heapDiffLive(impl, { objects }) {
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

module.exports = { statsOnGc, compatTrend, heapDiffLive };
