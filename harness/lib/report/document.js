// The report document, built once from a results document and laid out by the Markdown,
// terminal and HTML renderers (markdown.js, terminal.js, html.js), which only know how to
// draw each kind of block. A document is `{ title, sections: [{ level, heading, blocks }] }`,
// a block one of
//   { kind: 'text', text }
//   { kind: 'list', items: [{ lead, text, items: [strings] }] }     lead: the item's bold start
//   { kind: 'table', caption, header, rows, details }                details: a label when the
//                                                                     table is collapsed (and
//                                                                     left out of the terminal)
//   { kind: 'chart', spec }                                          a Vega-Lite spec (HTML only)
// and any block may say `only: 'full'` (Markdown and HTML) or `only: 'brief'` (the terminal).
// The outline — which sections, in which order, from which models — is written here and
// nowhere else.
'use strict';

const tables = require('./tables.js');
const breakdown = require('./breakdown.js');
const { choosingSection, runtimeChanges } = require('./choosing.js');
const { roadTable, ROADS_LEGEND } = require('./roads.js');
const { chartsOf } = require('./charts.js');
const { runtimeViews } = require('./matrix.js');
const lifetime = require('./lifetime-tables.js');
const { experimentCharts } = require('./lifetime-charts.js');

// The block and section constructors of the model described above.
const text = (value, only) => ({ kind: 'text', text: value, ...(only ? { only } : {}) });
const item = (value) => (typeof value === 'string' ? { lead: null, text: value, items: [] } : { lead: null, text: '', items: [], ...value });
const list = (items, only) => ({ kind: 'list', items: items.map(item), ...(only ? { only } : {}) });
const table = (model, { caption = null, details = null } = {}) => ({ kind: 'table', caption, header: model.header, rows: model.rows, details });
const section = (level, heading, blocks) => ({ level, heading, blocks });

/** The document's title. */
function titleOf(doc) {
  return `bindlab results, ${doc.createdAt}`;
}

/** The head: the environment in full, or on one line for the terminal. */
function headSection(doc) {
  return section(1, titleOf(doc), [list(tables.environmentLines(doc), 'full'), text(tables.environmentSummary(doc), 'brief')]);
}

/** "Choosing a binding" per runtime, and where its answer changes between runtimes. */
function choosingSections(doc) {
  const items = runtimeViews(doc).flatMap(({ view, suffix }) => choosingSection(view)
    .map((s) => ({ lead: `${s.group}${suffix}`, text: `(${s.pair}): ${s.headline}`, items: s.sweeps })));
  if (!items.length) return [];
  const changes = runtimeChanges(doc);
  return [
    section(2, 'Choosing a binding', [text('Generated from the medians below.', 'full'), list(items)]),
    ...(changes.length ? [section(3, 'Where the answer changes between runtimes', [list(changes)])] : []),
  ];
}

/** Per runtime and group, the fastest variant on each road. */
function roadSections(doc) {
  const blocks = runtimeViews(doc).flatMap(({ view, suffix }) => tables.groupsOf(view)
    .map((group) => [group, roadTable(view, group)]).filter(([, model]) => model)
    .map(([group, model]) => table(model, { caption: suffix ? `${group}${suffix}` : null })));
  return blocks.length ? [section(2, 'By road', [...blocks, text(ROADS_LEGEND)])] : [];
}

/** The overhead breakdown per runtime: distance from the floor, then one table per ladder. */
function breakdownSections(doc) {
  const blocks = runtimeViews(doc).flatMap(({ view, suffix }) => {
    const floors = breakdown.floorTable(view);
    return [
      ...(floors ? [table(floors, { caption: suffix ? `distance from the floor${suffix}` : null }), list(floors.summary)] : []),
      ...breakdown.ladderTables(view).map((ladder) => table(ladder, { caption: `${ladder.title}${suffix}` })),
      ...breakdown.versionTables(view).map((versions) => table(versions, { caption: `${versions.title}${suffix}` })),
    ];
  });
  if (!blocks.length) return [];
  return [section(2, 'Overhead breakdown', [text('Generated from the medians below.', 'full'), ...blocks, text(breakdown.BREAKDOWN_LEGEND)])];
}

/**
 * One group's summary: the matrix, or with several runtimes the matrix in full (Markdown,
 * HTML) and a table per runtime in the terminal, whose lines would not fit a screen.
 */
