// report.md: the report document (document.js) in GitHub Markdown; charts are left to
// report.html, collapsed tables go in <details>.
'use strict';

const { buildDocument, layOut } = require('./document.js');

/** A table model as a GitHub Markdown table (the first column left-aligned, the others right). */
function markdownTable({ header, rows }) {
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** How each kind of block reads in Markdown. */
const DRAW = {
  heading: ({ level, heading }) => `${'#'.repeat(level)} ${heading}`,
  text: ({ text }) => text,
  list: ({ items }) => items.map(({ lead, text, items: sub }) => [
    `- ${lead ? `**${lead}**${text ? ' ' : ''}` : ''}${text}`, ...sub.map((line) => `  - ${line}`),
  ].join('\n')).join('\n'),
  table: (block) => {
    const drawn = `${block.caption ? `**${block.caption}**\n\n` : ''}${markdownTable(block)}`;
    return block.details ? `<details><summary>${block.details}</summary>\n\n${drawn}\n\n</details>` : drawn;
  },
  chart: () => null,
};

/** The whole report.md for a results document. */
function markdownReport(doc) {
  return `${layOut(buildDocument(doc), 'full', DRAW).join('\n\n')}\n`;
}

module.exports = { markdownReport };
