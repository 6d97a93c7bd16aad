// The reproductions' outcomes on injected measurements (no timed test): confirmed, refuted,
// inconclusive or differs from evidence and its uncertainty; and the timed claim of seed 002
// from per-process worker summaries — its ratio the median of the per-process ratios, its
// uncertainty their spread — which one process slowed by a burst of load cannot flip.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const registry = require('@bindlab/bench-js');
const { outcomeOf } = require('../lib/repro/judge.js');
const { timingEvidence, ratioUncertainty, commonPrefix, timedCase } = require('../lib/repro/timing.js');

const seed002 = registry.repro.find((c) => c.id === 'seed002.wrapped-method-cost.wasm');

/** Worker summaries of one row, one per process, from their medians (the fields timing reads). */
const summaries = (p50s) => p50s.map((p50) => ({ n: 100, p50, spread: 0.02 }));

/** The outcome of seed 002's claim for processes whose plain row took `plain` ns and whose method row took `ratios` times that. */
function seed002Outcome(ratios, plain = ratios.map(() => 10)) {
  const measured = timingEvidence({ method: 'call/counter.increment', plain: 'call/add' }, {
    method: summaries(ratios.map((r, i) => r * plain[i])),
    plain: summaries(plain),
  });
  return { ...measured, ...outcomeOf(seed002, measured.evidence, measured.uncertainty) };
}

/** Per-process ratios measured on this machine (8 processes, the machine otherwise at load 6): napi, then wasm. */
const NAPI = [2.90, 3.14, 3.29, 3.15, 5.21, 2.85, 3.21, 3.17];
const WASM = [1.04, 0.93, 0.85, 0.56, 1.21, 0.37, 1.08, 1.17];

test('an exact claim is confirmed, refuted or differs according to its evidence (a count has no noise)', () => {
  const claim = registry.repro.find((c) => c.id === 'seed003.two-phase-three-calls');
  assert.equal(outcomeOf(claim, { twoPhaseMin: 3, twoPhaseMax: 3 }).outcome, 'confirmed');
  assert.equal(outcomeOf(claim, { twoPhaseMin: 3, twoPhaseMax: 4 }).outcome, 'refuted');
  assert.equal(outcomeOf(claim, { twoPhaseMin: 2, twoPhaseMax: 3 }).outcome, 'differs');
});

test('seed 002: the ratio is the median of the per-process ratios, each row\'s time its fastest process, the uncertainty the spread to the second extremes', () => {
  const m = seed002Outcome(NAPI, [10, 12, 11, 10, 30, 10, 11, 10]);
  assert.equal(m.evidence.plainNs, 10);
  assert.ok(Math.abs(m.evidence.methodNs - 28.5) < 1e-9, 'the fastest method process (2.85 x 10 ns), not that of the fastest ratio');
  assert.ok(Math.abs(m.evidence.ratio - (3.15 + 3.17) / 2) < 1e-9);
  assert.ok(Math.abs(m.uncertainty.ratio - Math.max(3.16 - 2.90, 3.29 - 3.16)) < 1e-9, 'to the second lowest (2.90) and the second highest (3.29)');
  assert.equal(m.outcome, 'confirmed');
  assert.equal(ratioUncertainty([1, 1, 1, 1]), 0.05, 'never under 5 % of the ratio');
  assert.equal(ratioUncertainty([2]), 0.1, 'one process (quick): 5 %');
});

test('seed 002: a ratio far from 1 beyond its spread is confirmed or refuted, one near 1 is inconclusive, never the opposite verdict', () => {
  assert.equal(seed002Outcome(NAPI).outcome, 'confirmed');
  assert.equal(seed002Outcome(WASM).outcome, 'inconclusive');
  assert.equal(seed002Outcome([0.61, 0.58, 0.63, 0.6, 0.9, 0.59, 0.62, 0.6]).outcome, 'refuted');
  assert.equal(seed002Outcome([1.02, 0.99, 1.01, 1.0, 1.03, 0.98, 1.0, 1.01]).outcome, 'inconclusive', 'within the 5 % floor');
  const rules = seed002Outcome(WASM).rules;
  assert.deepEqual(rules.map((r) => r.verdict), ['within noise', 'within noise']);
});

test('seed 002: one process slowed by load, on either row, by up to 4x, changes no verdict', () => {
  for (const [ratios, expected] of [[NAPI, 'confirmed'], [WASM, 'inconclusive'], [[0.61, 0.58, 0.63, 0.6, 0.64, 0.59, 0.62, 0.6], 'refuted']]) {
    for (let i = 0; i < ratios.length; i++) {
      for (const factor of [0.25, 0.5, 2, 4]) { // the method row slowed (x2, x4) or the plain row (ratio /2, /4)
        const loaded = ratios.map((r, j) => (j === i ? r * factor : r));
        assert.equal(seed002Outcome(loaded).outcome, expected, `process ${i} x${factor}`);
      }
    }
  }
});

test('seed 002 times two rows of the call group, found by group and name through cases.js, in one worker filter', () => {
  const ids = Object.values(seed002.timing).map((row) => timedCase(seed002.id, row));
  assert.equal(ids.length, 2);
  assert.ok(ids.every((id) => id.startsWith(commonPrefix(ids)) && commonPrefix(ids).length > 0));
  assert.equal(commonPrefix(['call/add', 'call/addU64']), 'call/add');
  assert.throws(() => timedCase('x', { group: 'call', name: 'no such row' }), /x: times the bench row "no such row" of group "call", which bench-js does not have/);
});
