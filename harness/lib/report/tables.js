// The tables every report shows, as plain models (`{ header, rows }` of strings) that the
// document model (document.js) places and the renderers only lay out. A table of
// measurements has a column per runtime × implementation (matrix.js); each measure is
// declared once with its unit.
'use strict';

const { formatTime, formatRatio, formatPercent, formatValue } = require('./format.js');
const { noise, median, OPTIMISED_AWAY_RATIO } = require('../stats.js');
const { cellKey } = require('../results.js');
const { runtimesOf, matrixColumns } = require('./matrix.js');

/** Marks a median that is probably the empty loop with the call optimised out. */
const OPTIMISED_AWAY_MARK = '*';

/** The measures of the detail table, each with the unit it is declared in. */
const DETAIL_MEASURES = [
  { title: 'median', unit: 'ns', of: (r) => r.stats.p50 },
  { title: 'p75', unit: 'ns', of: (r) => r.stats.p75 },
  { title: 'p99', unit: 'ns', of: (r) => r.stats.p99 },
  { title: 'min', unit: 'ns', of: (r) => r.stats.min },
  { title: 'spread', unit: 'fraction', of: (r) => r.stats.spread },
  { title: 'repeat spread', unit: 'fraction', of: (r) => r.stats.repeatSpread },
  { title: 'x empty loop', unit: 'ratio', of: (r) => r.emptyLoopRatio },
];

/** The groups of a results document, in case order. */
function groupsOf(doc) {
  return [...new Set(doc.cases.map((c) => c.group))];
}

/** A lookup `(runtime, caseId, impl) → result row` (undefined when not measured). */
function rowLookup(doc) {
  const rows = new Map(doc.results.map((r) => [cellKey(r.runtime, r.impl, r.case), r]));
  return (runtime, caseId, impl) => rows.get(cellKey(runtime, impl, caseId));
}

/**
 * The ratio columns of one runtime, `{ title, runtime, impl, over }` (impl's median over
 * over's): each binding against the baseline, each binding against its floor, then each
 * binding against each peer (a library bindlab is measured beside, role 'peer').
 */
function ratioColumns(doc, runtime, prefix) {
  const baseline = doc.implementations.find((i) => i.role === 'baseline');
  const bindings = doc.implementations.filter((i) => i.role === 'binding');
  const peers = doc.implementations.filter((i) => i.role === 'peer');
  const floorOf = (name) => doc.implementations.find((i) => i.floorOf === name);
  const column = (b, over, title) => ({ title: `${prefix}${b.name}/${title}`, runtime, impl: b.name, over });
  return [
    ...(baseline ? bindings.map((b) => column(b, baseline.name, baseline.name)) : []),
    ...bindings.filter((b) => floorOf(b.name)).map((b) => column(b, floorOf(b.name).name, 'raw')),
    ...peers.flatMap((peer) => bindings.map((b) => column(b, peer.name, peer.name))),
  ];
}

/** The ratio columns of every runtime, titled with their runtime when there are several. */
function matrixRatioColumns(doc) {
  const runtimes = runtimesOf(doc);
  return runtimes.flatMap((runtime) => ratioColumns(doc, runtime, runtimes.length > 1 ? `${runtime} ` : ''));
}

/** One runtime's description as a line: version, engine (V8 for records that name none), flags. */
function runtimeLine(name, runtime) {
  const engine = runtime.engine ? `${runtime.engine} ${runtime.engineVersion ?? runtime.v8 ?? 'n/a'}` : `V8 ${runtime.v8 ?? 'n/a'}`;
  const label = name === runtime.name ? name : `${name} (${runtime.name})`;
  return `runtime: ${label} ${runtime.version}, ${engine}, flags: ${(runtime.flags ?? []).join(' ') || 'none'}`
    + `${runtime.nodeOptions ? `, NODE_OPTIONS=${runtime.nodeOptions}` : ''}`;
}

/** Each measured implementation's road and library version, as one line (null when none is recorded). */
function implementationsLine(doc) {
  const recorded = doc.environment.implementations ?? {};
  const described = doc.implementations.map(({ name }) => [name, recorded[name]]).filter(([, i]) => i?.library);
  if (!described.length) return null;
  return `implementations: ${described.map(([name, i]) => `${name} ${i.library} ${i.version ?? '(version unknown)'}${i.road ? ` (${i.road} road)` : ''}`).join(', ')}`;
}

