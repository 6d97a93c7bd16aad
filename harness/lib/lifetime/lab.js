// The lifetime lab: runs every run of every selected case (bench-js/lifetime/) in its own
// child process, with each case's control runs (the instrument reduced), then judges each
// case's verdict rules and controls on the measurements. The result is the `lifetime`
// section of results.json (see harness/SCHEMA.md).
'use strict';

const { runChild } = require('../child-runner.js');
const { judge, checkKeys } = require('../rules.js');
const { checkNeeds } = require('../child-capabilities.js');
const { controlRuns, controlName, judgeControl } = require('./controls.js');

/** The version of the `lifetime` section's layout; bump it when a field changes meaning. */
const LIFETIME_VERSION = 2;

/**
 * Checks, when a case is loaded, that everything it names exists: its needs, the runs its
 * rules and controls read, and the measures they read among those it declares (also the
 * measures its `units` and `noise` name). Throws a RuleKeyError naming the case and the key.
 */
function checkExperiment(experiment) {
  checkNeeds(experiment.id, experiment.needs);
  const headline = experiment.runs.map((r) => `${r.binding}/${r.variant}`);
  const runs = [...headline, ...(experiment.controls ?? []).map((c) => controlName(c.of))];
  const entries = experiment.rules.flatMap((r) => [[`rule "${r.says}"`, r.left], [`rule "${r.says}"`, r.right]]);
  controlRuns(experiment); // throws for a control of an unknown run
  for (const control of experiment.controls ?? []) {
    for (const measure of Object.keys(control.within)) entries.push([`the control of ${control.of}`, `${control.of}.${measure}`]);
  }
  checkKeys(experiment.id, entries, runs, experiment.measures);
  checkKeys(experiment.id, Object.keys(experiment.units).map((key) => ['its units', key]), null, experiment.measures);
  const noise = Object.keys(experiment.noise ?? {}).map((key) => ['its noise', key]);
  checkKeys(experiment.id, noise.filter(([, key]) => key.includes('.')), runs, experiment.measures);
  checkKeys(experiment.id, noise.filter(([, key]) => !key.includes('.')), null, experiment.measures);
  return experiment;
}

/** The cases whose id contains `filter` (all when null), each checked. */
function selectCases(cases, filter) {
  return (filter ? cases.filter((c) => c.id.includes(filter)) : cases).map(checkExperiment);
}

/** A run's parameters: as declared, with the case's `tiny` overrides when `tiny`, then a control's reductions. */
function paramsOf(experiment, run, tiny) {
  return { ...run.params, ...(tiny ? experiment.tiny : {}), ...run.reduce };
}

/**
 * Judges one rule with the case's `noise`. When `shrunk` (quick mode changed the sizes) a
 * rule that needs the default sizes (their GC pressure, or their resolution) is not
 * measured; every other verdict of a quick run is marked `indicative`. When a run the rule
 * reads was not measurable in this runtime, the verdict says so with the reason.
 */
function verdictOf(rule, measures, { shrunk = false, tiny = shrunk, noise = {}, unmeasurable = {} } = {}) {
  const verdict = { ...judge(rule, measures, noise), ...(tiny ? { indicative: true } : {}) };
  const reason = [rule.left, rule.right].filter((side) => typeof side === 'string')
    .map((side) => unmeasurable[side.slice(0, side.lastIndexOf('.'))]).find(Boolean);
  if (reason) return { ...verdict, holds: null, verdict: 'not measurable here', unmeasurable: reason };
  return shrunk && rule.needsDefaultSizes ? { ...verdict, holds: null, skipped: 'not measured in quick mode' } : verdict;
}

/**
 * Runs `cases` (each `{ id, title, question, instruments, needs, measures, units, noise, sampled,
 * runs, controls, rules, tiny, measure }`) in `runtime`, every run and every control run in
 * its own child process; `onRun(experiment, run)` sees each finished run. Resolves with the
 * experiments of the `lifetime` section, each marked with the runtime's name.
 */
async function runExperiments({ cases, runtime, tiny = false }, onRun = () => {}) {
  const experiments = [];
  for (const experiment of cases) {
    const runs = [];
    for (const run of [...experiment.runs, ...controlRuns(experiment)]) {
      const params = paramsOf(experiment, run, tiny);
      const started = Date.now();
      const answer = await runChild(runtime, { kind: 'lifetime', id: experiment.id, binding: run.binding, params });
      const result = {
        name: `${run.binding}/${run.variant}`,
        binding: run.binding,
        variant: run.variant,
        controlOf: run.controlOf ?? null,
        params,
        ms: Date.now() - started,
        measures: answer.measures ?? null,
        series: answer.series ?? [],
        error: answer.error ?? null,
        ...(answer.unmeasurable ? { unmeasurable: answer.unmeasurable } : {}),
      };
      runs.push(result);
      onRun(experiment, result);
    }
    const measures = Object.fromEntries(runs.map((r) => [r.name, r.measures]));
    const unmeasurable = Object.fromEntries(runs.filter((r) => r.unmeasurable).map((r) => [r.name, r.unmeasurable]));
    const judging = { shrunk: tiny && Object.keys(experiment.tiny).length > 0, tiny, noise: experiment.noise, unmeasurable };
    experiments.push({
      id: experiment.id,
      runtime: runtime.name,
      title: experiment.title,
      question: experiment.question,
      instruments: experiment.instruments,
      scenario: experiment.measure.name,
      sampled: experiment.sampled,
      units: experiment.units,
      runs,
      controls: (experiment.controls ?? []).map((control) => judgeControl(control, measures, unmeasurable)),
      verdicts: experiment.rules.map((rule) => verdictOf(rule, measures, judging)),
    });
  }
  return experiments;
}

/** Runs the lab on each of `runtimes` in turn; resolves with the `lifetime` section. */
async function runLab({ cases, runtimes, tiny = false }, onRun = () => {}) {
  const experiments = [];
  for (const runtime of runtimes) experiments.push(...await runExperiments({ cases, runtime, tiny }, onRun));
  return { version: LIFETIME_VERSION, tiny, experiments };
}

/** The controls of a lab section that do not agree with their headline runs (or could not be compared), leaving out those not measurable in their runtime. */
function failedControls(lifetime) {
  return lifetime.experiments.flatMap((e) => e.controls.filter((c) => c.agrees !== true && !c.unmeasurable).map((c) => ({ experiment: e.id, ...c })));
}

module.exports = { runLab, runExperiments, selectCases, checkExperiment, paramsOf, verdictOf, failedControls, LIFETIME_VERSION };
