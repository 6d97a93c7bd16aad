// Experiment 5: leaks on purpose, each watched by the binding's GcMonitor in fixed mode and,
// on the same GC records, with memwatch's compat rule; plus a control run without a leak.
// leaks(), what each run executes: a leak on purpose, watched by the binding's own GcMonitor twice on the
// same run, fed the same GC records (PerformanceObserver + used_heap_size): once in fixed
// mode, once with memwatch's compat rule. Each tick leaks one unit of `leak` (none, kept
// references, Tracked wrappers never freed, or listeners never removed) and makes garbage;
// every `gcEvery` ticks a full GC is forced (as memwatch.gc() would). `fixed` holds the
// fixed-mode options (`leakRule`, `trend`). The detectors start
// after `warmupTicks` ticks of the same garbage without the leak, once start-up growth is over.
// The instruments can be reduced for a control: `compat: false` leaves the second detector
// out, `sampleEvery: 0` takes no readings during the ticks.
'use strict';

const v8 = require('node:v8');
const { PerformanceObserver, performance } = require('node:perf_hooks');
const { sleep } = require('./support.js');

/** Short-lived garbage made every tick, so that V8 collects on its own too. */
let garbage = null;

/** Leak kind → one unit of it, kept in `kept` (or in `listeners`, a GcMonitor of its own). */
const LEAKS = {
  none: () => {},
  'kept-references': (impl, kept, i) => kept.push({ i, payload: new Array(4096).fill(i) }),
  'forgotten-free': (impl, kept) => {
    for (let j = 0; j < 50; j++) kept.push(new impl.Tracked(16384));
  },
  'kept-listeners': (impl, kept, i, listeners) => {
    const payload = new Array(512).fill(i);
    listeners.on('stats', () => payload.length);
  },
};

/** A detector: a GcMonitor in `mode` that notes when and after how many full GCs it first reported a leak. */
function detector(impl, options, started) {
  const { mode } = options;
  const monitor = new impl.GcMonitor(options);
  const state = { mode, monitor, leaks: 0, firstMs: null, fullGcsAtFirst: null, fullGcs: 0 };
  monitor.on('stats', () => { state.fullGcs++; });
  monitor.on('leak', () => {
    state.leaks++;
    if (state.firstMs === null) {
      state.firstMs = performance.now() - started;
      state.fullGcsAtFirst = state.fullGcs + 1;
    }
  });
  return state;
}

