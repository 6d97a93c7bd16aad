// report.html: one self-contained page (Vega, Vega-Lite and vega-embed inlined, so it
// opens offline) with the environment, the choosing-a-binding section, the overhead
// breakdown, the charts and the tables. When every chart has drawn, `document.body.dataset.charts` becomes "ready"
// (or "error: …"), which is what the rendering test waits for.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const tables = require('./tables.js');
const { chartsOf } = require('./charts.js');
const { choosingSection } = require('./choosing.js');
const breakdown = require('./breakdown.js');
const { lifetimeHtml } = require('./lifetime-html.js');

/** The browser builds to inline, in load order (vega-embed needs the other two). */
const LIBRARIES = [['vega', 'vega.min.js'], ['vega-lite', 'vega-lite.min.js'], ['vega-embed', 'vega-embed.min.js']];

/** The source of an npm package's browser build (beside its main entry, in `build/`), safe inside <script>. */
function librarySource(pkg, file) {
  return fs.readFileSync(path.join(path.dirname(require.resolve(pkg)), file), 'utf8').replace(/<\/script/gi, '<\\/script');
}

/** Escapes text for HTML element content and attribute values. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A table model as an HTML table. */
function htmlTable({ header, rows }) {
  const cells = (tag, line) => line.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('');
  return `<table><thead><tr>${cells('th', header)}</tr></thead><tbody>${rows.map((r) => `<tr>${cells('td', r)}</tr>`).join('')}</tbody></table>`;
}

/** Embeds every chart as SVG, then flags the page ready (or failed) for whoever waits on it. */
const EMBED_SCRIPT = `
const specs = JSON.parse(document.getElementById('chart-specs').textContent);
Promise.all(specs.map((spec, i) => vegaEmbed('#chart-' + i, spec, { renderer: 'svg', actions: false })))
  .then(() => { document.body.dataset.charts = 'ready'; })
  .catch((error) => { document.body.dataset.charts = 'error: ' + error.message; });
`;

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: .5em 0 1em; font-variant-numeric: tabular-nums; }
th, td { padding: .2em .6em; border-bottom: 1px solid #ddd; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
.chart { margin: 1em 0; }
`;

/** The whole report.html for a results document. */
function htmlReport(doc) {
  const charts = chartsOf(doc);
  const body = [
    `<h1>bindlab results, ${escapeHtml(doc.createdAt)}</h1>`,
    `<ul>${tables.environmentLines(doc).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
  ];
  const choosing = choosingSection(doc);
  if (choosing.length) {
    body.push('<h2>Choosing a binding</h2><p>Generated from the medians below.</p><ul>', ...choosing.map((s) => `<li><b>${escapeHtml(s.group)}</b> `
      + `(${escapeHtml(s.pair)}): ${escapeHtml(s.headline)}${s.sweeps.length ? `<ul>${s.sweeps.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : ''}</li>`), '</ul>');
  }
  const floors = breakdown.floorTable(doc);
  const ladders = breakdown.ladderTables(doc);
  if (floors || ladders.length) {
    body.push('<h2>Overhead breakdown</h2><p>Generated from the medians below.</p>');
    if (floors) body.push(htmlTable(floors), `<ul>${floors.summary.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
    for (const ladder of ladders) body.push(`<h3>${escapeHtml(ladder.title)}</h3>`, htmlTable(ladder));
    body.push(`<p>${escapeHtml(breakdown.BREAKDOWN_LEGEND)}</p>`);
  }
  body.push('<h2>Results</h2>', `<p>${escapeHtml(tables.resultsLegend(doc))}</p>`, htmlTable(tables.emptyLoopTable(doc)));
  for (const group of tables.groupsOf(doc)) {
    body.push(`<h3>${escapeHtml(group)}</h3>`);
    charts.forEach((chart, i) => {
      if (chart.group === group) body.push(`<div class="chart" id="chart-${i}"></div>`);
    });
    body.push(htmlTable(tables.summaryTable(doc, group)), `<details><summary>details</summary>${htmlTable(tables.detailTable(doc, group))}</details>`);
  }
  const notes = [...tables.skippedLines(doc), ...tables.errorLines(doc)];
  if (notes.length) body.push('<h2>Skipped and failed</h2>', `<ul>${notes.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
  const lifetime = lifetimeHtml(doc, charts.length, { escapeHtml, htmlTable });
  body.push(...lifetime.body);
  if (doc.comparison) {
    body.push('<h2>Comparison</h2>', `<p>${escapeHtml(tables.comparisonLine(doc.comparison))}</p>`, htmlTable(tables.comparisonTable(doc.comparison)));
  }
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>bindlab results, ${escapeHtml(doc.createdAt)}</title>`,
    `<style>${STYLE}</style>`,
    ...LIBRARIES.map(([pkg, file]) => `<script>${librarySource(pkg, file)}</script>`),
    '</head><body>',
    ...body,
    `<script type="application/json" id="chart-specs">${scriptJson([...charts.map((c) => c.spec), ...lifetime.specs])}</script>`,
    `<script>${EMBED_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

module.exports = { htmlReport };
