// Experiment 6: use after free and double free on both bindings — clear errors, no crash.
'use strict';

module.exports = [{
  id: 'misuse',
  title: 'Use after free and double free',
  question: 'Does every misuse end in a clear error (or a harmless no-op), without crashing the process?',
  instruments: 'each probe runs in a try/catch that records the error; the sampler reads memory and counters before and after; the weak-reference '
    + 'probe forces full GCs',
  scenario: 'misuse',
  sampled: [],
  tiny: {},
  runs: [
    { binding: 'napi', variant: 'probes', params: {} },
    { binding: 'wasm', variant: 'probes', params: {} },
  ],
  controls: ['napi/probes', 'wasm/probes'].map((of) => ({
    of, reduce: { readings: false }, says: 'no sampler readings', within: { clearShare: { abs: 0 }, explainsShare: { abs: 0 }, probes: { abs: 0 } },
  })),
  rules: [
    { says: 'napi: every misuse gives a clear error or a harmless no-op', left: 'napi/probes.clearShare', op: '==', right: 1 },
    { says: 'wasm: every misuse gives a clear error or a harmless no-op', left: 'wasm/probes.clearShare', op: '==', right: 1 },
    { says: 'napi: every error message names the lifetime problem (freed, ended, collected…)', left: 'napi/probes.explainsShare', op: '==', right: 1 },
    { says: 'wasm: every error message names the lifetime problem (freed, ended, collected…)', left: 'wasm/probes.explainsShare', op: '==', right: 1 },
    { says: 'napi: the process survives', left: 'napi/probes.survived', op: '==', right: 1 },
    { says: 'wasm: the process survives', left: 'wasm/probes.survived', op: '==', right: 1 },
  ],
}];
