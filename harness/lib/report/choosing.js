// The "choosing a binding" section as sentences, written from the verdicts and sweep
// comparisons of one runtime's view of a results document (matrix.js runtimeView), and where
// the answer changes between runtimes. Every number in it comes from the measurements, each
// verdict with the noise it was judged against.
'use strict';

const { formatRatio, formatSize } = require('./format.js');
const { answerOf } = require('../verdict.js');

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
 * where the other wins — or that the difference is within the noise, or, when nothing was
 * compared, the `reasons` the runtime could not run a binding. A document from before the
 * noise rule (no `conclusive`) reads as conclusive. */
function headline(v, reasons = []) {
  if (!v.winner && reasons.length) return `not measurable here: ${reasons.join('; ')}.`;
  if (!v.winner) return `no case in this group was measured on both ${v.a} and ${v.b}.`;
  if (v.conclusive === false) return inconclusive(v);
  const range = v.lowest.case === v.highest.case ? ''
    : `, from ${formatRatio(v.lowest.ratio)} (${v.lowest.name}) to ${formatRatio(v.highest.ratio)} (${v.highest.name})`;
  const exceptions = v.exceptions.length ? ` ${v.loser} is faster at ${v.exceptions.join(', ')}.` : '';
  const noisy = v.withinNoise?.length ? ` Within noise: ${v.withinNoise.join(', ')}.` : '';
  const uncertainty = v.noise === undefined ? '' : `, beyond its ±${Math.round(v.noise * 100)}% noise`;
  return `${v.winner} is faster in ${v.wins[v.winner]} of ${v.compared} cases; ${v.loser} takes `
    + `${formatRatio(v.factor)} as long (geometric mean${uncertainty})${range}.${exceptions}${noisy}`;
}

/** Marks a quick run's sentences indicative: its single short run measures the noise poorly. */
function indicative(doc) {
  return doc.options?.quick ? 'indicative (quick run): ' : '';
}

/** The section: per verdict, `{ group, pair, headline, sweeps: [sentences about the group's sweeps] }` (`doc.skipped` gives the reasons a binding could not run). */
function choosingSection(doc) {
  const mark = indicative(doc);
  const cannot = (v) => [...new Set((doc.skipped ?? []).filter((s) => s.reason && (s.impl === v.a || s.impl === v.b)).map((s) => s.reason))];
  return doc.choosing.map((v) => ({
    group: v.group,
    pair: `${v.a} vs ${v.b}`,
    headline: `${mark}${headline(v, cannot(v))}`,
    sweeps: doc.sweeps.filter((s) => s.group === v.group && s.a === v.a && s.b === v.b).map(sweepSentence),
  }));
}

/**
 * Where the answer changes between runtimes: per group and pair whose conclusive answers
 * differ (or that are conclusive on one runtime and inconclusive on another), one sentence
 * naming each answer with its runtimes and factors ("call (wasm vs napi): wasm on node@22
 * (4.66x), bun (3.10x); napi on deno (1.80x)."). Empty for a single runtime.
 */
function runtimeChanges(doc) {
  const byQuestion = new Map();
  for (const v of doc.choosing.filter(answerOf)) {
    const key = `${v.group}\0${v.a}\0${v.b}`;
    if (!byQuestion.has(key)) byQuestion.set(key, []);
    byQuestion.get(key).push(v);
  }
  const mark = indicative(doc);
  return [...byQuestion.values()].filter((vs) => new Set(vs.map(answerOf)).size > 1).map((vs) => {
    const answers = [...new Set(vs.map(answerOf))].map((answer) => {
      const where = vs.filter((v) => answerOf(v) === answer)
        .map((v) => `${v.runtime} (${answer === 'inconclusive' ? `${formatRatio(v.factor)} inside ±${Math.round(v.noise * 100)}%` : formatRatio(v.factor)})`);
      return `${answer === 'inconclusive' ? 'within noise' : answer} on ${where.join(', ')}`;
    });
    return `${mark}${vs[0].group} (${vs[0].a} vs ${vs[0].b}): ${answers.join('; ')}.`;
  });
}

module.exports = { choosingSection, runtimeChanges };
