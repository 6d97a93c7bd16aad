// The mutations `node harness/mutants.js` applies, one at a time: in `file` (inside harness/) the
// text `from`, which must occur exactly once, becomes `to`; `why` is what a test must notice.
// A sample, chosen by hand, of the boundaries and choices in the verdict code; equivalent
// mutants (no observable difference) are left out, see MUTANTS.md.
'use strict';

module.exports = [
  // compare.js: the reproducibility figure and the verdicts of a comparison.
  { file: 'lib/compare.js', from: 'r.before < NS_SCALE', to: 'r.before <= NS_SCALE', why: 'a baseline median of exactly 1 µs is not ns-scale' },
  { file: 'lib/compare.js', from: 'r.before < NS_SCALE', to: 'r.after < NS_SCALE', why: 'the baseline median, not the new one, decides what is ns-scale' },
  { file: 'lib/compare.js', from: 'within(r.before, r.after, MIN_CHANGE)', to: "r.verdict === 'same'", why: 'reproduced means within 5%, whatever the noise' },
  { file: 'lib/stats.js', from: 'Math.abs(after - before) <= tolerance', to: 'Math.abs(after - before) < tolerance', why: 'a move of exactly the tolerance (5%, or the threshold) is within it' },
  { file: 'lib/stats.js', from: 'Math.abs(after - before) <= tolerance', to: 'after - before <= tolerance', why: 'a median 20% faster did not reproduce' },
  { file: 'lib/compare.js', from: 'share: small.length ? reproduced / small.length : null', to: 'share: reproduced / small.length', why: 'with no ns-scale row the share is null, not NaN' },
  { file: 'lib/compare.js', from: 'within(was.stats.p50, r.stats.p50, limit)', to: 'within(was.stats.p50, r.stats.p50, MIN_CHANGE)', why: 'the verdict allows for both runs\' noise' },
  { file: 'lib/compare.js', from: "change < 0 ? 'faster' : 'slower'", to: "change > 0 ? 'faster' : 'slower'", why: 'a lower median is faster' },
  { file: 'lib/stats.js', from: 'Math.hypot(noiseA, noiseB)', to: 'noiseA + noiseB', why: 'noises combine as a root sum of squares' },
  { file: 'lib/stats.js', from: 'Math.max(MIN_CHANGE,', to: 'Math.min(MIN_CHANGE,', why: 'the threshold is never under 5%' },
  { file: 'lib/compare.js', from: '- 2 * rows.length', to: '- rows.length', why: 'a matched row is in both documents' },
  { file: 'lib/compare.js', from: "differ('CPU count', before.machine.cpu.cores, after", to: "differ('CPU count', before.machine.cpu.cores, before", why: 'another core count is incomparable' },
  // verdict.js: the winner of a group, its wins, range and exceptions, ties included.
  { file: 'lib/verdict.js', from: 'aOverB <= 1 ? [a, b] : [b, a]', to: 'aOverB < 1 ? [a, b] : [b, a]', why: 'a tie (geometric mean exactly 1) goes to the first binding' },
  { file: 'lib/verdict.js', from: 'winner === a ? r.tb / r.ta : r.ta / r.tb', to: 'winner === a ? r.ta / r.tb : r.tb / r.ta', why: 'ratios are loser time / winner time' },
  { file: 'lib/verdict.js', from: '.sort((x, y) => x.ratio - y.ratio)', to: '.sort((x, y) => y.ratio - x.ratio)', why: 'lowest is the smallest ratio, highest the largest' },
  { file: 'lib/verdict.js', from: 'r.ta !== undefined && r.tb !== undefined', to: 'r.ta !== undefined', why: 'a case measured on one binding only is not compared' },
  { file: 'lib/verdict.js', from: 'factor = aOverB <= 1 ? 1 / aOverB : aOverB', to: 'factor = aOverB', why: 'the factor is ≥ 1 whoever wins' },
  { file: 'lib/verdict.js', from: 'conclusive: factor > 1 + noise', to: 'conclusive: true', why: 'a group inside its noise names no winner' },
  { file: 'lib/verdict.js', from: 'r.decided && r.ta < r.tb', to: 'r.ta < r.tb', why: 'a case inside its noise is no win' },
  { file: 'lib/verdict.js', from: "r.ratio < 1 && decided.has(r.case)", to: 'r.ratio < 1', why: 'a case the loser wins inside the noise is no exception' },
  { file: 'lib/verdict.js', from: 'differenceThreshold(noiseOf(r.case, a), noiseOf(r.case, b))', to: 'differenceThreshold(0, 0)', why: "each case's threshold allows for its cells' noise" },
  { file: 'lib/report/choosing.js', from: "doc.options?.quick ? 'indicative (quick run): ' : ''", to: "''", why: "a quick run's headlines are marked indicative" },
  { file: 'lib/report/choosing.js', from: 'if (v.conclusive === false) return inconclusive(v);', to: '', why: 'an inconclusive group names no winner' },
  // report/choosing.js: the headline's range and the sweeps each pair's section shows.
  { file: 'lib/report/choosing.js', from: 'v.lowest.case === v.highest.case ?', to: 'v.lowest.case !== v.highest.case ?', why: 'a range only when the lowest and highest cases differ' },
  { file: 'lib/report/choosing.js', from: 'v.lowest.case === v.highest.case ?', to: 'false ?', why: 'a one-case group has no range' },
  { file: 'lib/report/choosing.js', from: 'from ${formatRatio(v.lowest.ratio)}', to: 'from ${formatRatio(v.highest.ratio)}', why: 'the range starts at the lowest ratio' },
  { file: 'lib/report/choosing.js', from: 'to ${formatRatio(v.highest.ratio)} (${v.highest.name})', to: 'to ${formatRatio(v.highest.ratio)} (${v.lowest.name})', why: 'the range ends at the highest ratio\'s case' },
  { file: 'lib/report/choosing.js', from: 's.group === v.group && s.a === v.a && s.b === v.b', to: 's.group === v.group && s.a === v.a', why: 'a pair shows only its own sweeps (second binding)' },
  { file: 'lib/report/choosing.js', from: 's.group === v.group && s.a === v.a && s.b === v.b', to: 's.group === v.group && s.b === v.b', why: 'a pair shows only its own sweeps (first binding)' },
  { file: 'lib/report/choosing.js', from: 's.group === v.group && s.a === v.a && s.b === v.b', to: 's.a === v.a && s.b === v.b', why: 'a group shows only its own sweeps' },
  { file: 'lib/results.js', from: 'const choices = cases.filter((c) => !c.ladder);', to: 'const choices = cases;', why: 'the overhead ladders are no choice' },
  { file: 'lib/report/choosing.js', from: 'formatSize(s.sizes[s.sizes.length - 1], s.unit)', to: 'formatSize(s.sizes[1], s.unit)', why: 'a sweep\'s range ends at its largest size' },
  { file: 'lib/report/choosing.js', from: ".join(', then ')", to: ".join(', ')", why: 'several crossovers read in order' },
  { file: 'lib/report/choosing.js', from: 'v.exceptions.length ?', to: 'v.exceptions.length > 1 ?', why: 'a single exception is named' },
  // crossover.js: where two sweeps cross, and who is faster everywhere.
  { file: 'lib/crossover.js', from: 'Math.sign(lo.diff) === Math.sign(hi.diff)', to: 'Math.sign(lo.diff) !== Math.sign(hi.diff)', why: 'a crossing is a change of sign' },
  { file: 'lib/crossover.js', from: 'points.every(', to: 'points.some(', why: 'faster everywhere means at every size' },
  { file: 'lib/crossover.js', from: 'p.ta < p.tb : p.tb < p.ta', to: 'p.ta <= p.tb : p.tb <= p.ta', why: 'a tie at one size is not faster everywhere' },
  // stats.js: repeats, noise, the optimised-away rule.
  { file: 'lib/stats.js', from: 's.p50 < summaries[best].p50', to: 's.p50 <= summaries[best].p50', why: 'of runs with equal medians the first is kept' },
  { file: 'lib/stats.js', from: '(Math.max(...medians) - fastest.p50) / fastest.p50', to: '(Math.max(...medians) - fastest.p50) / Math.max(...medians)', why: 'the repeat spread is relative to the lowest median' },
  { file: 'lib/stats.js', from: 'Math.max(stats.spread, stats.repeatSpread ?? 0)', to: 'stats.spread', why: 'noise includes the repeat spread' },
  { file: 'lib/stats.js', from: 'ratioToEmptyLoop < OPTIMISED_AWAY_RATIO', to: 'ratioToEmptyLoop <= OPTIMISED_AWAY_RATIO', why: 'exactly 1.42x the empty loop is measured' },
  // sampling.mjs: the pilot, the batch size and the memory guard.
  { file: 'lib/sampling.mjs', from: 'total >= PILOT_NS', to: 'total > PILOT_NS', why: 'the pilot stops at exactly 5 ms' },
  { file: 'lib/sampling.mjs', from: 'if (loop > 0) {', to: 'if (true) {', why: 'the warm-up loop is not an estimate' },
  { file: 'lib/sampling.mjs', from: 'Math.max(UNROLL, Math.min(MAX_BATCH, forTime), forClock)', to: 'Math.max(Math.min(MAX_BATCH, forTime), forClock)', why: 'a batch is at least 4 calls' },
  { file: 'lib/sampling.mjs', from: 'const pilotCalls = guard?.batch ?? (', to: 'const pilotCalls = (', why: 'the pilot stays within the memory guard' },
  { file: 'lib/sampling.mjs', from: 'Math.min(MAX_SAMPLES, guard?.maxSamples ?? Infinity)', to: 'guard?.maxSamples ?? MAX_SAMPLES', why: 'at most 1,024 samples, guard or not' },
  { file: 'lib/sampling.mjs', from: 'Math.max(MIN_SAMPLES, Math.floor(maxCalls / batch))', to: 'Math.floor(maxCalls / batch)', why: 'mitata takes at least 12 samples' },
  // The matrix and the roads (issue 12 item 2, issue 13 item 2) and whether answers held (issue 12 item 4).
  { file: 'lib/report/tables.js', from: "x.before === 'inconclusive' || x.after === 'inconclusive'", to: "x.before === 'inconclusive'", why: 'an answer that became inconclusive moved within noise, it did not change' },
  { file: 'lib/report/roads.js', from: 'if (within(first.ns, second.ns, threshold))', to: 'if (false)', why: 'a lead inside the two medians\' noise names no fastest variant' },
  { file: 'lib/report/choosing.js', from: 'new Set(vs.map(answerOf)).size > 1', to: 'new Set(vs.map(answerOf)).size >= 1', why: 'the same answer on every runtime is no change' },
  { file: 'lib/compare.js', from: 'if (shared.length === 0)', to: 'if (false)', why: 'a baseline with no runtime in common is incomparable' },
];