/** The environment as lines of text, one per recorded fact (a line per runtime). */
function environmentLines(doc) {
  const { machine, rustc, crates, packages, git, date } = doc.environment;
  const runtimes = doc.environment.runtimes ?? { [doc.environment.runtime.name]: doc.environment.runtime };
  const list = (record) => Object.entries(record).map(([k, v]) => `${k} ${v ?? 'absent'}`).join(', ');
  return [
    `date: ${date}`,
    `CPU: ${machine.cpu.model}, ${machine.cpu.cores} logical cores${machine.cpu.speedMHz ? ` at ${machine.cpu.speedMHz} MHz` : ''}`,
    `OS: ${machine.os.type} ${machine.os.release} (${machine.os.platform}/${machine.os.arch}), ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB`,
    ...Object.entries(runtimes).map(([name, runtime]) => runtimeLine(name, runtime)),
    `Rust: ${rustc ?? 'not found'}; crates: ${list(crates)}`,
    `packages: ${list(packages)}`,
    implementationsLine(doc),
    `git: ${git.commit ?? 'unknown'}${git.dirty ? ' (with uncommitted changes)' : ''}`,
    `options: ${doc.options.quick ? 'quick, ' : ''}${doc.options.repeat} run(s), implementations ${doc.options.impls.join(', ')}`
      + `${doc.options.filter ? `, filter "${doc.options.filter}"` : ''}, at least ${doc.options.budget.minCpuTimeNs / 1e6} ms per case`
      + `${slowCasesNote(doc.options.slowCases)}`,
  ].filter((line) => line !== null);
}

/** How a run treated slow cases (options.slowCases), for the options line; empty when it did not. */
function slowCasesNote(slowCases) {
  return slowCases ? `, cases of ${formatTime(slowCases.callNs)} a call or more in the first ${slowCases.repeat} runs only` : '';
}

/** The one-line summary of the environment at the head of the terminal report. */
function environmentSummary(doc) {
  const { machine } = doc.environment;
  const runtimes = Object.entries(doc.environment.runtimes ?? { [doc.environment.runtime.name]: doc.environment.runtime });
  return `${machine.cpu.model} (${machine.cpu.cores} cores), ${runtimes.map(([name, r]) => `${name === r.name ? name : `${name} (${r.name})`} ${r.version}`).join(', ')}, `
    + `${doc.options.repeat} run(s)${doc.options.quick ? ', quick' : ''}. ${cellMeaning(doc)}`;
}

/** The ratio of two result rows' medians; null when either was not measured. */
function ratioOf(row, over) {
  return row && over ? row.stats.p50 / over.stats.p50 : null;
}

/** A group's cell of one runtime × implementation column: the median (marked when probably optimised away), "error" when it threw, "-" when not run. */
function medianCell(doc) {
  const find = rowLookup(doc);
  const failed = new Set(doc.errors.map((e) => cellKey(e.runtime, e.impl, e.case)));
  return (c, { runtime, impl }) => {
    const row = find(runtime, c.id, impl);
    if (row) return `${formatTime(row.stats.p50)}${row.optimisedAway ? OPTIMISED_AWAY_MARK : ''}`;
    return failed.has(cellKey(runtime, impl, c.id)) ? 'error' : '-';
  };
}

/** A group's ratio cells for `ratios` (ratioColumns) on case `c`. */
function ratioCells(doc, c, ratios) {
  const find = rowLookup(doc);
  return ratios.map((col) => formatRatio(ratioOf(find(col.runtime, c.id, col.impl), find(col.runtime, c.id, col.over))));
}

/**
 * One group's summary: a line per case with each runtime × implementation's median, the
 * ratio columns (with one runtime; with several they are ratioTable's) and the row's largest
 * noise (spread or repeat spread).
 */
function summaryTable(doc, group) {
  const find = rowLookup(doc);
  const columns = matrixColumns(doc);
  const cell = medianCell(doc);
  const ratios = runtimesOf(doc).length > 1 ? [] : matrixRatioColumns(doc);
  const rows = doc.cases.filter((c) => c.group === group).map((c) => {
    const noises = columns.map(({ runtime, impl }) => find(runtime, c.id, impl)).filter(Boolean).map((r) => noise(r.stats));
    return [c.name, ...columns.map((column) => cell(c, column)), ...ratioCells(doc, c, ratios), noises.length ? formatPercent(Math.max(...noises)) : '-'];
  });
  return { header: [group, ...columns.map((col) => col.title), ...ratios.map((col) => col.title), 'noise'], rows };
}

/** With several runtimes, one group's ratio columns of every runtime as a table of their own (null with one runtime: the summary has them). */
function ratioTable(doc, group) {
  if (runtimesOf(doc).length < 2) return null;
  const ratios = matrixRatioColumns(doc);
  return {
    header: [group, ...ratios.map((col) => col.title)],
    rows: doc.cases.filter((c) => c.group === group).map((c) => [c.name, ...ratioCells(doc, c, ratios)]),
  };
}

/** One group's details: a line per (case, runtime × implementation) with the full statistics. */
function detailTable(doc, group) {
  const find = rowLookup(doc);
  const columns = matrixColumns(doc);
  const rows = doc.cases.filter((c) => c.group === group).flatMap((c) => columns
    .map((column) => [column, find(column.runtime, c.id, column.impl)]).filter(([, r]) => r)
    .map(([column, r]) => [
      c.name, column.title, ...DETAIL_MEASURES.map((m) => formatValue(m.of(r), m.unit)), r.optimisedAway ? 'probably optimised away' : '',
    ]));
  return { header: ['case', 'impl', ...DETAIL_MEASURES.map((m) => m.title), 'flag'], rows };
}

/**
 * The empty loop of each implementation (a column each) in each runtime (a row each, named
 * "median per call" when there is one): the median over its processes.
 */