/** Runs the scenario; resolves with its measures. */
async function leaks(impl, sampler, { leak, warmupTicks, ticks, tickMs, gcEvery, fixed, compat: watchCompat = true, sampleEvery = 5 }) {
  if (!LEAKS[leak]) throw new Error(`unknown leak kind ${leak}`);
  for (let i = 0; i < warmupTicks; i++) {
    garbage = Array.from({ length: 2000 }, (_, j) => ({ j }));
    if ((i + 1) % gcEvery === 0) globalThis.gc();
    await sleep(tickMs);
  }
  const started = performance.now();
  const detectors = [detector(impl, { ...fixed, mode: 'fixed' }, started)];
  if (watchCompat) detectors.push(detector(impl, { mode: 'compat' }, started));
  const observer = new PerformanceObserver((list) => {
    const used = v8.getHeapStatistics().used_heap_size;
    for (const entry of list.getEntries()) {
      for (const d of detectors) d.monitor.record(entry.detail.kind, used, performance.timeOrigin + entry.startTime + entry.duration, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const kept = [];
  const listeners = new impl.GcMonitor();
  const before = sampler.sample('start');
  for (let i = 0; i < ticks; i++) {
    LEAKS[leak](impl, kept, i, listeners);
    garbage = Array.from({ length: 2000 }, (_, j) => ({ j }));
    if ((i + 1) % gcEvery === 0) globalThis.gc();
    await sleep(tickMs);
    if (sampleEvery && (i + 1) % sampleEvery === 0) sampler.sample('tick');
  }
  await sleep(10);
  observer.disconnect();
  garbage = null;
  const end = sampler.sample('end');
  const [fixedMode, compat] = detectors;
  return {
    ticks,
    leakedUnits: leak === 'none' ? 0 : ticks,
    heapGrowth: end.heapUsed - before.heapUsed,
    rustLiveBytesGrowth: end.rustLiveBytes === null ? null : end.rustLiveBytes - before.rustLiveBytes,
    fullGcs: fixedMode.fullGcs,
    fixedDetected: fixedMode.leaks > 0 ? 1 : 0,
    fixedMsToDetect: fixedMode.firstMs,
    fixedFullGcsToDetect: fixedMode.fullGcsAtFirst,
    fixedLeakEvents: fixedMode.leaks,
    compatDetected: compat ? Number(compat.leaks > 0) : null,
    compatMsToDetect: compat?.firstMs ?? null,
    compatFullGcsToDetect: compat?.fullGcsAtFirst ?? null,
    compatLeakEvents: compat?.leaks ?? null,
    keptListeners: listeners.listenerCount('stats'),
  };
}

/**
 * Fixed mode as configured here: growth under 4 KiB per full GC does not count, and the
 * trend must exceed 100 KiB/s — the lab's own bookkeeping (samples, detector state) grows
 * the heap by a few hundred bytes per tick, which memwatch's rule (any growth) calls a leak.
 */
const fixed = { leakRule: { consecutive: 5, minGrowth: 4096 }, trend: { minSlopeBytesPerSec: 102400 } };
const base = { warmupTicks: 30, ticks: 80, tickMs: 8, gcEvery: 2, fixed };
const kinds = ['none', 'kept-references', 'forgotten-free', 'kept-listeners'];

/**
 * Detection is a yes/no; the full GCs it takes move between runs with when V8 collects on
 * its own: 13 or 20 for wasm, forgotten-free, over 6 runs (with and without the reductions alike).
 */
const DETECTION = { fixedDetected: { abs: 0 }, fixedFullGcsToDetect: { abs: 8 } };
/** Each rule's uncertainty: detection and event counts are exact; the full GCs to detect move by half of 13–20. */
const NOISE = { fixedFullGcsToDetect: { abs: 3.5 } };
const reduced = { reduce: { compat: false, sampleEvery: 0 }, says: 'the fixed-mode detector alone, no readings during the ticks' };

/** A run per binding and leak kind. */
const runs = ['napi', 'wasm'].flatMap((binding) => kinds.map((leak) => ({ binding, variant: leak, params: { ...base, leak } })));

/** "fixed mode detects it" for each binding and real leak. */
const detected = ['napi', 'wasm'].flatMap((binding) => kinds.filter((k) => k !== 'none').map((leak) => ({
  says: `${binding}, ${leak}: fixed mode reports the leak`, left: `${binding}/${leak}.fixedDetected`, op: '==', right: 1, needsDefaultSizes: true,
})));

module.exports = {
  id: 'leaks',
  title: 'Leaks on purpose: forgotten free(), kept references, kept listeners',
  question: 'Does the core’s detector, fed by the GC stats it gathers, catch each leak — and what does memwatch’s compat rule do?',
  instruments: 'a PerformanceObserver feeds every GC to two GcMonitors (fixed mode and memwatch’s compat rule); the sampler reads memory and counters '
    + 'every 5 ticks; the lab’s own bookkeeping grows the heap by a few hundred bytes per tick',
  needs: ['forcedGc', 'gcEvents'],
  measures: [
    'ticks', 'leakedUnits', 'heapGrowth', 'rustLiveBytesGrowth', 'fullGcs', 'fixedDetected', 'fixedMsToDetect', 'fixedFullGcsToDetect',
    'fixedLeakEvents', 'compatDetected', 'compatMsToDetect', 'compatFullGcsToDetect', 'compatLeakEvents', 'keptListeners',
  ],
  units: { heapGrowth: 'B', rustLiveBytesGrowth: 'B', fixedMsToDetect: 'ms', compatMsToDetect: 'ms' },
  noise: NOISE,
  sampled: ['heapUsed', 'rustLiveBytes', 'gcMajor'],
  tiny: { warmupTicks: 10, ticks: 40, tickMs: 2 },
  runs,
  controls: [
    { of: 'napi/none', ...reduced, within: DETECTION },
    { of: 'napi/kept-references', ...reduced, within: DETECTION },
    { of: 'wasm/forgotten-free', ...reduced, within: DETECTION },
  ],
  rules: [
    ...detected,
    { says: 'napi, no leak: fixed mode stays silent', left: 'napi/none.fixedDetected', op: '==', right: 0 },
    { says: 'wasm, no leak: fixed mode stays silent', left: 'wasm/none.fixedDetected', op: '==', right: 0 },
    { says: 'napi, no leak: fixed mode reports no more leak events than memwatch’s compat rule', left: 'napi/none.fixedLeakEvents', op: '<=', right: 'napi/none.compatLeakEvents' },
    { says: 'wasm, no leak: fixed mode reports no more leak events than memwatch’s compat rule', left: 'wasm/none.fixedLeakEvents', op: '<=', right: 'wasm/none.compatLeakEvents' },
    { says: 'napi, kept references: memwatch’s compat rule reports it', left: 'napi/kept-references.compatDetected', op: '==', right: 1, needsDefaultSizes: true },
    { says: 'napi, kept references: memwatch’s compat rule (any growth) reports no later than fixed mode (full GCs)', left: 'napi/kept-references.compatFullGcsToDetect', op: '<=', right: 'napi/kept-references.fixedFullGcsToDetect', needsDefaultSizes: true },
  ],
  measure: leaks,
};
