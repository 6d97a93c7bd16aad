// The reproductions' outcomes on injected measurements (no timed test): confirmed, refuted,
// inconclusive or differs from evidence and its uncertainty; and the timed claim of seed 002
// from per-process worker summaries — decided by how many processes show a difference beyond
// their margin — which gives the same verdicts on the three loaded runs recorded here and
// which one process slowed by a burst of load cannot flip.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const registry = require('@bindlab/bench-js');
const { outcomeOf } = require('../lib/repro/judge.js');
const { timingEvidence, ratioUncertainty, commonPrefix, timedCase } = require('../lib/repro/timing.js');

const seed002 = registry.repro.find((c) => c.id === 'seed002.wrapped-method-cost.wasm');

/** Worker summaries of one row, one per process, from their medians (the fields timing reads) and a spread. */
const summaries = (p50s, spread = 0.02) => p50s.map((p50) => ({ n: 100, p50, spread }));

/** The outcome of seed 002's claim for processes whose method and plain rows took `method[i]` and `plain[i]` ns. */
function timed(method, plain, spread) {
  const measured = timingEvidence({ method: 'call/counter.increment', plain: 'call/add' }, { method: summaries(method, spread), plain: summaries(plain, spread) });
  return { ...measured, ...outcomeOf(seed002, measured.evidence, measured.uncertainty) };
}

/** The outcome for processes whose method row took `ratios` times their plain row's 10 ns. */
const seed002Outcome = (ratios) => timed(ratios.map((r) => r * 10), ratios.map(() => 10));

/**
 * Per-process medians (ns) of three consecutive `npm run repro` runs on this 2-core machine beside two busy loops
 * (load average 11-13; commit f6f06a2's timing): counter.increment() and add(i32, i32), per binding.
 */
const LOADED = [
  { napi: { method: [439, 684.5, 448, 436.9, 487.7, 462, 400.8, 901.7], plain: [164.6, 160.1, 191.5, 342.3, 157.8, 292.6, 154.5, 179.3] },
    wasm: { method: [8.6, 25.2, 8.1, 8.5, 13.3, 17.3, 25.2, 37.3], plain: [7.4, 18.3, 17.6, 8.6, 8.1, 31.8, 34.9, 17.8] } },
  { napi: { method: [625.8, 465.3, 6793.5, 614.3, 527.4, 499.8, 4118, 1589.6], plain: [1321.7, 165, 175.7, 229.4, 178.7, 329.5, 181.9, 351.6] },
    wasm: { method: [45.3, 26.7, 39.5, 39.2, 42.8, 41.2, 48.7, 41.2], plain: [47.6, 8.6, 35.8, 37.9, 46.6, 9.3, 18.8, 55.7] } },
  { napi: { method: [977.9, 736.2, 664, 994.9, 1032.8, 922.9, 1002.8, 1038], plain: [320.8, 290.7, 349.5, 321.2, 291.8, 372.5, 327.7, 331.9] },
    wasm: { method: [45.2, 49.4, 42.3, 44.9, 44.9, 41.9, 42.8, 38.4], plain: [49.3, 18.8, 53.6, 57.2, 54.7, 55, 49.2, 54.1] } },
];

test('an exact claim is confirmed, refuted or differs according to its evidence (a count has no noise)', () => {
  const claim = registry.repro.find((c) => c.id === 'seed003.two-phase-three-calls');
  assert.equal(outcomeOf(claim, { twoPhaseMin: 3, twoPhaseMax: 3 }).outcome, 'confirmed');
  assert.equal(outcomeOf(claim, { twoPhaseMin: 3, twoPhaseMax: 4 }).outcome, 'refuted');
  assert.equal(outcomeOf(claim, { twoPhaseMin: 2, twoPhaseMax: 3 }).outcome, 'differs');
});

