// The report by road: implementations grouped by how they reach native code (the wasm road,
// the Node-API road; implementations.js declares each one's `road`), and per case the fastest
// variant on each road and by how much it leads the next, judged against their noise. New
// implementations join their road's columns with no change here.
'use strict';

const { formatRatio } = require('./format.js');
const { medianLookup, noiseLookup } = require('../results.js');
const { within, differenceThreshold } = require('../stats.js');

/** The roads of a document's implementations, in column order: `[{ road, impls: [names] }]`. */
function roadsOf(doc) {
  const roads = new Map();
  for (const { name, road } of doc.implementations.filter((i) => i.road)) {
    if (!roads.has(road)) roads.set(road, []);
    roads.get(road).push(name);
  }
  return [...roads].map(([road, impls]) => ({ road, impls }));
}

/**
 * The cell of one road on one case: the fastest variant and its lead over the runner-up
 * ("napi-raw, 1.79x ahead of napi"), "within noise" when that lead is inside their noise, the
 * only variant measured alone, "-" when none was.
 */
function roadCell(caseId, impls, median, noiseOf) {
  const measured = impls.map((impl) => ({ impl, ns: median(caseId, impl) })).filter((m) => m.ns !== undefined).sort((a, b) => a.ns - b.ns);
  if (measured.length === 0) return '-';
  if (measured.length === 1) return `${measured[0].impl} (alone)`;
  const [first, second] = measured;
  const threshold = differenceThreshold(noiseOf(caseId, first.impl), noiseOf(caseId, second.impl));
  if (within(first.ns, second.ns, threshold)) return `${first.impl} ≈ ${second.impl} (within ±${Math.round(threshold * 100)}% noise)`;
  return `${first.impl}, ${formatRatio(second.ns / first.ns)} ahead of ${second.impl}`;
}

/**
 * One group's road table for one runtime's view: a row per case outside the ladders, a column
 * per road naming its fastest variant. Null when no road has two variants measured in the group.
 */
function roadTable(view, group) {
  const roads = roadsOf(view).filter(({ impls }) => impls.length > 1);
  const median = medianLookup(view.results, view.runtime);
  const noiseOf = noiseLookup(view.results, view.runtime);
  const cases = view.cases.filter((c) => c.group === group && !c.ladder);
  const measuredTwice = roads.some(({ impls }) => cases.some((c) => impls.filter((impl) => median(c.id, impl) !== undefined).length > 1));
  if (!measuredTwice) return null;
  return {
    header: [group, ...roads.map(({ road }) => `fastest on the ${road} road`)],
    rows: cases.map((c) => [c.name, ...roads.map(({ impls }) => roadCell(c.id, impls, median, noiseOf))]),
  };
}

/** What the road tables mean, under them. */
const ROADS_LEGEND = 'Each road\'s fastest variant per case, and its lead over the road\'s next fastest (ratio of medians); '
  + '"within noise" when that lead is inside the two medians\' noise (stats.differenceThreshold).';

module.exports = { roadTable, ROADS_LEGEND };
