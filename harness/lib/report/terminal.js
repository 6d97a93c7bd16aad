// The report printed at the end of a run: a table per group, the overhead breakdown (which
// stands for the ladder group's table), then the choosing-a-binding section, what was
// skipped or failed, and the comparison with a baseline when asked for.
'use strict';

const tables = require('./tables.js');
const { choosingSection } = require('./choosing.js');
const breakdown = require('./breakdown.js');
const { OPTIMISED_AWAY_RATIO } = require('../stats.js');
const { lifetimeTerminal } = require('./lifetime-terminal.js');

/** Lays a table model out in aligned columns: the first left-aligned, the others right-aligned. */
function layout({ header, rows }) {
  const lines = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...lines.map((line) => line[col].length)));
  const format = (line) => line.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)].join('\n');
}

/** The overhead breakdown: distance from the floor per case, then one table per ladder (none when nothing was measured). */
function breakdownLines(doc) {
  const floors = breakdown.floorTable(doc);
  const ladders = breakdown.ladderTables(doc);
  if (!floors && !ladders.length) return [];
  const out = ['', 'Overhead breakdown (from these measurements)'];
  if (floors) out.push('', layout(floors), ...floors.summary);
  for (const ladder of ladders) out.push('', ladder.title, layout(ladder));
  out.push('', breakdown.BREAKDOWN_LEGEND);
  return out;
}

/** The whole terminal report for a results document. */
function terminalReport(doc) {
  const { machine, runtime } = doc.environment;
  const out = [
    `${machine.cpu.model} (${machine.cpu.cores} cores), ${runtime.name} ${runtime.version}, `
      + `${doc.options.repeat} run(s)${doc.options.quick ? ', quick' : ''}. ${tables.cellMeaning(doc)}`,
    '',
    layout(tables.emptyLoopTable(doc)),
  ];
  for (const group of tables.groupsOf(doc)) {
    if (group !== breakdown.LADDER_GROUP) out.push('', layout(tables.summaryTable(doc, group)));
  }
  out.push('', `${tables.OPTIMISED_AWAY_MARK} probably optimised away (under ${OPTIMISED_AWAY_RATIO}x the empty loop). `
    + tables.RATIO_NOISE_LEGEND);
  out.push(...breakdownLines(doc));
  const choosing = choosingSection(doc);
  if (choosing.length) {
    out.push('', 'Choosing a binding (from these measurements)');
    for (const s of choosing) out.push(`  ${s.group} (${s.pair}): ${s.headline}`, ...s.sweeps.map((line) => `    ${line}`));
  }
  const skipped = tables.skippedLines(doc);
  if (skipped.length) out.push('', ...skipped);
  const errors = tables.errorLines(doc);
  if (errors.length) out.push('', 'ERRORS', ...errors);
  if (doc.comparison) {
    out.push('', tables.comparisonLine(doc.comparison));
    const changed = tables.comparisonTable(doc.comparison);
    if (changed.rows.length) out.push(layout(changed));
  }
  out.push(...lifetimeTerminal(doc));
  return out.join('\n');
}

module.exports = { terminalReport };
