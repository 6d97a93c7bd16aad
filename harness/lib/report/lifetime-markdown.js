// The lifetime lab and the reproductions in report.md.
'use strict';

const { measuresTable, verdictLines, controlLines, labSummary, reproLine, evidenceLines } = require('./lifetime-tables.js');

/** The report.md lines of `doc.lifetime` and `doc.repro` (none when the document has neither). */
function lifetimeMarkdown(doc, markdownTable) {
  const out = [];
  if (doc.lifetime) {
    out.push('', '## Object lifetimes', '', labSummary(doc.lifetime));
    for (const e of doc.lifetime.experiments) {
      out.push('', `### ${e.title} (\`${e.id}\`)`, '', e.question, '', ...verdictLines(e).map((l) => `- ${l}`), '',
        ...controlLines(e).map((l) => `- ${l}`), '', markdownTable(measuresTable(e)));
    }
  }
  if (doc.repro) {
    out.push('', '## Reproductions of the seed posts', '');
    for (const r of doc.repro.claims) out.push(`- **${reproLine(r)}**`, ...evidenceLines(r).map((l) => `  - ${l}`));
  }
  return out;
}

module.exports = { lifetimeMarkdown };
