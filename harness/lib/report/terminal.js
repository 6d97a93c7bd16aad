// The report printed at the end of a run: the report document (document.js) as aligned plain
// text, without the environment list, the collapsed detail tables and the charts.
'use strict';

const { buildDocument, layOut } = require('./document.js');

/** Lays a table model out in aligned columns: the first left-aligned, the others right-aligned. */
function layout({ header, rows }) {
  const lines = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...lines.map((line) => String(line[col]).length)));
  const format = (line) => line.map((cell, col) => (col === 0 ? String(cell).padEnd(widths[col]) : String(cell).padStart(widths[col]))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)].join('\n');
}

/** How each kind of block reads in a terminal. */
const DRAW = {
  heading: ({ level, heading }) => (level === 1 ? heading : `${heading}\n${(level === 2 ? '=' : '-').repeat(heading.length)}`),
  text: ({ text }) => text,
  list: ({ items }) => items.map(({ lead, text, items: sub }) => [
    `  ${lead ?? ''}${lead && text ? ' ' : ''}${text}`, ...sub.map((line) => `      ${line}`),
  ].join('\n')).join('\n'),
  table: (block) => `${block.caption ? `${block.caption}\n` : ''}${layout(block)}`,
  chart: () => null,
};

/** The whole terminal report for a results document. */
function terminalReport(doc) {
  return layOut(buildDocument(doc), 'brief', DRAW).join('\n\n');
}

module.exports = { terminalReport };
