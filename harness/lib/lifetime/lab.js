// The lifetime lab: runs every run of every selected case (bench-js/lifetime/) in its own
// child process, then judges each case's verdict rules on the measurements. The result is
// the `lifetime` section of results.json (see harness/SCHEMA.md).
'use strict';

const { runChild, LIFETIME_CHILD } = require('./runner.js');
const { judge } = require('./verdict.js');

/** The version of the `lifetime` section's layout; bump it when a field changes meaning. */
const LIFETIME_VERSION = 1;
/** The longest one run may take before it counts as failed. */
const RUN_TIMEOUT_MS = 120_000;

/** The cases whose id contains `filter` (all when null). */
function selectCases(cases, filter) {
  return filter ? cases.filter((c) => c.id.includes(filter)) : cases;
}

/** A run's parameters: as declared, with the case's `tiny` overrides when `tiny`. */
function paramsOf(experiment, run, tiny) {
  return tiny ? { ...run.params, ...experiment.tiny } : run.params;
}

/**
 * Runs `cases` (each `{ id, title, question, scenario, sampled, runs, rules, tiny }`) in
 * `runtime`; `onRun(experiment, run, result)` sees each finished run. Resolves with the
 * `lifetime` section.
 */
async function runLab({ cases, runtime, tiny = false, script = LIFETIME_CHILD }, onRun = () => {}) {
  const experiments = [];
  for (const experiment of cases) {
    const runs = [];
    for (const run of experiment.runs) {
      const params = paramsOf(experiment, run, tiny);
      const started = Date.now();
      const answer = await runChild(runtime, script, { binding: run.binding, scenario: experiment.scenario, params }, RUN_TIMEOUT_MS);
      const result = {
        name: `${run.binding}/${run.variant}`,
        binding: run.binding,
        variant: run.variant,
        params,
        ms: Date.now() - started,
        measures: answer.measures ?? null,
        series: answer.series ?? [],
        error: answer.error ?? null,
      };
      runs.push(result);
      onRun(experiment, result);
    }
    const measures = Object.fromEntries(runs.map((r) => [r.name, r.measures ?? {}]));
    experiments.push({
      id: experiment.id,
      title: experiment.title,
      question: experiment.question,
      scenario: experiment.scenario,
      sampled: experiment.sampled,
      runs,
      verdicts: experiment.rules.map((rule) => judge(rule, measures)),
    });
  }
  return { version: LIFETIME_VERSION, tiny, experiments };
}

module.exports = { runLab, selectCases, LIFETIME_VERSION };
