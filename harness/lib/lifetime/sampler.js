// Samples a lifetime experiment over time, inside its child process: RSS, JS heap,
// external memory, wasm memory, the core's Tracked counters (Rust drops), objects
// finalized on the JS side (a FinalizationRegistry), live wasm-bindgen heap slots, the
// Node-API reference-call counters, and GC counts by kind (PerformanceObserver).
'use strict';

const { PerformanceObserver, performance, constants } = require('node:perf_hooks');

/** GC kind flag → the name counted in samples. */
const GC_KINDS = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'gcMajor',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'gcMinor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'gcIncremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'gcWeakCallbacks',
};

/** The fields every sample has (null when the binding lacks the source). */
const FIELDS = ['t', 'rss', 'heapUsed', 'external', 'wasmMemory', 'rustLive', 'rustLiveBytes', 'rustDropped',
  'jsFinalized', 'heapSlots', 'refCalls', 'gcMajor', 'gcMinor'];

/** The sum of the Node-API reference calls in a `referenceCounters()` result. */
function referenceCalls(counters) {
  return counters.create + counters.reference + counters.unref + counters.delete;
}

/** A sampler over `impl` (a loaded binding); `label`s mark phases in the series. */
function createSampler(impl) {
  const start = performance.now();
  const gcs = { gcMajor: 0, gcMinor: 0, gcIncremental: 0, gcWeakCallbacks: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const name = GC_KINDS[entry.detail?.kind];
      if (name) gcs[name]++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  let finalized = 0;
  const registry = new FinalizationRegistry(() => { finalized++; });
  const memory = impl.rawExports ? impl.rawExports().memory : null;
  const series = [];

  /** One reading of every source, now. */
  function read() {
    const m = process.memoryUsage();
    const tally = impl.trackedTally ? impl.trackedTally() : null;
    return {
      t: performance.now() - start,
      rss: m.rss,
      heapUsed: m.heapUsed,
      external: m.external,
      wasmMemory: memory ? memory.buffer.byteLength : null,
      rustLive: tally?.live ?? null,
      rustLiveBytes: tally?.liveBytes ?? null,
      rustDropped: tally?.dropped ?? null,
      jsFinalized: finalized,
      heapSlots: impl.heapLiveCount ? impl.heapLiveCount() : null,
      refCalls: impl.referenceCounters ? referenceCalls(impl.referenceCounters()) : null,
      gcMajor: gcs.gcMajor,
      gcMinor: gcs.gcMinor,
    };
  }

  return {
    read,
    /** Records a reading, tagged with `label` (a phase name), and returns it. */
    sample(label = null) {
      const reading = { ...read(), label };
      series.push(reading);
      return reading;
    },
    /** Counts `object` in `jsFinalized` once the JS side has collected it. */
    track(object) {
      registry.register(object, null);
    },
    /** The largest value of `field` over the series so far. */
    peak(field) {
      return Math.max(...series.map((s) => s[field] ?? -Infinity));
    },
    /** GC counts by kind so far (delivered asynchronously: call after a turn of the event loop). */
    gcCounts: () => ({ ...gcs }),
    /** Stops observing GCs; returns the series, thinned to at most `limit` readings (first and last kept). */
    finish(limit = 240) {
      observer.disconnect();
      if (series.length <= limit) return series;
      const step = (series.length - 1) / (limit - 1);
      return Array.from({ length: limit }, (_, i) => series[Math.round(i * step)]);
    },
  };
}

module.exports = { createSampler, referenceCalls, FIELDS };
