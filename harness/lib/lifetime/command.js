// `npm run bench -- lifetime`: runs the lifetime lab (bench-js/lifetime/), one child
// process per run, and returns a results document whose `lifetime` section holds every
// run's measures, time series and verdicts, with the environment it ran in.
'use strict';

const { runLab, selectCases, failedControls } = require('./lab.js');
const { describeControl } = require('./controls.js');
const { buildResults } = require('../results.js');
const { collectEnvironment } = require('../environment.js');
const { describeRuntimeOf } = require('../runner.js');

/** Runs the lab with the CLI's `options` (`filter`, `quick` → the cases' tiny parameters); resolves with the document. */
async function runLifetimeCommand(options, runtime, say) {
  const cases = selectCases(require('@bindlab/bench-js/lifetime/index.js'), options.filter);
  if (cases.length === 0) throw new Error(`no lifetime experiment matches --filter "${options.filter}"`);
  const environment = collectEnvironment(await describeRuntimeOf(runtime));
  const total = cases.reduce((n, c) => n + c.runs.length + (c.controls?.length ?? 0), 0);
  say(`bench lifetime: ${cases.length} experiments, ${total} runs with their controls, each in its own process${options.quick ? ' (tiny parameters)' : ''}`);
  let done = 0;
  const started = Date.now();
  const lifetime = await runLab({ cases, runtime, tiny: options.quick }, (experiment, run) => {
    done++;
    const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    say(`${elapsed}s [${done}/${total}] ${experiment.id} ${run.name}: ${run.error ? `ERROR ${run.error}` : `${run.ms} ms`}`);
  });
  for (const control of failedControls(lifetime)) say(`bench lifetime: ${control.experiment}: ${describeControl(control)}`);
  const recorded = { quick: options.quick, repeat: 1, filter: options.filter, impls: ['napi', 'wasm'], runtime: options.runtime, budget: options.budget };
  const doc = buildResults({ options: recorded, environment, cases: [], processes: [] });
  return { ...doc, lifetime };
}

/** Whether any run of the lab could not run, or a control disagrees with its headline run (the CLI then exits non-zero). */
function labFailed(doc) {
  return doc.lifetime.experiments.some((e) => e.runs.some((r) => r.error)) || failedControls(doc.lifetime).length > 0;
}

module.exports = { runLifetimeCommand, labFailed };
