// "Choosing a binding", computed from the measurements: for each group (kind of call),
// which of two bindings is faster and by how much (the sweeps' crossovers are in crossover.js).
'use strict';

const { geometricMean } = require('./stats.js');

/**
 * Per group, binding `a` against binding `b` over the cases both measured:
 * `{ group, a, b, compared, wins: { [a], [b] }, winner, loser, factor, lowest, highest,
 * exceptions }`. The winner is faster by the geometric mean of the per-case time ratios (a
 * tie, exactly 1, goes to `a`); a case with equal times is nobody's win and no exception.
 * `factor` is the geometric mean of loser time / winner time (≥ 1);
 * `lowest`/`highest` are the cases where that ratio is smallest/largest (`{ case, name, ratio }`);
 * `exceptions` are the names of cases the loser wins. A group the two bindings never both
 * measured gets `compared: 0` and a null winner.
 */
function chooseBindings(cases, median, a, b) {
  const groups = [...new Set(cases.map((c) => c.group))];
  return groups.map((group) => {
    const rows = cases.filter((c) => c.group === group)
      .map((c) => ({ case: c.id, name: c.name, ta: median(c.id, a), tb: median(c.id, b) }))
      .filter((r) => r.ta !== undefined && r.tb !== undefined);
    const base = { group, a, b, compared: rows.length };
    if (rows.length === 0) return { ...base, wins: { [a]: 0, [b]: 0 }, winner: null };
    const aOverB = geometricMean(rows.map((r) => r.ta / r.tb));
    const [winner, loser] = aOverB <= 1 ? [a, b] : [b, a];
    const ratios = rows.map((r) => ({ case: r.case, name: r.name, ratio: winner === a ? r.tb / r.ta : r.ta / r.tb }))
      .sort((x, y) => x.ratio - y.ratio);
    return {
      ...base,
      wins: { [a]: rows.filter((r) => r.ta < r.tb).length, [b]: rows.filter((r) => r.tb < r.ta).length },
      winner,
      loser,
      factor: aOverB <= 1 ? 1 / aOverB : aOverB,
      lowest: ratios[0],
      highest: ratios[ratios.length - 1],
      exceptions: ratios.filter((r) => r.ratio < 1).map((r) => r.name),
    };
  });
}

module.exports = { chooseBindings };
