// The lifetime lab and the reproductions in report.html: verdicts, a measures table and
// time-series charts per experiment; outcomes and evidence per reproduction.
'use strict';

const { measuresTable, verdictLines, controlLines, labSummary, reproLine, evidenceLines } = require('./lifetime-tables.js');
const { experimentCharts } = require('./lifetime-charts.js');

/**
 * The report.html parts of `doc.lifetime` and `doc.repro`: `{ body, specs }`, the charts
 * numbered from `firstChart` (their divs are `chart-<n>`, as html.js embeds them).
 */
function lifetimeHtml(doc, firstChart, { escapeHtml, htmlTable }) {
  const body = [];
  const specs = [];
  const list = (lines) => `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
  if (doc.lifetime) {
    body.push('<h2>Object lifetimes</h2>', `<p>${escapeHtml(labSummary(doc.lifetime))}</p>`);
    for (const e of doc.lifetime.experiments) {
      body.push(`<h3>${escapeHtml(e.title)} (${escapeHtml(e.id)})</h3>`, `<p>${escapeHtml(e.question)}</p>`, list(verdictLines(e)), list(controlLines(e)));
      for (const chart of experimentCharts(e)) {
        body.push(`<div class="chart" id="chart-${firstChart + specs.length}"></div>`);
        specs.push(chart.spec);
      }
      body.push(`<details><summary>measures</summary>${htmlTable(measuresTable(e))}</details>`);
    }
  }
  if (doc.repro) {
    body.push('<h2>Reproductions of the seed posts</h2>', '<ul>');
    for (const r of doc.repro.claims) body.push(`<li><b>${escapeHtml(reproLine(r))}</b>${list(evidenceLines(r))}</li>`);
    body.push('</ul>');
  }
  return { body, specs };
}

module.exports = { lifetimeHtml };
