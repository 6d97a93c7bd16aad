// report.md: the environment, the choosing-a-binding section, the overhead breakdown, and
// per group a summary and a detailed table (median, p75, p99, min, spread) — everything the
// terminal shows, and more.
'use strict';

const tables = require('./tables.js');
const { choosingSection } = require('./choosing.js');
const breakdown = require('./breakdown.js');
const { lifetimeMarkdown } = require('./lifetime-markdown.js');

/** A table model as a GitHub Markdown table (the first column left-aligned, the others right). */
function markdownTable({ header, rows }) {
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The whole report.md for a results document. */
function markdownReport(doc) {
  const out = [`# bindlab results, ${doc.createdAt}`, '', ...tables.environmentLines(doc).map((l) => `- ${l}`)];
  const choosing = choosingSection(doc);
  if (choosing.length) {
    out.push('', '## Choosing a binding', '', 'Generated from the medians below.', '');
    for (const s of choosing) out.push(`- **${s.group}** (${s.pair}): ${s.headline}`, ...s.sweeps.map((line) => `  - ${line}`));
  }
  const floors = breakdown.floorTable(doc);
  const ladders = breakdown.ladderTables(doc);
  if (floors || ladders.length) {
    out.push('', '## Overhead breakdown', '', 'Generated from the medians below.');
    if (floors) out.push('', markdownTable(floors), '', ...floors.summary.map((l) => `- ${l}`));
    for (const ladder of ladders) out.push('', `**${ladder.title}**`, '', markdownTable(ladder));
    out.push('', breakdown.BREAKDOWN_LEGEND);
  }
  out.push('', '## Results', '', tables.resultsLegend(doc), '', markdownTable(tables.emptyLoopTable(doc)));
  for (const group of tables.groupsOf(doc)) {
    out.push('', `### ${group}`, '', markdownTable(tables.summaryTable(doc, group)), '',
      '<details><summary>details</summary>', '', markdownTable(tables.detailTable(doc, group)), '', '</details>');
  }
  const skipped = tables.skippedLines(doc);
  if (skipped.length) out.push('', '## Skipped', '', ...skipped.map((l) => `- ${l}`));
  const errors = tables.errorLines(doc);
  if (errors.length) out.push('', '## Errors', '', ...errors.map((l) => `- ${l}`));
  if (doc.comparison) {
    out.push('', '## Comparison', '', tables.comparisonLine(doc.comparison));
    const changed = tables.comparisonTable(doc.comparison);
    if (changed.rows.length) out.push('', markdownTable(changed));
  }
  out.push(...lifetimeMarkdown(doc, markdownTable));
  return `${out.join('\n')}\n`;
}

module.exports = { markdownReport };
