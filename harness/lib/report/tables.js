// The tables every report shows, as plain models (`{ header, rows }` of strings) that the
// terminal, Markdown and HTML reporters only lay out.
'use strict';

const { formatTime, formatRatio, formatPercent } = require('./format.js');
const { noise, median, OPTIMISED_AWAY_RATIO } = require('../stats.js');
const { LADDER_GROUP } = require('./breakdown.js');

/** Marks a median that is probably the empty loop with the call optimised out. */
const OPTIMISED_AWAY_MARK = '*';

/** The groups of a results document, in case order. */
function groupsOf(doc) {
  return [...new Set(doc.cases.map((c) => c.group))];
}

/** A lookup `(caseId, impl) → result row` (undefined when not measured). */
function rowLookup(doc) {
  const rows = new Map(doc.results.map((r) => [`${r.impl}\0${r.case}`, r]));
  return (caseId, impl) => rows.get(`${impl}\0${caseId}`);
}

/** The ratio columns: each binding against the baseline, then each binding against its floor. */
function ratioColumns(doc) {
  const names = doc.implementations.map((i) => i.name);
  const baseline = doc.implementations.find((i) => i.role === 'baseline');
  const bindings = doc.implementations.filter((i) => i.role === 'binding');
  const floorOf = (name) => doc.implementations.find((i) => i.floorOf === name);
  return [
    ...(baseline ? bindings.map((b) => ({ title: `${b.name}/${baseline.name}`, impl: b.name, field: 'vsBaseline' })) : []),
    ...bindings.filter((b) => floorOf(b.name)).map((b) => ({ title: `${b.name}/raw`, impl: b.name, field: 'vsFloor' })),
  ].filter((column) => names.includes(column.impl));
}

/** The environment as lines of text, one per recorded fact. */
function environmentLines(doc) {
  const { machine, runtime, rustc, crates, packages, git, date } = doc.environment;
  const list = (record) => Object.entries(record).map(([k, v]) => `${k} ${v ?? 'absent'}`).join(', ');
  return [
    `date: ${date}`,
    `CPU: ${machine.cpu.model}, ${machine.cpu.cores} logical cores${machine.cpu.speedMHz ? ` at ${machine.cpu.speedMHz} MHz` : ''}`,
    `OS: ${machine.os.type} ${machine.os.release} (${machine.os.platform}/${machine.os.arch}), ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB`,
    `runtime: ${runtime.name} ${runtime.version}, V8 ${runtime.v8 ?? 'n/a'}, flags: ${runtime.flags.join(' ') || 'none'}`
      + `${runtime.nodeOptions ? `, NODE_OPTIONS=${runtime.nodeOptions}` : ''}`,
    `Rust: ${rustc ?? 'not found'}; crates: ${list(crates)}`,
    `packages: ${list(packages)}`,
    `git: ${git.commit ?? 'unknown'}${git.dirty ? ' (with uncommitted changes)' : ''}`,
    `options: ${doc.options.quick ? 'quick, ' : ''}${doc.options.repeat} run(s), implementations ${doc.options.impls.join(', ')}`
      + `${doc.options.filter ? `, filter "${doc.options.filter}"` : ''}, at least ${doc.options.budget.minCpuTimeNs / 1e6} ms per case`,
  ];
}

/**
 * One group's summary: a line per case with each implementation's median (marked when
 * probably optimised away, "error" when it threw, "-" when not run), the ratio columns and
 * the row's largest noise (spread or repeat spread).
 */
function summaryTable(doc, group) {
  const find = rowLookup(doc);
  const impls = doc.implementations.map((i) => i.name);
  const failed = new Set(doc.errors.map((e) => `${e.impl}\0${e.case}`));
  const columns = ratioColumns(doc);
  const cell = (c, impl) => {
    const row = find(c.id, impl);
    if (row) return `${formatTime(row.stats.p50)}${row.optimisedAway ? OPTIMISED_AWAY_MARK : ''}`;
    return failed.has(`${impl}\0${c.id}`) ? 'error' : '-';
  };
  const rows = doc.cases.filter((c) => c.group === group).map((c) => {
    const noises = impls.map((impl) => find(c.id, impl)).filter(Boolean).map((r) => noise(r.stats));
    return [
      c.name,
      ...impls.map((impl) => cell(c, impl)),
      ...columns.map((col) => formatRatio(find(c.id, col.impl)?.[col.field])),
      noises.length ? formatPercent(Math.max(...noises)) : '-',
    ];
  });
  return { header: [group, ...impls, ...columns.map((col) => col.title), 'noise'], rows };
}

