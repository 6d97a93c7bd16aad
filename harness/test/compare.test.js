// Comparison with a saved run: noise thresholds, verdicts, and refusing foreign baselines.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { compareResults, incomparabilities, threshold, MIN_CHANGE, NS_SCALE } = require('../lib/compare.js');
const { comparisonLine, answerLines } = require('../lib/report/tables.js');
const { makeDoc, makeMatrixDoc, environment, stats, MEDIANS } = require('./fixture.js');

/** A document with one result per `[case, p50, spread]` (all on 'wasm', one process). */
function run(rows) {
  return {
    createdAt: '2026-01-02T03:04:05.000Z',
    environment: { git: { commit: 'abc' } },
    results: rows.map(([id, p50, spread = 0.01]) => ({ impl: 'wasm', case: id, stats: { ...stats(p50, spread), repeatSpread: null } })),
  };
}

test('the threshold is at least 5% and otherwise the root sum of squares of both noises', () => {
  assert.equal(MIN_CHANGE, 0.05);
  assert.equal(threshold(stats(1, 0.01), stats(1, 0.02)), 0.05);
  assert.ok(Math.abs(threshold(stats(1, 0.3), stats(1, 0.4)) - 0.5) < 1e-12);
  assert.equal(threshold({ ...stats(1, 0.01), repeatSpread: 0.6 }, { ...stats(1, 0.8), repeatSpread: null }), 1);
});

test('changes within the threshold are "same", beyond it "faster" or "slower"', () => {
  const before = makeDoc();
  const same = compareResults(before, makeDoc({ scale: 1.04 }));
  assert.deepEqual(same.counts, { faster: 0, slower: 0, same: 15 });
  const slower = compareResults(before, makeDoc({ scale: 1.2 }));
  assert.deepEqual(slower.counts, { faster: 0, slower: 15, same: 0 });
  assert.ok(Math.abs(slower.rows[0].change - 0.2) < 1e-12);
  const faster = compareResults(before, makeDoc({ scale: 0.5 }));
  assert.equal(faster.counts.faster, 15);
  assert.equal(faster.unmatched, 0);
});

test('reproducibility counts the ns-scale rows whose median moved by at most 5%, whatever their noise', () => {
  assert.equal(NS_SCALE, 1000);
  const after = makeDoc({ scale: 1.04 });
  for (const r of after.results.filter((row) => row.impl === 'napi')) r.stats.p50 *= 1.1;
  const { reproducibility } = compareResults(makeDoc(), after);
  // 13 of the 15 baseline medians are under 1 µs; napi's 5 moved by 14.4%.
  assert.deepEqual(reproducibility, { below: 1000, tolerance: 0.05, compared: 13, within: 8, share: 8 / 13 });
  assert.match(comparisonLine(compareResults(makeDoc(), after)), /Medians under 1\.00 µs: 8 of 13 \(61\.5%\) within ±5\.0% of the baseline\./);
});

test('reproducibility: a baseline median under 1 µs is ns-scale, and a move of exactly 5% either way reproduced, whatever the noise', () => {
  const before = run([['up 5%', 100], ['down 5%', 100], ['down 20%', 100], ['noisy, up 20%', 100, 0.5], ['999 ns, up 10%', 999], ['1 µs, down 1%', 1000]]);
  const after = run([['up 5%', 105], ['down 5%', 95], ['down 20%', 80], ['noisy, up 20%', 120], ['999 ns, up 10%', 1098.9], ['1 µs, down 1%', 990]]);
  const comparison = compareResults(before, after);
  assert.equal(comparison.rows[3].verdict, 'same', 'within its noise, yet not reproduced');
  assert.deepEqual(comparison.reproducibility, { below: 1000, tolerance: 0.05, compared: 5, within: 2, share: 0.4 });
  const slow = compareResults(run([['a', 1000], ['b', 5000]]), run([['a', 1000], ['b', 5000]]));
  assert.deepEqual(slow.reproducibility, { below: 1000, tolerance: 0.05, compared: 0, within: 0, share: null });
});

test('a change of exactly the threshold is noise; beyond it, a verdict each way', () => {
  const before = run([['same up', 100, 0.5], ['same down', 100, 0.5], ['slower', 100, 0.5], ['faster', 100, 0.5]]);
  const after = run([['same up', 150, 0], ['same down', 50, 0], ['slower', 150.01, 0], ['faster', 49.99, 0]]);
  const { rows } = compareResults(before, after);
  assert.deepEqual(rows.map((r) => [r.case, r.threshold, r.verdict]), [
    ['same up', 0.5, 'same'], ['same down', 0.5, 'same'], ['slower', 0.5, 'slower'], ['faster', 0.5, 'faster'],
  ]);
});

test('rows in only one run are counted, not compared', () => {
  const after = makeDoc();
  after.results = after.results.filter((r) => r.impl !== 'napi');
  const comparison = compareResults(makeDoc(), after);
  assert.equal(comparison.rows.length, 10);
  assert.equal(comparison.unmatched, 5);
});

test('runs from another CPU, core count or runtime version are incomparable', () => {
  const here = environment();
  assert.deepEqual(incomparabilities(here, environment()), []);
  assert.match(incomparabilities(here, environment({ cpu: 'Other CPU' })).join(), /CPU model differs: Test CPU 3000 \(baseline\) vs Other CPU/);
  assert.match(incomparabilities(here, environment({ cores: 8 })).join(), /CPU count differs/);
  assert.match(incomparabilities(here, environment({ runtime: '22.1.0' })).join(), /runtime differs: node 20\.0\.0 \(baseline\) vs node 22\.1\.0/);
});

test('a comparison says whether the choosing answers held: the same, within noise, or changed', () => {
  const line = (before, after) => answerLines(compareResults(before, after));
  assert.deepEqual(line(makeDoc(), makeDoc({ scale: 1.04 })), ['Choosing a binding: the same answer as the baseline in 2 of 2 groups.']);
  const napiFaster = (factor) => makeMatrixDoc({ node: { js: MEDIANS.js, wasm: MEDIANS.wasm, napi: Object.fromEntries(Object.entries(MEDIANS.wasm).map(([id, ns]) => [id, ns * factor])) } });
  assert.deepEqual(line(napiFaster(0.5), napiFaster(1.03)), [
    'Choosing a binding: the same answer as the baseline in 0 of 2 groups.',
    'within noise: call (wasm vs napi): napi in the baseline, inconclusive now.',
    'within noise: bytes (wasm vs napi): napi in the baseline, inconclusive now.',
  ]);
  assert.deepEqual(line(napiFaster(0.5), napiFaster(2)).slice(1), [
    'CHANGED: call (wasm vs napi): napi in the baseline, wasm now.',
    'CHANGED: bytes (wasm vs napi): napi in the baseline, wasm now.',
  ]);
  assert.deepEqual(answerLines(compareResults(run([['a', 1]]), run([['a', 1]]))), [], 'no verdicts, no line');
});