function emptyLoopTable(doc) {
  const runtimes = runtimesOf(doc);
  return {
    header: ['empty loop', ...doc.implementations.map((i) => i.name)],
    rows: runtimes.map((runtime) => [runtimes.length > 1 ? runtime : 'median per call', ...doc.implementations.map(({ name }) => {
      const loops = doc.emptyLoops.filter((e) => e.impl === name && (e.runtime === undefined || e.runtime === runtime));
      return loops.length ? formatTime(median(loops.map((e) => e.stats.p50))) : '-';
    })]),
  };
}

/**
 * What each implementation lacks outside the ladders (which only a floor has), as sentences
 * ("wasm-raw lacks utf8Length, sum."), and why a runtime skipped what it could not run.
 */
function skippedLines(doc) {
  const rungs = new Set(doc.cases.filter((c) => c.ladder).map((c) => c.id));
  const runtimes = runtimesOf(doc);
  const where = (runtime) => (runtimes.length > 1 ? ` on ${runtime}` : '');
  return runtimes.flatMap((runtime) => doc.implementations.flatMap(({ name }) => {
    const mine = doc.skipped.filter((s) => s.impl === name && (s.runtime === undefined || s.runtime === runtime) && !rungs.has(s.case));
    const missing = [...new Set(mine.flatMap((s) => s.missing))];
    const reasons = [...new Set(mine.map((s) => s.reason).filter(Boolean))];
    return [
      missing.length ? `${name}${where(runtime)} lacks ${missing.join(', ')}: its cases using them are shown as "-".` : null,
      ...reasons.map((reason) => `${name}${where(runtime)} skipped ${mine.filter((s) => s.reason === reason).length} cases: ${reason}.`),
    ].filter(Boolean);
  }));
}

/** What a cell holds, as a sentence: the median per call, from the fastest run when there were several. */
function cellMeaning(doc) {
  const runs = doc.options.repeat;
  return `Median time per call${runs > 1 ? ` (of the fastest of ${runs} runs, each in new processes)` : ''}.`;
}

/** What the ratio and noise columns mean, as every report prints it. */
const RATIO_NOISE_LEGEND = 'a/b: ratio of medians. noise: the larger of (p75-p25)/median and the spread of repeated runs\' medians.';

/** The sentence under the Results heading. */
function resultsLegend(doc) {
  return `${cellMeaning(doc)} ${OPTIMISED_AWAY_MARK}: probably optimised away (under ${OPTIMISED_AWAY_RATIO}x `
    + `the empty loop of the same process). ${RATIO_NOISE_LEGEND}`;
}

/** A lookup case id → `group/name`, the case as the reports label it (the id itself when the document lacks the case). */
function caseLabels(cases) {
  const labels = new Map(cases.map((c) => [c.id, `${c.group}/${c.name}`]));
  return (id) => labels.get(id) ?? id;
}

/** The cases that threw, one sentence each. */
function errorLines(doc) {
  const several = runtimesOf(doc).length > 1;
  const label = caseLabels(doc.cases);
  return doc.errors.map((e) => `${e.impl}${several ? ` on ${e.runtime}` : ''} (run ${e.repeat + 1}) ${label(e.case)}: ${e.message}`);
}

/**
 * The comparison with a baseline: the rows whose change exceeds their noise threshold, each
 * case labelled as `cases` name it, with its runtime when the comparison spans several.
 */
function comparisonTable(comparison, cases = []) {
  const changed = comparison.rows.filter((r) => r.verdict !== 'same');
  const several = new Set(comparison.rows.map((r) => r.runtime)).size > 1;
  const label = caseLabels(cases);
  return {
    header: ['case', 'impl', 'before', 'after', 'change', 'threshold', 'verdict'],
    rows: changed.map((r) => [
      label(r.case), several ? `${r.runtime} ${r.impl}` : r.impl, formatTime(r.before), formatTime(r.after),
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

/**
 * Whether the choosing answers held against the baseline: one line counting the same
 * answers, then one per answer that moved — "within noise" when either side is inconclusive,
 * "CHANGED" when the two name different winners. None when nothing was answered on both.
 */
function answerLines(comparison) {
  const answers = comparison.answers ?? [];
  if (!answers.length) return [];
  const moved = answers.filter((x) => x.before !== x.after);
  const several = new Set(answers.map((x) => x.runtime)).size > 1;
  return [
    `Choosing a binding: the same answer as the baseline in ${answers.length - moved.length} of ${answers.length} groups.`,
    ...moved.map((x) => `${x.before === 'inconclusive' || x.after === 'inconclusive' ? 'within noise' : 'CHANGED'}: `
      + `${x.group}${several ? ` on ${x.runtime}` : ''} (${x.a} vs ${x.b}): ${x.before} in the baseline, ${x.after} now.`),
  ];
}

module.exports = {
  OPTIMISED_AWAY_MARK, RATIO_NOISE_LEGEND, DETAIL_MEASURES, groupsOf, cellMeaning, resultsLegend, environmentLines, environmentSummary,
  summaryTable, ratioTable, detailTable, emptyLoopTable, skippedLines, errorLines, comparisonTable, comparisonLine, answerLines,
};
