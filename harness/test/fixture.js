// Synthetic measurements for the tests: a results document built by the real code from
// made-up worker records, so that nothing depends on timing.
'use strict';

const { buildResults } = require('../lib/results.js');
const { caseId } = require('../lib/cases.js');

/** A stats object around median `p50` with relative interquartile range `spread`. */
function stats(p50, spread = 0.02) {
  return {
    n: 100, min: p50 * 0.9, p25: p50 * (1 - spread / 2), p50, p75: p50 * (1 + spread / 2),
    p99: p50 * 1.5, max: p50 * 2, mean: p50 * 1.01, mad: p50 * spread / 3, spread,
  };
}

/** An environment record for a made-up machine. */
function environment({ cpu = 'Test CPU 3000', cores = 2, runtime = '20.0.0' } = {}) {
  return {
    date: '2026-01-02T03:04:05.000Z',
    machine: { cpu: { model: cpu, cores, speedMHz: null }, os: { platform: 'linux', type: 'Linux', release: '6', arch: 'x64' }, memoryBytes: 2 ** 33 },
    runtime: { name: 'node', version: runtime, v8: '11.3', executable: '/usr/bin/node', flags: ['--expose-gc'], nodeOptions: null },
    runtimes: { node: { name: 'node', version: runtime, v8: '11.3', executable: '/usr/bin/node', flags: ['--expose-gc'], nodeOptions: null } },
    rustc: 'rustc 1.0.0',
    crates: { napi: '3.0.0', 'wasm-bindgen': '0.2.0' },
    packages: { mitata: '1.0.34' },
    git: { commit: '0123456789abcdef', dirty: false },
  };
}

/** The case descriptions: two single cases and a three-size sweep. */
const CASES = [
  { id: caseId('call', 'noop'), group: 'call', name: 'noop()', uses: ['noop'], needs: [], sweep: null, ladder: null, resultBytes: 0 },
  { id: caseId('call', 'add'), group: 'call', name: 'add(i32, i32)', uses: ['add'], needs: [], sweep: null, ladder: null, resultBytes: 0 },
  ...[16, 256, 4096].map((size) => ({
    id: caseId('bytes', 'sumBytes', size), group: 'bytes', name: `sumBytes ${size}`, uses: ['sumBytes'], needs: [], sweep: { name: 'sumBytes', size, unit: 'B' }, ladder: null, resultBytes: 0,
  })),
];

/** Median ns per implementation and case id: wasm wins the calls and the 16 B sweep row, napi the larger ones (crossing at 16 + 240 * 70/90 B). */
const MEDIANS = {
  js: { 'call/noop': 0.5, 'call/add': 1, 'bytes/sumBytes@16': 20, 'bytes/sumBytes@256': 300, 'bytes/sumBytes@4096': 5000 },
  wasm: { 'call/noop': 3, 'call/add': 4, 'bytes/sumBytes@16': 50, 'bytes/sumBytes@256': 110, 'bytes/sumBytes@4096': 1300 },
  napi: { 'call/noop': 30, 'call/add': 100, 'bytes/sumBytes@16': 120, 'bytes/sumBytes@256': 90, 'bytes/sumBytes@4096': 400 },
};

/** A results document built from `MEDIANS` (scaled by `scale`), with `options` overrides. */
function makeDoc({ scale = 1, env = environment(), repeat = 1 } = {}) {
  const impls = Object.keys(MEDIANS);
  const processes = [];
  for (let r = 0; r < repeat; r++) {
    for (const impl of impls) {
      processes.push({
        impl, repeat: r, runtime: 'node', empty: stats(0.8),
        results: Object.entries(MEDIANS[impl]).map(([id, p50]) => ({ case: id, stats: stats(p50 * scale * (1 + r / 100)), guard: null })),
        skips: [], errors: [],
      });
    }
  }
  const options = { quick: true, repeat, filter: null, impls, runtime: 'node', budget: { minCpuTimeNs: 20e6 } };
  return buildResults({ options, environment: env, cases: CASES, processes });
}

/**
 * A results document of several runtimes from `medians` = `{ runtime: { impl: { caseId: ns } } }`
 * over `CASES`, every cell with relative spread `spread`, as one `quick` run (or not).
 */
function makeMatrixDoc(medians, { spread = 0.02, quick = true } = {}) {
  const runtimes = Object.keys(medians);
  const impls = [...new Set(runtimes.flatMap((runtime) => Object.keys(medians[runtime])))];
  const base = environment();
  const env = { ...base, runtime: { ...base.runtime, name: runtimes[0] }, runtimes: Object.fromEntries(runtimes.map((name, i) => [name, { ...base.runtime, name, version: `2${i}.0.0` }])) };
  const processes = runtimes.flatMap((runtime) => Object.entries(medians[runtime]).map(([impl, cells]) => ({
    runtime, impl, repeat: 0, empty: stats(0.8),
    results: Object.entries(cells).map(([id, p50]) => ({ case: id, stats: stats(p50, spread), guard: null })),
    skips: [], errors: [],
  })));
  const options = { quick, repeat: 1, filter: null, impls, runtime: runtimes.join(','), budget: { minCpuTimeNs: 20e6 } };
  return buildResults({ options, environment: env, cases: CASES, processes });
}

module.exports = { stats, environment, makeDoc, makeMatrixDoc, CASES, MEDIANS };
