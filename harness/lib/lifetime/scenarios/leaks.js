// Scenario "leaks": a leak on purpose, watched by the binding's own GcMonitor twice on the
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
const { sleep } = require('../turns.js');

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

module.exports = { leaks };
