// Experiment 5: leaks on purpose, each watched by the binding's GcMonitor in fixed mode and,
// on the same GC records, with memwatch's compat rule; plus a control run without a leak.
'use strict';

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
const reduced = { reduce: { compat: false, sampleEvery: 0 }, says: 'the fixed-mode detector alone, no readings during the ticks' };

/** A run per binding and leak kind. */
const runs = ['napi', 'wasm'].flatMap((binding) => kinds.map((leak) => ({ binding, variant: leak, params: { ...base, leak } })));

/** "fixed mode detects it" for each binding and real leak. */
const detected = ['napi', 'wasm'].flatMap((binding) => kinds.filter((k) => k !== 'none').map((leak) => ({
  says: `${binding}, ${leak}: fixed mode reports the leak`, left: `${binding}/${leak}.fixedDetected`, op: '==', right: 1, needsDefaultSizes: true,
})));

module.exports = [{
  id: 'leaks',
  title: 'Leaks on purpose: forgotten free(), kept references, kept listeners',
  question: 'Does the core’s detector, fed by the GC stats it gathers, catch each leak — and what does memwatch’s compat rule do?',
  instruments: 'a PerformanceObserver feeds every GC to two GcMonitors (fixed mode and memwatch’s compat rule); the sampler reads memory and counters '
    + 'every 5 ticks; the lab’s own bookkeeping grows the heap by a few hundred bytes per tick',
  scenario: 'leaks',
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
}];
