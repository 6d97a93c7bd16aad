// Reads a results.json of version 2 (one runtime, case ids built from the labels) as version
// 3: every row gains the runtime it ran in, case ids are mapped to today's structured ids
// through the labels the case files still declare (cases.js labelIds), ladder rungs regain
// their ladder, and the ladders' choosing verdicts, which version 3 no longer computes, go.
// A case whose label has changed since keeps its old id: it compares with nothing.
'use strict';

const { labelIds, loadCases } = require('./cases.js');

/** Upgrades document `doc` (version 2) to version 3, without touching `doc`. */
function upgradeVersion2(doc) {
  const today = loadCases();
  const ids = labelIds(today);
  const declared = new Map(today.map((c) => [c.id, c]));
  const idOf = (old) => ids.get(old) ?? old;
  const runtime = doc.environment.runtime.name;
  const withRuntime = (rows) => rows.map((r) => ({ runtime, ...r, ...(r.case === undefined ? {} : { case: idOf(r.case) }) }));
  const cases = doc.cases.map((c) => {
    const now = declared.get(idOf(c.id));
    return { ...c, id: idOf(c.id), needs: c.needs ?? [], ladder: now?.ladder ?? null };
  });
  const rungGroups = new Set(cases.filter((c) => c.ladder).map((c) => c.group));
  const onCase = (point) => point && { ...point, case: idOf(point.case) };
  return {
    ...doc,
    version: 3,
    environment: { ...doc.environment, runtimes: { [runtime]: doc.environment.runtime } },
    implementations: doc.implementations.map((i) => ({ road: null, ...i })),
    cases,
    emptyLoops: withRuntime(doc.emptyLoops),
    results: withRuntime(doc.results),
    skipped: withRuntime(doc.skipped),
    errors: withRuntime(doc.errors),
    sweeps: withRuntime(doc.sweeps),
    choosing: withRuntime(doc.choosing.filter((v) => !rungGroups.has(v.group)))
      .map((v) => ({ ...v, lowest: onCase(v.lowest), highest: onCase(v.highest) })),
    comparison: doc.comparison && { ...doc.comparison, rows: withRuntime(doc.comparison.rows) },
  };
}

module.exports = { upgradeVersion2 };
