// report.html: the report document (document.js) as one self-contained page (Vega,
// Vega-Lite and vega-embed inlined, so it opens offline), its charts drawn as SVG. When
// every chart has drawn, `document.body.dataset.charts` becomes "ready" (or "error: …"),
// which is what the rendering test waits for.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { buildDocument, layOut } = require('./document.js');

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

/** How each kind of block reads in HTML; charts become numbered divs and their specs are collected in `specs`. */
function drawer(specs) {
  return {
    heading: ({ level, heading }) => `<h${level}>${escapeHtml(heading)}</h${level}>`,
    text: ({ text }) => `<p>${escapeHtml(text)}</p>`,
    list: ({ items }) => `<ul>${items.map(({ lead, text, items: sub }) => `<li>${lead ? `<b>${escapeHtml(lead)}</b>${text ? ' ' : ''}` : ''}${escapeHtml(text)}`
      + `${sub.length ? `<ul>${sub.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : ''}</li>`).join('')}</ul>`,
    table: (block) => {
      const drawn = `${block.caption ? `<h4>${escapeHtml(block.caption)}</h4>` : ''}${htmlTable(block)}`;
      return block.details ? `<details><summary>${escapeHtml(block.details)}</summary>${drawn}</details>` : drawn;
    },
    chart: ({ spec }) => {
      specs.push(spec);
      return `<div class="chart" id="chart-${specs.length - 1}"></div>`;
    },
  };
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
  const specs = [];
  const document = buildDocument(doc);
  const body = layOut(document, 'full', drawer(specs));
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${STYLE}</style>`,
    ...LIBRARIES.map(([pkg, file]) => `<script>${librarySource(pkg, file)}</script>`),
    '</head><body>',
    ...body,
    `<script type="application/json" id="chart-specs">${scriptJson(specs)}</script>`,
    `<script>${EMBED_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

module.exports = { htmlReport };
