// Size sweeps compared pairwise: where one implementation overtakes another. Between two
// measured sizes the difference of their times is taken as linear in the size, so the
// crossover is where that line reaches zero.
'use strict';

/**
 * Crossings of two series measured at the same ascending `sizes` (`a[i]`, `b[i]` in ns):
 * `[{ size, between: [lo, hi], fasterBelow: 'a'|'b', fasterAbove }]`. Sizes where the two
 * are exactly equal are stepped over.
 */
function crossings(sizes, a, b) {
  const points = sizes.map((size, i) => ({ size, diff: a[i] - b[i] })).filter((p) => p.diff !== 0);
  const found = [];
  for (let i = 1; i < points.length; i++) {
    const [lo, hi] = [points[i - 1], points[i]];
    if (Math.sign(lo.diff) === Math.sign(hi.diff)) continue;
    const size = lo.size + ((hi.size - lo.size) * lo.diff) / (lo.diff - hi.diff);
    const fasterBelow = lo.diff < 0 ? 'a' : 'b';
    found.push({ size, between: [lo.size, hi.size], fasterBelow, fasterAbove: fasterBelow === 'a' ? 'b' : 'a' });
  }
  return found;
}

/**
 * Compares implementations `a` and `b` on every sweep measured by both. `cases` are case
 * descriptions, `median(caseId, impl)` a measured median or undefined. Returns one record per
 * sweep: `{ group, sweep, unit, a, b, sizes, crossovers: [{ size, between, fasterBelow, fasterAbove }],
 * fasterEverywhere }` with implementation names in place of 'a'/'b'; `fasterEverywhere` is
 * the one faster at every size, or null.
 */
function compareSweeps(cases, median, a, b) {
  const sweeps = new Map();
  for (const c of cases.filter((x) => x.sweep)) {
    const key = `${c.group}/${c.sweep.name}`;
    if (!sweeps.has(key)) sweeps.set(key, { group: c.group, sweep: c.sweep.name, unit: c.sweep.unit, points: [] });
    const [ta, tb] = [median(c.id, a), median(c.id, b)];
    if (ta !== undefined && tb !== undefined) sweeps.get(key).points.push({ size: c.sweep.size, ta, tb });
  }
  const name = { a, b };
  return [...sweeps.values()].filter((s) => s.points.length > 0).map(({ points, ...sweep }) => {
    points.sort((p, q) => p.size - q.size);
    const sizes = points.map((p) => p.size);
    const found = crossings(sizes, points.map((p) => p.ta), points.map((p) => p.tb))
      .map((c) => ({ ...c, fasterBelow: name[c.fasterBelow], fasterAbove: name[c.fasterAbove] }));
    const everywhere = ['a', 'b'].find((side) => points.every((p) => (side === 'a' ? p.ta < p.tb : p.tb < p.ta)));
    return { ...sweep, a, b, sizes, crossovers: found, fasterEverywhere: everywhere ? name[everywhere] : null };
  });
}

module.exports = { crossings, compareSweeps };
