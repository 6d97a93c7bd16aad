// `npm run bench -- lifetime`: runs the lifetime lab (bench-js/lifetime/), one child
// process per run, on each runtime `--runtime` names, and returns a results document whose
// `lifetime` section holds every run's measures, time series and verdicts, with the
// environment it ran in (`environment.runtimes`: each runtime's description).
'use strict';

const registry = require('@bindlab/bench-js');
const { runLab, selectCases, failedControls } = require('./lab.js');
const { describeControl } = require('./controls.js');
const { buildResults } = require('../results.js');
const { environmentOf } = require('../child-runner.js');
const { resolveRuntimes } = require('../runtimes.js');

/** Runs the lab with the CLI's `options` (`filter`, `quick` → the cases' tiny parameters, `runtime`); resolves with the document. */
async function runLifetimeCommand(options, say) {
  const cases = selectCases(registry.lifetime, options.filter);
  if (cases.length === 0) throw new Error(`no lifetime experiment matches --filter "${options.filter}"`);
  const runtimes = resolveRuntimes(options.runtime, { say });
  const environment = await environmentOf(runtimes);
  const total = runtimes.length * cases.reduce((n, c) => n + c.runs.length + (c.controls?.length ?? 0), 0);
  say(`bench lifetime: ${cases.length} experiments on ${runtimes.map((r) => r.name).join(', ')}, ${total} runs with their controls, each in its own process${options.quick ? ' (tiny parameters: indicative verdicts)' : ''}`);
  let done = 0;
  const started = Date.now();
  const lifetime = await runLab({ cases, runtimes, tiny: options.quick }, (experiment, run) => {
    done++;
    const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    const outcome = run.error ? `ERROR ${run.error}` : run.unmeasurable ? `not measurable here: ${run.unmeasurable}` : `${run.ms} ms`;
    say(`${elapsed}s [${done}/${total}] ${experiment.id} ${run.name}: ${outcome}`);
  });
  for (const control of failedControls(lifetime)) say(`bench lifetime: ${control.experiment}: ${describeControl(control)}`);
  const recorded = { quick: options.quick, repeat: 1, filter: options.filter, impls: ['napi', 'wasm'], runtime: options.runtime, budget: options.budget };
  const doc = buildResults({ options: recorded, environment, cases: [], processes: [] });
  return { ...doc, lifetime };
}

/** Whether any run of the lab could not run, or a control disagrees with its headline run (the CLI then exits non-zero); a run not measurable in its runtime is neither. */
function labFailed(doc) {
  return doc.lifetime.experiments.some((e) => e.runs.some((r) => r.error)) || failedControls(doc.lifetime).length > 0;
}

module.exports = { runLifetimeCommand, labFailed };
