// Loads the benchmark cases declared in bench-js/ and expands each size sweep into one
// case per size. A case file exports `{ group: [rows] }` (see bench-js/call-overhead.js).
'use strict';

const { formatSize } = require('./report/format.js');

/** The case files, in report order. */
const CASE_FILES = ['@bindlab/bench-js/call-overhead.js', '@bindlab/bench-js/transfer.js', '@bindlab/bench-js/real-api.js'];

/** One row of a case file as the cases it stands for: itself, or one per size of a sweep. */
function expandRow(group, row) {
  const makeArgs = typeof row.args === 'function' ? row.args : () => row.args;
  const resultBytes = (size) => (typeof row.resultBytes === 'function' ? row.resultBytes({ size }) : row.resultBytes ?? 0);
  const base = { group, uses: row.uses, call: row.call };
  if (!row.sizes) {
    return [{ ...base, id: `${group}/${row.name}`, name: row.name, sweep: null, resultBytes: resultBytes(), args: (impl) => makeArgs({ impl }) }];
  }
  return row.sizes.map((size) => {
    const name = `${row.name} ${formatSize(size, row.unit)}`;
    const sweep = { name: row.name, size, unit: row.unit };
    return { ...base, id: `${group}/${name}`, name, sweep, resultBytes: resultBytes(size), args: (impl) => makeArgs({ impl, size }) };
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
  return cases;
}

/** Every case whose id (`group/name`) contains `filter` (all when no filter). */
function loadCases(filter) {
  const cases = expandTables(CASE_FILES.map((file) => require(file)));
  return filter ? cases.filter((c) => c.id.includes(filter)) : cases;
}

/** What a results file records of a case: everything but its code. */
function describeCase({ id, group, name, uses, sweep, resultBytes }) {
  return { id, group, name, uses, sweep, resultBytes };
}

module.exports = { loadCases, expandTables, describeCase };
