// Experiment 2: big Rust memory (a parsed heap snapshot, ~4.5 MB) behind a small JS
// wrapper, created and dropped in a loop — with and without telling V8 about it.
'use strict';

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
const untracked = { reduce: { trackEvery: 0 }, says: 'no handle registered for JS-side finalization' };

module.exports = [{
  id: 'big-handle',
  title: 'Big Rust memory behind a small JS wrapper (parsed snapshot handles)',
  question: 'Does reporting native memory to V8 bound peak RSS, and at what GC cost?',
  instruments: 'RSS, external and wasm memory are read every 5 handles, GCs counted by a PerformanceObserver; 1 handle in 10 is registered in a '
    + 'FinalizationRegistry for JS-side finalization (a control registers none)',
  scenario: 'bigHandle',
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
}];
