// Statistics over timing samples: quantiles, robust spread, the optimised-away test and
// the combination of repeated runs. Pure functions of numbers.
'use strict';

/** mitata's rule: a result under this multiple of the empty loop probably measures nothing. */
const OPTIMISED_AWAY_RATIO = 1.42;

/** The `q`-quantile (0…1) of ascending `sorted` values, interpolating linearly between neighbours. */
function quantile(sorted, q) {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

/** The median of `values`, in any order. */
function median(values) {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

/**
 * Summarises per-call times (ns): count, min, quartiles, p99, max, mean, the median absolute
 * deviation `mad` (ns) and `spread`, the interquartile range relative to the median.
 */
function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = quantile(sorted, 0.5);
  const p25 = quantile(sorted, 0.25);
  const p75 = quantile(sorted, 0.75);
  return {
    n: sorted.length,
    min: sorted[0],
    p25,
    p50,
    p75,
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((total, v) => total + v, 0) / sorted.length,
    mad: median(sorted.map((v) => Math.abs(v - p50))),
    spread: p50 > 0 ? (p75 - p25) / p50 : 0,
  };
}

/** The index of the summary with the lowest median. */
function fastestRepeat(summaries) {
  return summaries.reduce((best, s, i) => (s.p50 < summaries[best].p50 ? i : best), 0);
}

/**
 * Combines the summaries of one case measured in several processes: the summary of the one with
 * the lowest median, with `n` the total and `repeatSpread` the range of the medians relative to
 * that lowest (null for a single run). Between processes a nanosecond call's median differs by up
 * to 2x, from how the JIT compiled it and from bursts of load on the machine, and both only ever
 * slow a run down: the fastest run is the one a rerun reproduces.
 */
function combineRepeats(summaries) {
  const fastest = summaries[fastestRepeat(summaries)];
  const n = summaries.reduce((total, s) => total + s.n, 0);
  if (summaries.length === 1) return { ...fastest, repeatSpread: null };
  const medians = summaries.map((s) => s.p50);
  return { ...fastest, n, repeatSpread: (Math.max(...medians) - fastest.p50) / fastest.p50 };
}

/** How unsure a combined result is: the larger of its spread and its repeat spread. */
function noise(stats) {
  return Math.max(stats.spread, stats.repeatSpread ?? 0);
}

/** Differences smaller than this fraction are never called real, however quiet the runs were. */
const MIN_CHANGE = 0.05;

/**
 * True when `after` is within `tolerance` (a fraction) of `before`, either way. Compared as a
 * difference rather than as after/before − 1, whose rounding put a change of exactly 5%
 * (100 → 105 ns) just outside a 5% tolerance.
 */
function within(before, after, tolerance) {
  return Math.abs(after - before) <= tolerance * before;
}

/** The fraction two measurements must differ by to count, given their noises: the larger
 * of MIN_CHANGE and the noises combined (root sum of squares). */
function differenceThreshold(noiseA, noiseB) {
  return Math.max(MIN_CHANGE, Math.hypot(noiseA, noiseB));
}

/** True when a time this many times the empty loop's is probably a loop with the call optimised out. */
function isOptimisedAway(ratioToEmptyLoop) {
  return ratioToEmptyLoop < OPTIMISED_AWAY_RATIO;
}

/** The geometric mean of positive numbers. */
function geometricMean(values) {
  return Math.exp(values.reduce((total, v) => total + Math.log(v), 0) / values.length);
}

module.exports = {
  MIN_CHANGE, within, differenceThreshold, OPTIMISED_AWAY_RATIO, quantile, median, summarize, fastestRepeat, combineRepeats, noise, isOptimisedAway, geometricMean };
