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
 * Per-process medians (ns) of six `npm run repro` runs, two sets of three in a row, on this 2-core machine beside two busy
 * loops (load average 10-13; the timing of commits f6f06a2 and 4fc05fe, the same worker processes): counter.increment()
 * and add(i32, i32), per binding.
 */
const LOADED = [
  { napi: { method: [439, 684.5, 448, 436.9, 487.7, 462, 400.8, 901.7], plain: [164.6, 160.1, 191.5, 342.3, 157.8, 292.6, 154.5, 179.3] },
    wasm: { method: [8.6, 25.2, 8.1, 8.5, 13.3, 17.3, 25.2, 37.3], plain: [7.4, 18.3, 17.6, 8.6, 8.1, 31.8, 34.9, 17.8] } },
  { napi: { method: [625.8, 465.3, 6793.5, 614.3, 527.4, 499.8, 4118, 1589.6], plain: [1321.7, 165, 175.7, 229.4, 178.7, 329.5, 181.9, 351.6] },
    wasm: { method: [45.3, 26.7, 39.5, 39.2, 42.8, 41.2, 48.7, 41.2], plain: [47.6, 8.6, 35.8, 37.9, 46.6, 9.3, 18.8, 55.7] } },
  { napi: { method: [977.9, 736.2, 664, 994.9, 1032.8, 922.9, 1002.8, 1038], plain: [320.8, 290.7, 349.5, 321.2, 291.8, 372.5, 327.7, 331.9] },
    wasm: { method: [45.2, 49.4, 42.3, 44.9, 44.9, 41.9, 42.8, 38.4], plain: [49.3, 18.8, 53.6, 57.2, 54.7, 55, 49.2, 54.1] } },
  { napi: { method: [961.7, 1469.6, 558.9, 1183.5, 1019.5, 640.1, 480.8, 785.6], plain: [191.8, 304.5, 348.1, 344, 329.7, 353.7, 367.6, 178.8] },
    wasm: { method: [27.9, 26.1, 27.7, 9.2, 30, 29.6, 53.2, 9.2], plain: [50.5, 34.3, 33.4, 13.7, 51, 64.3, 52.4, 34.6] } },
  { napi: { method: [651.4, 633.8, 471.6, 439.5, 821.2, 1437.9, 450.7, 771], plain: [327.2, 202.8, 243, 165.6, 168.3, 159.6, 181.2, 166.2] },
    wasm: { method: [16.9, 39.8, 19.3, 9.9, 16.9, 17, 16.2, 24.9], plain: [51, 55.7, 15.9, 50.2, 8.6, 10.4, 10.4, 9.7] } },
  { napi: { method: [889.8, 18020.9, 1598.2, 1048.8, 1464.5, 1132.7, 534.7, 1251], plain: [321.5, 7444.9, 355.6, 354.6, 335.6, 319.5, 318.9, 349.3] },
    wasm: { method: [40.2, 49.6, 16.7, 28.2, 46.3, 18.5, 31.3, 39.7], plain: [49.6, 35.8, 21.7, 8.9, 53.4, 47.5, 55.5, 10.4] } },
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
  assert.equal(m.timing.margin, 0.25);
  assert.equal(ratioUncertainty([1, 1, 1, 1]), 0.05, 'the reported ± is never under 5 % of the ratio');
  const wild = timed([30, 30, 30, 30, 30, 30, 30, 30], [20, 20, 20, 20, 20, 20, 20, 20], 40);
  assert.deepEqual([wild.evidence.slowerShare, wild.outcome], [1, 'confirmed'], 'samples spread by load do not hide a ratio of 1.5 whose medians agree');
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
  assert.equal(seed002Outcome([0.81, 0.85, 0.83, 0.82, 0.9, 0.8, 0.87, 0.84]).outcome, 'inconclusive', 'up to 20 % faster is within the margin');
  assert.equal(seed002Outcome([1.04, 0.93, 0.85, 0.56, 1.21, 0.37, 1.08, 1.17]).outcome, 'inconclusive');
});

test('seed 002: the six loaded runs recorded here give identical verdicts (napi confirmed, wasm inconclusive)', () => {
  const outcomes = LOADED.map((run) => ['napi', 'wasm'].map((binding) => timed(run[binding].method, run[binding].plain).outcome));
  assert.deepEqual(outcomes, LOADED.map(() => ['confirmed', 'inconclusive']));
});

test('seed 002: a process slowed by load, on either row, by up to 4x, moves each count by at most one process', () => {
  for (const run of LOADED) {
    for (const binding of ['napi', 'wasm']) {
      const { method, plain } = run[binding];
      const base = timed(method, plain).evidence;
      for (let i = 0; i < method.length; i++) {
        for (const factor of [2, 4]) {
          const slowed = (row) => row.map((ns, j) => (j === i ? ns * factor : ns));
          for (const e of [timed(slowed(method), plain).evidence, timed(method, slowed(plain)).evidence]) {
            assert.ok(Math.abs(e.slowerShare - base.slowerShare) <= 1 / 8 && Math.abs(e.fasterShare - base.fasterShare) <= 1 / 8, `${binding} process ${i} x${factor}`);
          }
        }
      }
    }
  }
  const allAgree = LOADED.filter((run) => timed(run.napi.method, run.napi.plain).evidence.slowerShare === 1);
  assert.equal(allAgree.length, 5, 'in 5 of the 6 runs every napi process showed the method slower, so one more disturbed process leaves it confirmed');
});

test('seed 002 times two rows of the call group, found by group and row id through cases.js, in one worker filter', () => {
  const ids = Object.values(seed002.timing).map((row) => timedCase(seed002.id, row));
  assert.deepEqual(ids, ['call/counter.increment', 'call/add']);
  assert.ok(ids.every((id) => id.startsWith(commonPrefix(ids)) && commonPrefix(ids).length > 0));
  assert.equal(commonPrefix(['call/add', 'call/addU64']), 'call/add');
  assert.throws(() => timedCase('x', { group: 'call', id: 'no such row' }), /x: times the bench row "no such row" of group "call", which bench-js does not have/);
});
