// Samples a lifetime experiment over time, inside its child process: RSS, JS heap,
// external memory, wasm memory, the core's Tracked counters (Rust drops: the lab's
// undisturbing measure of reclaims), live wasm-bindgen heap slots, the Node-API
// reference-call counters, GCs by kind and start time (PerformanceObserver), and objects
// finalized on the JS side — only for a sample of them (`trackEvery`): registering an
// object in a FinalizationRegistry keeps V8's scavenges from freeing it, so registering
// every measured object would change what is measured.
'use strict';

const { PerformanceObserver, performance, constants } = require('node:perf_hooks');

/** GC kind flag → the name counted in samples. */
const GC_KINDS = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'gcMajor',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'gcMinor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'gcIncremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'gcWeakCallbacks',
};

/** The sum of the Node-API reference calls in a `referenceCounters()` result. */
function referenceCalls(counters) {
  return counters.create + counters.reference + counters.unref + counters.delete;
}

/**
 * A sampler over `impl` (a loaded binding); `label`s mark phases in the series.
 * `trackEvery`: `track()` registers one object in that many for JS-side finalization (0: none).
 */
function createSampler(impl, { trackEvery = 0 } = {}) {
  const start = performance.now();
  const gcs = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = GC_KINDS[entry.detail?.kind];
      if (kind) gcs.push({ kind, t: entry.startTime - start });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  let offered = 0;
  let tracked = 0;
  let finalized = 0;
  const registry = new FinalizationRegistry(() => { finalized++; });
  const memory = impl.rawExports ? impl.rawExports().memory : null;
  const series = [];
  const countOf = (kind) => gcs.filter((g) => g.kind === kind).length;

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
      jsTracked: tracked,
      jsFinalized: finalized,
      heapSlots: impl.heapLiveCount ? impl.heapLiveCount() : null,
      refCalls: impl.referenceCounters ? referenceCalls(impl.referenceCounters()) : null,
      gcMajor: countOf('gcMajor'),
      gcMinor: countOf('gcMinor'),
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
    /** Offers `object` for JS-side finalization counting: one in `trackEvery` is registered. */
    track(object) {
      if (trackEvery > 0 && offered % trackEvery === 0) {
        registry.register(object, null);
        tracked++;
      }
      offered++;
    },
    /** The readings so far whose `t` is at least `from` (ms since the sampler started). */
    since: (from) => series.filter((s) => s.t >= from),
    /** The largest value of `field` over the series so far. */
    peak(field) {
      return Math.max(...series.map((s) => s[field] ?? -Infinity));
    },
    /** GCs of each kind that started in [from, to) ms (delivered asynchronously: ask after a turn of the event loop). */
    gcsBetween(from, to = Infinity) {
      const counts = { gcMajor: 0, gcMinor: 0, gcIncremental: 0, gcWeakCallbacks: 0 };
      for (const g of gcs) if (g.t >= from && g.t < to) counts[g.kind]++;
      return counts;
    },
    /** Stops observing GCs; returns the series, thinned to at most `limit` readings (first and last kept). */
    finish(limit = 240) {
      observer.disconnect();
      if (series.length <= limit) return series;
      const step = (series.length - 1) / (limit - 1);
      return Array.from({ length: limit }, (_, i) => series[Math.round(i * step)]);
    },
  };
}

module.exports = { createSampler, referenceCalls };
