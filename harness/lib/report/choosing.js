// The "choosing a binding" section as sentences, written from the verdicts and sweep
// comparisons in a results document. Every number in it comes from the measurements.
'use strict';

const { formatRatio, formatSize } = require('./format.js');
const { LADDER_GROUP } = require('./breakdown.js');

/**
 * The sentence for one sweep: its crossovers, or the binding faster at every size. With neither,
 * the two tied at one size or more, and neither overtakes the other.
 */
function sweepSentence(s) {
  const range = `${formatSize(s.sizes[0], s.unit)} to ${formatSize(s.sizes[s.sizes.length - 1], s.unit)}`;
  if (s.fasterEverywhere) return `${s.sweep}: ${s.fasterEverywhere} is faster at every size measured (${range}).`;
  if (s.crossovers.length === 0) return `${s.sweep}: ${s.a} and ${s.b} never cross, and measured the same at one size or more (${range}).`;
  return `${s.sweep}: ${s.crossovers.map((c) => `${c.fasterAbove} overtakes ${c.fasterBelow} at ≈ ${formatSize(c.size, s.unit)} `
    + `(between ${formatSize(c.between[0], s.unit)} and ${formatSize(c.between[1], s.unit)})`).join(', then ')}.`;
}

/** One group's headline: who wins, in how many cases, by how much, and where the other wins. */
function headline(v) {
  if (!v.winner) return `no case in this group was measured on both ${v.a} and ${v.b}.`;
  const range = v.lowest.case === v.highest.case ? ''
    : `, from ${formatRatio(v.lowest.ratio)} (${v.lowest.name}) to ${formatRatio(v.highest.ratio)} (${v.highest.name})`;
  const exceptions = v.exceptions.length ? ` ${v.loser} is faster at ${v.exceptions.join(', ')}.` : '';
  return `${v.winner} is faster in ${v.wins[v.winner]} of ${v.compared} cases; ${v.loser} takes `
    + `${formatRatio(v.factor)} as long (geometric mean)${range}.${exceptions}`;
}

/** The section: per verdict, `{ group, pair, headline, sweeps: [sentences about the group's sweeps] }`; the ladders are no choice. */
function choosingSection(doc) {
  return doc.choosing.filter((v) => v.group !== LADDER_GROUP).map((v) => ({
    group: v.group,
    pair: `${v.a} vs ${v.b}`,
    headline: headline(v),
    sweeps: doc.sweeps.filter((s) => s.group === v.group && s.a === v.a && s.b === v.b).map(sweepSentence),
  }));
}

module.exports = { choosingSection };
