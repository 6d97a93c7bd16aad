// Scenario "bigHandle": big Rust memory behind a small JS wrapper. Parses the same
// heap snapshot `count` times into HeapSnapshot handles and drops each at once, yielding
// every `yieldEvery`, with or without reporting the handle's memory to V8 (napi's
// external-memory adjustment; wasm has no such knob). Measures peak RSS and GCs; the
// sampler sees JS-side finalization of one handle in its `trackEvery`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { turn, sleep } = require('../turns.js');

const FIXTURE = path.resolve(__dirname, '../../../../core/tests/fixtures/after.heapsnapshot.gz');

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

module.exports = { bigHandle };
