// The lifetime lab: runs every run of every selected case (bench-js/lifetime/) in its own
// child process, with each case's control runs (the instrument reduced), then judges each
// case's verdict rules and controls on the measurements. The result is the `lifetime`
// section of results.json (see harness/SCHEMA.md).
'use strict';

const { runChild, LIFETIME_CHILD } = require('./runner.js');
const { judge } = require('./verdict.js');
const { controlRuns, judgeControl } = require('./controls.js');

/** The version of the `lifetime` section's layout; bump it when a field changes meaning. */
const LIFETIME_VERSION = 2;
/** The longest one run may take before it counts as failed. */
const RUN_TIMEOUT_MS = 120_000;

/** The cases whose id contains `filter` (all when null). */
function selectCases(cases, filter) {
  return filter ? cases.filter((c) => c.id.includes(filter)) : cases;
}

/** A run's parameters: as declared, with the case's `tiny` overrides when `tiny`, then a control's reductions. */
function paramsOf(experiment, run, tiny) {
  return { ...run.params, ...(tiny ? experiment.tiny : {}), ...run.reduce };
}

/** Judges one rule; when `shrunk` (quick mode changed the sizes) a rule that needs the default sizes (their GC pressure, or their resolution) is not measured. */
function verdictOf(rule, measures, shrunk) {
  const verdict = judge(rule, measures);
  return shrunk && rule.needsDefaultSizes ? { ...verdict, holds: null, skipped: 'not measured in quick mode' } : verdict;
}

/**
 * Runs `cases` (each `{ id, title, question, instruments, scenario, sampled, runs, controls,
 * rules, tiny }`) in `runtime`, every run and every control run in its own child process;
 * `onRun(experiment, run)` sees each finished run. Resolves with the `lifetime` section.
 */
async function runLab({ cases, runtime, tiny = false, script = LIFETIME_CHILD }, onRun = () => {}) {
  const experiments = [];
  for (const experiment of cases) {
    const runs = [];
    for (const run of [...experiment.runs, ...controlRuns(experiment)]) {
      const params = paramsOf(experiment, run, tiny);
      const started = Date.now();
      const answer = await runChild(runtime, script, { binding: run.binding, scenario: experiment.scenario, params }, RUN_TIMEOUT_MS);
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
      };
      runs.push(result);
      onRun(experiment, result);
    }
    const measures = Object.fromEntries(runs.map((r) => [r.name, r.measures]));
    experiments.push({
      id: experiment.id,
      title: experiment.title,
      question: experiment.question,
      instruments: experiment.instruments,
      scenario: experiment.scenario,
      sampled: experiment.sampled,
      runs,
      controls: (experiment.controls ?? []).map((control) => judgeControl(control, measures)),
      verdicts: experiment.rules.map((rule) => verdictOf(rule, measures, tiny && Object.keys(experiment.tiny).length > 0)),
    });
  }
  return { version: LIFETIME_VERSION, tiny, experiments };
}

/** The controls of a lab section that do not agree with their headline runs (or could not be compared). */
function failedControls(lifetime) {
  return lifetime.experiments.flatMap((e) => e.controls.filter((c) => c.agrees !== true).map((c) => ({ experiment: e.id, ...c })));
}

module.exports = { runLab, selectCases, paramsOf, verdictOf, failedControls, LIFETIME_VERSION };
