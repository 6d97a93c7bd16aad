// "Choosing a binding", computed from the measurements: for each group (kind of call),
// which of two bindings is faster and by how much, and whether that is beyond the noise (the
// sweeps' crossovers are in crossover.js).
'use strict';

const { geometricMean, within, differenceThreshold } = require('./stats.js');

/**
 * Per group, binding `a` against binding `b` over the cases both measured:
 * `{ group, a, b, compared, wins: { [a], [b] }, withinNoise, winner, loser, factor, noise,
 * conclusive, lowest, highest, exceptions }`. The winner is faster by the geometric mean of
 * the per-case time ratios (a tie, exactly 1, goes to `a`). A case counts as a win only when
 * its two medians differ by more than their noises allow (stats.differenceThreshold of
 * `noiseOf(case, impl)`); the others are listed in `withinNoise`. `noise` is the group's
 * typical threshold (the geometric mean of 1 + each case's, minus 1), and the verdict is
 * `conclusive` only when `factor` exceeds 1 + `noise`. `factor` is the geometric mean of
 * loser time / winner time (≥ 1); `lowest`/`highest` are the cases where that ratio is
 * smallest/largest (`{ case, name, ratio }`); `exceptions` are the names of cases the loser
 * wins beyond the noise. A group the two bindings never both measured gets `compared: 0` and
 * a null winner.
 */
function chooseBindings(cases, median, a, b, noiseOf = () => 0) {
  const groups = [...new Set(cases.map((c) => c.group))];
  return groups.map((group) => {
    const rows = cases.filter((c) => c.group === group)
      .map((c) => ({ case: c.id, name: c.name, ta: median(c.id, a), tb: median(c.id, b) }))
      .filter((r) => r.ta !== undefined && r.tb !== undefined)
      .map((r) => {
        const threshold = differenceThreshold(noiseOf(r.case, a), noiseOf(r.case, b));
        return { ...r, threshold, decided: !within(Math.min(r.ta, r.tb), Math.max(r.ta, r.tb), threshold) };
      });
    const base = { group, a, b, compared: rows.length };
    if (rows.length === 0) return { ...base, wins: { [a]: 0, [b]: 0 }, withinNoise: [], winner: null };
    const aOverB = geometricMean(rows.map((r) => r.ta / r.tb));
    const [winner, loser] = aOverB <= 1 ? [a, b] : [b, a];
    const ratios = rows.map((r) => ({ case: r.case, name: r.name, ratio: winner === a ? r.tb / r.ta : r.ta / r.tb }))
      .sort((x, y) => x.ratio - y.ratio);
    const decided = new Set(rows.filter((r) => r.decided).map((r) => r.case));
    const factor = aOverB <= 1 ? 1 / aOverB : aOverB;
    const noise = geometricMean(rows.map((r) => 1 + r.threshold)) - 1;
    return {
      ...base,
      wins: { [a]: rows.filter((r) => r.decided && r.ta < r.tb).length, [b]: rows.filter((r) => r.decided && r.tb < r.ta).length },
      withinNoise: rows.filter((r) => !r.decided).map((r) => r.name),
      winner,
      loser,
      factor,
      noise,
      conclusive: factor > 1 + noise,
      lowest: ratios[0],
      highest: ratios[ratios.length - 1],
      exceptions: ratios.filter((r) => r.ratio < 1 && decided.has(r.case)).map((r) => r.name),
    };
  });
}

/** What a verdict answers: its winner, "inconclusive" when the difference is inside the noise, or null when nothing was compared. */
function answerOf(v) {
  if (!v.winner) return null;
  return v.conclusive === false ? 'inconclusive' : v.winner;
}

module.exports = { chooseBindings, answerOf };
