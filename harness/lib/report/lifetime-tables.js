// The table models of the lifetime lab and the reproductions, shared by the Markdown,
// HTML and terminal renderers: per experiment, one measures table (a row per measure, a
// column per run, control runs included), its verdict lines and its controls; per
// reproduction, its outcome and evidence.
'use strict';

const { describeVerdict } = require('../rules.js');
const { describeControl } = require('../lifetime/controls.js');

/**
 * The unit of a measure its case declares none for, from its name (what the lab named them
 * before units were declared): `B` for bytes, `ms` for milliseconds, else null (a count or a share).
 */
function unitFromName(name) {
  if (/bytes|rss|memory|heap(?!Slots)/i.test(name) && !/PerValue|InHandles|Share/i.test(name)) return 'B';
  return /Ms(@|$)/.test(name) ? 'ms' : null;
}

/** The unit an experiment declares for measure `name` (`units`, where `x@` stands for every `x@<size>`), or the one its name implies. */
function unitOf(experiment, name) {
  const units = experiment?.units ?? {};
  return units[name] ?? units[name.replace(/@.*$/, '@')] ?? unitFromName(name);
}

/** A measure's value as text in its unit: bytes in MiB/KiB, milliseconds with "ms", counts and shares plain. */
function formatMeasure(name, value, unit = unitFromName(name)) {
  if (value === null || value === undefined) return '-';
  if (typeof value !== 'number') return String(value);
  if (unit === 'B') {
    const abs = Math.abs(value);
    return abs >= 2 ** 20 ? `${(value / 2 ** 20).toFixed(1)} MiB` : abs >= 1024 ? `${(value / 1024).toFixed(1)} KiB` : `${Number(value.toPrecision(3))} B`;
  }
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}

/** The measures table of one experiment: `{ header, rows }`, numeric measures only. */
function measuresTable(experiment) {
  const names = [];
  for (const run of experiment.runs) {
    for (const [name, value] of Object.entries(run.measures ?? {})) {
      if ((typeof value === 'number' || value === null) && !names.includes(name)) names.push(name);
    }
  }
  return {
    header: ['measure', ...experiment.runs.map((r) => r.name)],
    rows: names.map((name) => [name, ...experiment.runs.map((r) => (r.error ? 'ERROR' : formatMeasure(name, r.measures?.[name], unitOf(experiment, name))))]),
  };
}

/** One line per verdict of an experiment, and one per run that could not run or cannot be measured on its runtime. */
function verdictLines(experiment) {
  return [
    ...experiment.verdicts.map(describeVerdict),
    ...experiment.runs.filter((r) => r.error).map((r) => `${r.name} could not run: ${r.error}`),
    ...experiment.runs.filter((r) => r.unmeasurable).map((r) => `${r.name}: not measurable here (${r.unmeasurable})`),
  ];
}

/** What an experiment's instruments touch, and one line per control (its instrument reduced), loud when it disagrees. */
function controlLines(experiment) {
  return [`Instruments: ${experiment.instruments}.`, ...experiment.controls.map(describeControl)];
}

/** Headline counts of the lab: verdicts that hold, do not hold, are within noise or were not measured; controls that agree or not. */
function labSummary(lifetime) {
  const all = lifetime.experiments.flatMap((e) => e.verdicts);
  const noisy = all.filter((v) => v.verdict === 'within noise').length;
  const count = (holds) => all.filter((v) => v.holds === holds && v.verdict !== 'within noise').length;
  const controls = lifetime.experiments.flatMap((e) => e.controls);
  const agree = controls.filter((c) => c.agrees === true).length;
  const quick = all.filter((v) => v.skipped).length;
  return `${lifetime.experiments.length} experiments, ${all.length} verdict rules: ${count(true)} hold, ${count(false)} do not hold, `
    + `${noisy ? `${noisy} within noise, ` : ''}${count(null)} not measured${quick ? ` (${quick} of them in quick mode)` : ''}; ${controls.length} controls: ${agree} agree`
    + `${agree < controls.length ? `, ${controls.length - agree} DO NOT — the instruments changed what they measure` : ''}`;
}

/** One line per reproduction: its outcome, the claim, and where it comes from. */
function reproLine(r) {
  return `${r.outcome.toUpperCase()}${r.indicative ? ' (indicative: quick run)' : ''} ${r.id} (seed ${r.seed})${r.runtime ? ` on ${r.runtime}` : ''}: ${r.claim}`;
}

/** A reproduction's evidence as `name = value` texts. */
function evidenceLines(r) {
  return [
    ...(r.unmeasurable ? [`not measurable here: ${r.unmeasurable}`] : []),
    ...Object.entries(r.evidence ?? {}).map(([name, value]) => `${name} = ${typeof value === 'object' && value !== null ? JSON.stringify(value) : formatMeasure(name, value)}`),
  ];
}

module.exports = { formatMeasure, unitOf, measuresTable, verdictLines, controlLines, labSummary, reproLine, evidenceLines };
