// Statistics: quantiles, summaries, repeats, the optimised-away rule.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const stats = require('../lib/stats.js');

test('quantile interpolates linearly between neighbours', () => {
  const sorted = [10, 20, 30, 40];
  assert.equal(stats.quantile(sorted, 0), 10);
  assert.equal(stats.quantile(sorted, 1), 40);
  assert.equal(stats.quantile(sorted, 0.5), 25);
  assert.equal(stats.quantile(sorted, 0.25), 17.5);
  assert.equal(stats.quantile([7], 0.99), 7);
  assert.throws(() => stats.quantile([], 0.5), /no values/);
});

test('median does not depend on order', () => {
  assert.equal(stats.median([5, 1, 3]), 3);
  assert.equal(stats.median([4, 1, 3, 2]), 2.5);
});

test('summarize reports quantiles, mean, MAD and relative IQR', () => {
  const s = stats.summarize([9, 1, 5, 3, 7]);
  assert.deepEqual(s, { n: 5, min: 1, p25: 3, p50: 5, p75: 7, p99: 8.92, max: 9, mean: 5, mad: 2, spread: 0.8 });
});

test('summarize gives zero spread for identical samples', () => {
  const s = stats.summarize([2, 2, 2, 2]);
  assert.equal(s.spread, 0);
  assert.equal(s.mad, 0);
});

test('combineRepeats keeps the run with the lowest median and measures how far the others are above it', () => {
  const runs = [stats.summarize([12, 13, 14]), stats.summarize([10, 10, 30]), stats.summarize([11, 11, 11])];
  assert.equal(stats.fastestRepeat(runs), 1);
  const combined = stats.combineRepeats(runs);
  assert.equal(combined.p50, 10);
  assert.equal(combined.max, 30, 'every statistic comes from that one run');
  assert.equal(combined.n, 9);
  assert.equal(combined.repeatSpread, 3 / 10);
  assert.equal(stats.combineRepeats([runs[0]]).repeatSpread, null);
});

test('of runs with equal medians, combineRepeats keeps the first', () => {
  const runs = [stats.summarize([1, 10, 20]), stats.summarize([5, 10, 11])];
  assert.equal(stats.fastestRepeat(runs), 0);
  assert.deepEqual([stats.combineRepeats(runs).max, stats.combineRepeats(runs).repeatSpread], [20, 0]);
});

test('noise is the larger of spread and repeat spread', () => {
  assert.equal(stats.noise({ spread: 0.1, repeatSpread: null }), 0.1);
  assert.equal(stats.noise({ spread: 0.1, repeatSpread: 0.3 }), 0.3);
});

test('a result under 1.42x the empty loop is flagged as probably optimised away', () => {
  assert.equal(stats.OPTIMISED_AWAY_RATIO, 1.42);
  assert.equal(stats.isOptimisedAway(0.5), true);
  assert.equal(stats.isOptimisedAway(1.41), true);
  assert.equal(stats.isOptimisedAway(1.42), false);
  assert.equal(stats.isOptimisedAway(30), false);
});

test('geometricMean', () => {
  assert.equal(stats.geometricMean([2, 8]), 4);
  assert.ok(Math.abs(stats.geometricMean([0.5, 2]) - 1) < 1e-12);
});
