// Experiment 2: big Rust memory (a parsed heap snapshot, ~4.5 MB) behind a small JS
// wrapper, created and dropped in a loop — with and without telling V8 about it.
// bigHandle(), what each run executes: big Rust memory behind a small JS wrapper. Parses the same
// heap snapshot `count` times into HeapSnapshot handles and drops each at once, yielding
// every `yieldEvery`, with or without reporting the handle's memory to V8 (napi's
// external-memory adjustment; wasm has no such knob). Measures peak RSS and GCs; the
// sampler sees JS-side finalization of one handle in its `trackEvery`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { turn, sleep } = require('./support.js');

const FIXTURE = path.resolve(__dirname, '../../core/tests/fixtures/after.heapsnapshot.gz');

/** Parses `bytes` into a handle. */
function parse(impl, bytes, report) {
  const parser = new impl.SnapshotParser();
  parser.feed(bytes);
  return parser.finish(report);
}

/** Runs the scenario; resolves with its measures. */
async function bigHandle(impl, sampler, { count, yieldEvery, report }) {
  const bytes = new Uint8Array(zlib.gunzipSync(fs.readFileSync(FIXTURE)));
  const probe = parse(impl, bytes, false);
  const handleBytes = probe.heapBytes;
  probe.free();
  await sleep(20);
  const before = sampler.sample('start');
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    sampler.track(parse(impl, bytes, report));
    if ((i + 1) % yieldEvery === 0) {
      sampler.sample('loop');
      await turn();
    }
  }
  const loopMs = performance.now() - started;
  await sleep(20);
  const end = sampler.sample('loop end');
  const gcs = sampler.gcsBetween(before.t, end.t);
  return {
    count,
    handleBytes,
    loopMs,
    peakRssGrowth: sampler.peak('rss') - before.rss,
    peakRssGrowthInHandles: (sampler.peak('rss') - before.rss) / handleBytes,
    wasmMemoryGrowth: before.wasmMemory === null ? null : end.wasmMemory - before.wasmMemory,
    majorGcs: gcs.gcMajor,
    minorGcs: gcs.gcMinor,
    jsTracked: end.jsTracked,
    jsFinalizedShare: end.jsTracked === 0 ? null : end.jsFinalized / end.jsTracked,
  };
}

const base = { count: 40, yieldEvery: 5, trackEvery: 10 };
/**
 * Peak RSS moves with when V8 happens to collect: 16–26 handles over 12 runs of napi/reported
 * and 13–26 over 19 of wasm (1 handle in 10, none or every one registered alike), so 12
 * handles apart is noise. napi's full GCs were 2 (reported) and 0 (unreported) in every run.
 * wasm's are bimodal, 13–21 or 39–58 full GCs with linear memory growing by 65, 86 or 108 MiB,
 * tracked or not: its control only catches a disturbance beyond those modes.
 */
const RSS = { peakRssGrowthInHandles: { abs: 12 } };
const NAPI = { ...RSS, majorGcs: { abs: 1 } };
const WASM = { ...RSS, wasmMemoryGrowth: { abs: 48 * 2 ** 20 } };
/**
 * Each rule's uncertainty: half the run-to-run range of peak RSS (16–26 handles, 13–26: ±6.5
 * handles, about 30 % of a typical 21), half the spread of wasm's modes of linear memory
 * growth (65–108 MiB: ±22 MiB); napi's full-GC counts are exact (the same in every run).
 */
const NOISE = { peakRssGrowthInHandles: { abs: 6.5 }, peakRssGrowth: { rel: 0.3 }, wasmMemoryGrowth: { abs: 22 * 2 ** 20 } };
const untracked = { reduce: { trackEvery: 0 }, says: 'no handle registered for JS-side finalization' };

module.exports = {
  id: 'big-handle',
  title: 'Big Rust memory behind a small JS wrapper (parsed snapshot handles)',
  question: 'Does reporting native memory to V8 bound peak RSS, and at what GC cost?',
  instruments: 'RSS, external and wasm memory are read every 5 handles, GCs counted by a PerformanceObserver; 1 handle in 10 is registered in a '
    + 'FinalizationRegistry for JS-side finalization (a control registers none)',
  needs: ['gcEvents'],
  measures: ['count', 'handleBytes', 'loopMs', 'peakRssGrowth', 'peakRssGrowthInHandles', 'wasmMemoryGrowth', 'majorGcs', 'minorGcs', 'jsTracked', 'jsFinalizedShare'],
  units: { handleBytes: 'B', loopMs: 'ms', peakRssGrowth: 'B', wasmMemoryGrowth: 'B' },
  noise: NOISE,
  sampled: ['rss', 'external', 'wasmMemory', 'jsFinalized', 'gcMajor', 'gcMinor'],
  tiny: { count: 6, yieldEvery: 2 },
  runs: [
    { binding: 'napi', variant: 'reported', params: { ...base, report: true } },
    { binding: 'napi', variant: 'unreported', params: { ...base, report: false } },
    { binding: 'wasm', variant: 'no-knob', params: { ...base, report: false } },
  ],
  controls: [
    { of: 'napi/reported', ...untracked, within: NAPI },
    { of: 'napi/unreported', ...untracked, within: NAPI },
    { of: 'wasm/no-knob', ...untracked, within: WASM },
  ],
  rules: [
    { says: 'napi: reporting the memory to V8 cuts peak RSS growth by at least 20 %', left: 'napi/reported.peakRssGrowth', op: '<=', right: 'napi/unreported.peakRssGrowth', times: 0.8, needsDefaultSizes: true },
    { says: 'napi: reporting makes V8 run more full GCs', left: 'napi/reported.majorGcs', op: '>', right: 'napi/unreported.majorGcs', needsDefaultSizes: true },
    { says: 'napi unreported: RSS grows by more than 4 handles', left: 'napi/unreported.peakRssGrowthInHandles', op: '>', right: 4, needsDefaultSizes: true },
    { says: 'wasm (no knob): linear memory grows by more than 4 handles', left: 'wasm/no-knob.wasmMemoryGrowth', op: '>', right: 'wasm/no-knob.handleBytes', times: 4, needsDefaultSizes: true },
  ],
  measure: bigHandle,
};
