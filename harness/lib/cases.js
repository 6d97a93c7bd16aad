// Loads the benchmark cases declared in bench-js/ and expands each size sweep into one
// case per size. A case file exports `{ group: [rows] }` (see bench-js/call-overhead.js).
// Case ids are built here and only here: `group/key` or `group/key@size`, from a row's `id`
// (its key) and never from its display `name`, so relabelling a row keeps every saved
// results.json comparable.
'use strict';

const { formatSize } = require('./report/format.js');

/** The id of a case: `group/key`, or `group/key@size` for one size of a sweep. */
function caseId(group, key, size = null) {
  return size === null ? `${group}/${key}` : `${group}/${key}@${size}`;
}

/** One row of a case file as the cases it stands for: itself, or one per size of a sweep. */
function expandRow(group, row) {
  const makeArgs = typeof row.args === 'function' ? row.args : () => row.args;
  const resultBytes = (size) => (typeof row.resultBytes === 'function' ? row.resultBytes({ size }) : row.resultBytes ?? 0);
  const key = row.id ?? row.name;
  const ladder = row.ladder ? { of: caseId(row.ladder.group, row.ladder.of), step: row.ladder.step, adds: row.ladder.adds } : null;
  const base = { group, uses: row.uses, needs: row.needs ?? [], async: row.async ?? false, ladder, call: row.call };
  if (!row.sizes) {
    return [{ ...base, id: caseId(group, key), name: row.name, sweep: null, resultBytes: resultBytes(), args: (impl) => makeArgs({ impl }) }];
  }
  return row.sizes.map((size) => {
    const sweep = { name: row.name, size, unit: row.unit };
    return {
      ...base, id: caseId(group, key, size), name: `${row.name} ${formatSize(size, row.unit)}`, sweep,
      resultBytes: resultBytes(size), args: (impl) => makeArgs({ impl, size }),
    };
  });
}

/** A ladder rung's label, from the case it rebuilds: `<case> step <n>: <what the rung adds>`. */
function nameRungs(cases) {
  const byId = new Map(cases.map((c) => [c.id, c]));
  return cases.map((c) => {
    if (!c.ladder) return c;
    const base = byId.get(c.ladder.of);
    if (!base) throw new Error(`${c.id}: its ladder rebuilds ${c.ladder.of}, which no case file declares`);
    return { ...c, name: `${base.name} step ${c.ladder.step}: ${c.ladder.adds}` };
  });
}

/** Every case of some `{ group: [rows] }` tables, in declaration order; throws on a duplicate id. */
function expandTables(tables) {
  const cases = tables.flatMap((table) => Object.entries(table).flatMap(([group, rows]) => rows.flatMap((row) => expandRow(group, row))));
  const seen = new Set();
  for (const { id } of cases) {
    if (seen.has(id)) throw new Error(`two cases are named ${id}`);
    seen.add(id);
  }
  return nameRungs(cases);
}

/** Every timing case registered in bench-js/index.js, in report order. */
function allCases() {
  return expandTables(require('@bindlab/bench-js/index.js').bench);
}

/** Every case whose id (`group/key@size`) or label (`group/name`) contains `filter` (all when no filter). */
function loadCases(filter) {
  const cases = allCases();
  return filter ? cases.filter((c) => c.id.includes(filter) || `${c.group}/${c.name}`.includes(filter)) : cases;
}

/**
 * The ids results.json version 2 gave `cases` (`group/<label with its size formatted>`) →
 * their ids now, for reading saved baselines. A case whose label has
 * changed since has no entry: its old rows stay under their old id and compare with nothing.
 */
function labelIds(cases) {
  return new Map(cases.map((c) => [`${c.group}/${c.name}`, c.id]));
}

/** What a results file records of a case: everything but its code. */
function describeCase({ id, group, name, uses, needs, async, sweep, ladder, resultBytes }) {
  return { id, group, name, uses, needs, async, sweep, ladder, resultBytes };
}

module.exports = { caseId, loadCases, expandTables, labelIds, describeCase };
