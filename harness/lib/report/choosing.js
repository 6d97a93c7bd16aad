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

/** A group whose difference is inside the measurements' noise: no winner is named. */
function inconclusive(v) {
  return `inconclusive: ${v.a} and ${v.b} are within noise of each other here (${v.loser} takes ${formatRatio(v.factor)} as long, `
    + `inside the ±${Math.round(v.noise * 100)}% the measurements allow; ${v.withinNoise.length} of ${v.compared} cases within their noise).`;
}

/** One group's headline: who wins, in how many cases (beyond their noise), by how much, and
 * where the other wins — or that the difference is within the noise. A document from before
 * the noise rule (no `conclusive`) reads as conclusive. */
function headline(v) {
  if (!v.winner) return `no case in this group was measured on both ${v.a} and ${v.b}.`;
  if (v.conclusive === false) return inconclusive(v);
  const range = v.lowest.case === v.highest.case ? ''
    : `, from ${formatRatio(v.lowest.ratio)} (${v.lowest.name}) to ${formatRatio(v.highest.ratio)} (${v.highest.name})`;
  const exceptions = v.exceptions.length ? ` ${v.loser} is faster at ${v.exceptions.join(', ')}.` : '';
  const noisy = v.withinNoise?.length ? ` Within noise: ${v.withinNoise.join(', ')}.` : '';
  return `${v.winner} is faster in ${v.wins[v.winner]} of ${v.compared} cases; ${v.loser} takes `
    + `${formatRatio(v.factor)} as long (geometric mean)${range}.${exceptions}${noisy}`;
}

/** The section: per verdict, `{ group, pair, headline, sweeps: [sentences about the group's sweeps] }`; the ladders are no choice.
 * A quick run's headlines are marked indicative: its single short run measures the noise poorly. */
function choosingSection(doc) {
  const mark = doc.options?.quick ? 'indicative (quick run): ' : '';
  return doc.choosing.filter((v) => v.group !== LADDER_GROUP).map((v) => ({
    group: v.group,
    pair: `${v.a} vs ${v.b}`,
    headline: `${mark}${headline(v)}`,
    sweeps: doc.sweeps.filter((s) => s.group === v.group && s.a === v.a && s.b === v.b).map(sweepSentence),
  }));
}

module.exports = { choosingSection };
