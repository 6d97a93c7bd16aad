// The lifetime lab and the reproductions in the terminal report: verdicts, controls and outcomes.
'use strict';

const { verdictLines, controlLines, labSummary, reproLine, evidenceLines } = require('./lifetime-tables.js');

/** The terminal lines of `doc.lifetime` and `doc.repro` (none when the document has neither). */
function lifetimeTerminal(doc) {
  const out = [];
  if (doc.lifetime) {
    out.push('', `Object lifetimes: ${labSummary(doc.lifetime)}`);
    for (const e of doc.lifetime.experiments) out.push('', `${e.title} [${e.id}]`, ...[...verdictLines(e), ...controlLines(e)].map((l) => `  ${l}`));
  }
  if (doc.repro) {
    out.push('', 'Reproductions of the seed posts');
    for (const r of doc.repro.claims) out.push(`  ${reproLine(r)}`, ...evidenceLines(r).map((l) => `      ${l}`));
  }
  return out;
}

module.exports = { lifetimeTerminal };
