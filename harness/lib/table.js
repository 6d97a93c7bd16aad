// Formats result rows as a terminal table: one line per case, one column per
// implementation, median ns per call.
'use strict';

/** Formats nanoseconds with three significant digits. */
function ns(value) {
  return value === undefined ? '-' : value.toPrecision(3);
}

/** One line per case (in first-seen order), one median column per implementation. */
function formatTable(rows, impls) {
  const cases = [...new Set(rows.map((r) => r.name))];
  const median = (impl, name) => rows.find((r) => r.impl === impl && r.name === name)?.stats.p50;
  const table = [['ns per call (median)', ...impls], ...cases.map((name) => [name, ...impls.map((i) => ns(median(i, name)))])];
  const widths = table[0].map((_, col) => Math.max(...table.map((line) => line[col].length)));
  return table.map((line) => line.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ')).join('\n');
}

module.exports = { formatTable };
