// Experiment 2: big Rust memory (a parsed heap snapshot, ~4.5 MB) behind a small JS
// wrapper, created and dropped in a loop — with and without telling V8 about it.
'use strict';

const base = { count: 40, yieldEvery: 5 };

module.exports = [{
  id: 'big-handle',
  title: 'Big Rust memory behind a small JS wrapper (parsed snapshot handles)',
  question: 'Does reporting native memory to V8 bound peak RSS, and at what GC cost?',
  scenario: 'bigHandle',
  sampled: ['rss', 'external', 'wasmMemory', 'jsFinalized', 'gcMajor', 'gcMinor'],
  tiny: { count: 6, yieldEvery: 2 },
  runs: [
    { binding: 'napi', variant: 'reported', params: { ...base, report: true } },
    { binding: 'napi', variant: 'unreported', params: { ...base, report: false } },
    { binding: 'wasm', variant: 'no-knob', params: { ...base, report: false } },
  ],
  rules: [
    { says: 'napi: reporting the memory to V8 cuts peak RSS growth by at least 20 %', left: 'napi/reported.peakRssGrowth', op: '<=', right: 'napi/unreported.peakRssGrowth', times: 0.8 },
    { says: 'napi: reporting makes V8 run more full GCs', left: 'napi/reported.majorGcs', op: '>', right: 'napi/unreported.majorGcs' },
    { says: 'napi unreported: RSS grows by more than 4 handles', left: 'napi/unreported.peakRssGrowthInHandles', op: '>', right: 4 },
    { says: 'wasm (no knob): linear memory grows by more than 4 handles', left: 'wasm/no-knob.wasmMemoryGrowth', op: '>', right: 'wasm/no-knob.handleBytes', times: 4 },
  ],
}];
