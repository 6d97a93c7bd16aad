// The Vega-Lite chart specifications of report.html: one bar chart per group (its
// single-size cases) and one log-log line chart per size sweep, crossovers marked.
'use strict';

const { formatSize } = require('./format.js');

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const TOOLTIP = [
  { field: 'case', type: 'nominal' }, { field: 'impl', type: 'nominal' },
  ...['median', 'p75', 'p99', 'min'].map((field) => ({ field, type: 'quantitative', title: `${field} (ns)`, format: '.4~r' })),
];

/** The same colour for an implementation in every chart (Tableau 10, in registry order). */
function colour(doc) {
  const palette = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2'];
  const impls = doc.implementations.map((i) => i.name);
  return { field: 'impl', type: 'nominal', sort: impls, title: 'implementation', scale: { domain: impls, range: palette.slice(0, impls.length) } };
}

/** The data point of one result row, for either chart kind. */
function point(c, r) {
  return { case: c.name, size: c.sweep?.size ?? null, impl: r.impl, median: r.stats.p50, p75: r.stats.p75, p99: r.stats.p99, min: r.stats.min };
}

/** The measured rows of `cases`, as chart data. */
function pointsOf(doc, cases) {
  return cases.flatMap((c) => doc.results.filter((r) => r.case === c.id).map((r) => point(c, r)));
}

/** A bar chart of a group's single-size cases (null when it has none): median per implementation, log scale. */
function groupChart(doc, group) {
  const cases = doc.cases.filter((c) => c.group === group && !c.sweep);
  const values = pointsOf(doc, cases);
  if (values.length === 0) return null;
  const impls = doc.implementations.map((i) => i.name);
  return {
    $schema: SCHEMA,
    title: `${group}: median time per call`,
    width: 560,
    height: { step: 7, for: 'offset' },
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'case', type: 'nominal', sort: cases.map((c) => c.name), title: null },
      yOffset: { field: 'impl', type: 'nominal', sort: impls },
      x: { field: 'median', type: 'quantitative', scale: { type: 'log' }, stack: null, title: 'ns per call (log scale)' },
      color: colour(doc),
      tooltip: TOOLTIP,
    },
  };
}

/** A log-log line chart of one sweep (null when nothing was measured), with a dashed rule and a label (stacked down from the top) at each crossover in `doc.sweeps`. */
function sweepChart(doc, group, sweepName) {
  const cases = doc.cases.filter((c) => c.group === group && c.sweep?.name === sweepName);
  const values = pointsOf(doc, cases);
  if (values.length === 0) return null;
  const unit = cases[0].sweep.unit;
  const crossovers = doc.sweeps.filter((s) => s.group === group && s.sweep === sweepName)
    .flatMap((s) => s.crossovers.map((c) => ({ size: c.size, label: `${c.fasterAbove} overtakes ${c.fasterBelow} ≈ ${formatSize(c.size, unit)}` })))
    .map((c, i) => ({ ...c, top: 4 + 14 * i }));
  const x = { field: 'size', type: 'quantitative', scale: { type: 'log' }, title: unit === 'B' ? 'bytes (log scale)' : `${unit} (log scale)` };
  const layers = [{
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x,
      y: { field: 'median', type: 'quantitative', scale: { type: 'log' }, title: 'ns per call (log scale)' },
      color: colour(doc),
      tooltip: TOOLTIP,
    },
  }];
  if (crossovers.length) {
    layers.push(
      { data: { values: crossovers }, mark: { type: 'rule', strokeDash: [4, 4], color: 'black' }, encoding: { x } },
      { data: { values: crossovers }, mark: { type: 'text', align: 'left', baseline: 'top', dx: 4 }, encoding: { x, y: { field: 'top', type: 'quantitative', scale: null }, text: { field: 'label' } } },
    );
  }
  return { $schema: SCHEMA, title: `${sweepName}: median time per call by size`, width: 560, height: 300, layer: layers };
}

/** Every chart of a results document, as `{ group, spec }` in report order. */
function chartsOf(doc) {
  const groups = [...new Set(doc.cases.map((c) => c.group))];
  return groups.flatMap((group) => {
    const sweeps = [...new Set(doc.cases.filter((c) => c.group === group && c.sweep).map((c) => c.sweep.name))];
    return [
      { group, spec: groupChart(doc, group) },
      ...sweeps.map((name) => ({ group, spec: sweepChart(doc, group, name) })),
    ].filter((chart) => chart.spec);
  });
}

module.exports = { chartsOf };