/** One group's details: a line per (case, implementation) with the full statistics. */
function detailTable(doc, group) {
  const find = rowLookup(doc);
  const rows = doc.cases.filter((c) => c.group === group).flatMap((c) => doc.implementations
    .map((i) => find(c.id, i.name)).filter(Boolean)
    .map((r) => [
      c.name, r.impl, formatTime(r.stats.p50), formatTime(r.stats.p75), formatTime(r.stats.p99), formatTime(r.stats.min),
      formatPercent(r.stats.spread), formatPercent(r.stats.repeatSpread), formatRatio(r.emptyLoopRatio),
      r.optimisedAway ? 'probably optimised away' : '',
    ]));
  return {
    header: ['case', 'impl', 'median', 'p75', 'p99', 'min', 'spread', 'repeat spread', 'x empty loop', 'flag'],
    rows,
  };
}

/** The empty loop of each implementation: the median over its processes. */
function emptyLoopTable(doc) {
  return {
    header: ['empty loop', ...doc.implementations.map((i) => i.name)],
    rows: [['median per call', ...doc.implementations.map(({ name }) => {
      const loops = doc.emptyLoops.filter((e) => e.impl === name);
      return loops.length ? formatTime(median(loops.map((e) => e.stats.p50))) : '-';
    })]],
  };
}

/** What each implementation lacks outside the ladders (which only a floor has), as sentences ("wasm-raw lacks utf8Length, sum."). */
function skippedLines(doc) {
  const ladderCases = new Set(doc.cases.filter((c) => c.group === LADDER_GROUP).map((c) => c.id));
  return doc.implementations.map(({ name }) => {
    const missing = [...new Set(doc.skipped.filter((s) => s.impl === name && !ladderCases.has(s.case)).flatMap((s) => s.missing))];
    return missing.length ? `${name} lacks ${missing.join(', ')}: its cases using them are shown as "-".` : null;
  }).filter(Boolean);
}

/** What a cell holds, as a sentence: the median per call, from the fastest run when there were several. */
function cellMeaning(doc) {
  const runs = doc.options.repeat;
  return `Median time per call${runs > 1 ? ` (of the fastest of ${runs} runs, each in new processes)` : ''}.`;
}

/** What the ratio and noise columns mean, as every report prints it. */
const RATIO_NOISE_LEGEND = 'a/b: ratio of medians. noise: the larger of (p75-p25)/median and the spread of repeated runs\' medians.';

/** The sentence under the Results heading of report.md and report.html. */
function resultsLegend(doc) {
  return `${cellMeaning(doc)} ${OPTIMISED_AWAY_MARK}: probably optimised away (under ${OPTIMISED_AWAY_RATIO}x `
    + `the empty loop of the same process). ${RATIO_NOISE_LEGEND}`;
}

/** The cases that threw, one sentence each. */
function errorLines(doc) {
  return doc.errors.map((e) => `${e.impl} (run ${e.repeat + 1}) ${e.case}: ${e.message}`);
}

/** The comparison with a baseline: the rows whose change exceeds their noise threshold. */
function comparisonTable(comparison) {
  const changed = comparison.rows.filter((r) => r.verdict !== 'same');
  return {
    header: ['case', 'impl', 'before', 'after', 'change', 'threshold', 'verdict'],
    rows: changed.map((r) => [
      r.case, r.impl, formatTime(r.before), formatTime(r.after),
      `${r.change > 0 ? '+' : ''}${formatPercent(r.change)}`, `±${formatPercent(r.threshold)}`, r.verdict,
    ]),
  };
}

/** One line summing up a comparison. */
function comparisonLine(comparison) {
  const { counts, baseline, unmatched, reproducibility: r } = comparison;
  const reproduced = r.compared
    ? ` Medians under ${formatTime(r.below)}: ${r.within} of ${r.compared} (${formatPercent(r.share)}) within ±${formatPercent(r.tolerance)} of the baseline.`
    : '';
  return `Against the baseline of ${baseline.createdAt} (commit ${baseline.commit?.slice(0, 12) ?? 'unknown'}): `
    + `${counts.slower} slower, ${counts.faster} faster, ${counts.same} within noise`
    + `${unmatched ? `; ${unmatched} results present in only one run` : ''}.${reproduced}`;
}

module.exports = {
  OPTIMISED_AWAY_MARK, RATIO_NOISE_LEGEND, groupsOf, cellMeaning, resultsLegend, environmentLines, summaryTable, detailTable, emptyLoopTable, skippedLines, errorLines,
  comparisonTable, comparisonLine,
};