function summaryBlocks(doc, group) {
  const views = runtimeViews(doc);
  const onlyRungs = doc.cases.every((c) => c.group !== group || c.ladder);
  // A group of ladder rungs only is shown in the terminal by the breakdown, which reads it.
  const matrix = { ...table(tables.summaryTable(doc, group)), ...(onlyRungs || views.length > 1 ? { only: 'full' } : {}) };
  if (views.length === 1 || onlyRungs) return [matrix];
  return [matrix, ...views.map(({ view, suffix }) => ({ ...table(tables.summaryTable(view, group), { caption: `${group}${suffix}` }), only: 'brief' }))];
}

/** The measurements: the empty loops, then per group its charts, the matrix and the details (none for a lab or repro document). */
function resultSections(doc) {
  if (!doc.cases.length) return [];
  const charts = runtimeViews(doc).flatMap(({ view, suffix }) => chartsOf(view)
    .map((chart) => ({ group: chart.group, spec: { ...chart.spec, title: `${chart.spec.title}${suffix}` } })));
  return [
    section(2, 'Results', [text(tables.resultsLegend(doc)), table(tables.emptyLoopTable(doc))]),
    ...tables.groupsOf(doc).map((group) => section(3, group, [
      ...charts.filter((chart) => chart.group === group).map(({ spec }) => ({ kind: 'chart', spec })),
      ...summaryBlocks(doc, group),
      ...[tables.ratioTable(doc, group)].filter(Boolean).map((ratios) => table(ratios, { details: 'ratios' })),
      table(tables.detailTable(doc, group), { details: 'details' }),
    ])),
  ];
}

/** What was skipped or failed, one sentence each. */
function noteSections(doc) {
  const notes = [...tables.skippedLines(doc), ...tables.errorLines(doc)];
  return notes.length ? [section(2, 'Skipped and failed', [list(notes)])] : [];
}

/** The comparison with a baseline, when one was asked for. */
function comparisonSections(doc) {
  if (!doc.comparison) return [];
  const changed = tables.comparisonTable(doc.comparison, doc.cases);
  const answers = tables.answerLines(doc.comparison);
  return [section(2, 'Comparison', [
    text(tables.comparisonLine(doc.comparison)), ...(answers.length ? [list(answers)] : []), ...(changed.rows.length ? [table(changed)] : []),
  ])];
}

/** The lifetime lab: its summary, then per experiment its question, verdicts, controls, charts and measures. */
function lifetimeSections(doc) {
  if (!doc.lifetime) return [];
  const several = new Set(doc.lifetime.experiments.map((e) => e.runtime)).size > 1;
  return [
    section(2, 'Object lifetimes', [text(lifetime.labSummary(doc.lifetime))]),
    ...doc.lifetime.experiments.map((e) => section(3, `${e.title} (${e.id})${several ? ` on ${e.runtime}` : ''}`, [
      text(e.question), list(lifetime.verdictLines(e)), list(lifetime.controlLines(e)),
      ...experimentCharts(e).map(({ spec }) => ({ kind: 'chart', spec })),
      table(lifetime.measuresTable(e), { details: 'measures' }),
    ])),
  ];
}

/** The reproductions of the seed posts: outcome and evidence each. */
function reproSections(doc) {
  if (!doc.repro) return [];
  return [section(2, 'Reproductions of the seed posts', [list(doc.repro.claims.map((r) => ({ lead: lifetime.reproLine(r), items: lifetime.evidenceLines(r) })))])];
}

/** The whole report document of a results document. */
function buildDocument(doc) {
  return {
    title: titleOf(doc),
    sections: [
      headSection(doc), ...choosingSections(doc), ...roadSections(doc), ...breakdownSections(doc), ...resultSections(doc),
      ...noteSections(doc), ...comparisonSections(doc), ...lifetimeSections(doc), ...reproSections(doc),
    ],
  };
}

/**
 * Lays a document out for `medium` ('full' or 'brief'): `draw.heading(section)` for each
 * section, then `draw[block.kind](block)` for each of its blocks the medium shows; returns
 * the drawn pieces in order (empty sections — nothing to show in this medium — are dropped).
 */
function layOut(document, medium, draw) {
  const shown = (block) => (!block.only || block.only === medium) && !(medium === 'brief' && (block.details || block.kind === 'chart'));
  return document.sections.flatMap((s) => {
    const blocks = s.blocks.filter(shown);
    return blocks.length ? [draw.heading(s), ...blocks.map((block) => draw[block.kind](block))] : [];
  }).filter((piece) => piece !== null);
}

module.exports = { buildDocument, layOut };