test('seed 002: per-process ratios, each row\'s fastest median, and the processes beyond their margin counted', () => {
  const m = timed([29, 37.7, 36.2, 31.5, 156, 28.5, 35.3, 31.7], [10, 12, 11, 10, 30, 10, 11, 10]);
  assert.equal(m.evidence.plainNs, 10);
  assert.equal(m.evidence.methodNs, 28.5, 'the fastest method process, not that of the fastest ratio');
  assert.ok(Math.abs(m.evidence.ratio - median([2.9, 37.7 / 12, 36.2 / 11, 3.15, 5.2, 2.85, 35.3 / 11, 3.17])) < 1e-9);
  assert.deepEqual([m.evidence.slowerShare, m.evidence.fasterShare], [1, 0]);
  assert.equal(m.outcome, 'confirmed');
  assert.deepEqual(m.timing.margins, Array(8).fill(0.25));
  assert.equal(ratioUncertainty([1, 1, 1, 1]), 0.05, 'the reported ± is never under 5 % of the ratio');
  const noisy = timed([30, 30, 30, 30, 30, 30, 30, 30], [20, 20, 20, 20, 20, 20, 20, 20], 0.4);
  assert.ok(Math.abs(noisy.timing.margins[0] - Math.hypot(0.4, 0.4)) < 1e-12, 'a process whose samples spread more needs a larger ratio');
  assert.deepEqual([noisy.evidence.slowerShare, noisy.outcome], [0, 'inconclusive'], '1.5 is inside a margin of 0.57');
});

/** The median of numbers. */
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return (s[3] + s[4]) / 2;
}

test('seed 002: 7 of 8 processes beyond the margin decide; fewer leave it inconclusive, never the opposite verdict', () => {
  assert.equal(seed002Outcome([2.9, 3.1, 3.3, 3.2, 5.2, 2.9, 3.2, 3.2]).outcome, 'confirmed');
  assert.equal(seed002Outcome([2.9, 3.1, 3.3, 3.2, 5.2, 2.9, 3.2, 0.5]).outcome, 'confirmed', '7 of 8');
  assert.equal(seed002Outcome([2.9, 3.1, 3.3, 3.2, 5.2, 2.9, 1.1, 0.5]).outcome, 'inconclusive', '6 of 8');
  assert.equal(seed002Outcome([0.6, 0.58, 0.63, 0.6, 0.64, 0.59, 0.62, 0.6]).outcome, 'refuted');
  assert.equal(seed002Outcome([0.79, 0.76, 0.78, 0.79, 0.82, 0.76, 0.87, 0.71]).outcome, 'inconclusive', '20 % faster is within the margin');
  assert.equal(seed002Outcome([1.04, 0.93, 0.85, 0.56, 1.21, 0.37, 1.08, 1.17]).outcome, 'inconclusive');
});

test('seed 002: the three loaded runs recorded here give identical verdicts (napi confirmed, wasm inconclusive)', () => {
  const outcomes = LOADED.map((run) => ['napi', 'wasm'].map((binding) => timed(run[binding].method, run[binding].plain).outcome));
  assert.deepEqual(outcomes, [['confirmed', 'inconclusive'], ['confirmed', 'inconclusive'], ['confirmed', 'inconclusive']]);
});

test('seed 002: one more process slowed by load, on either row, by up to 4x, changes no verdict of a loaded run whose processes all agreed', () => {
  for (const run of LOADED) {
    for (const [binding, expected] of [['napi', 'confirmed'], ['wasm', 'inconclusive']]) {
      if (binding === 'napi' && run !== LOADED[1]) assert.equal(timed(run.napi.method, run.napi.plain).evidence.slowerShare, 1);
      if (binding === 'napi' && run === LOADED[1]) continue; // one process of it already disagreed (its add() slowed 8x): 7 of 8
      const { method, plain } = run[binding];
      for (let i = 0; i < method.length; i++) {
        for (const factor of [2, 4]) {
          const slowMethod = method.map((ns, j) => (j === i ? ns * factor : ns));
          const slowPlain = plain.map((ns, j) => (j === i ? ns * factor : ns));
          assert.equal(timed(slowMethod, plain).outcome, expected, `${binding} process ${i}: method x${factor}`);
          assert.equal(timed(method, slowPlain).outcome, expected, `${binding} process ${i}: plain x${factor}`);
        }
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
