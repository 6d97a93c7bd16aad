// Child-process entry of one lifetime run or one reproduction: finds the experiment in the
// case registry (@bindlab/bench-js), checks the runtime offers what it needs, loads the
// binding, runs the experiment's `measure(impl, sampler, params)` under a sampler, checks
// it returned exactly the measures its case declares, and prints one JSON line:
// `{ measures, series }`, or `{ unmeasurable }` with the reason the runtime lacks.
// An ES module, as Deno runs only those, that requires the CommonJS rest (as worker.mjs does).
// Usage: <runtime> child.mjs '{"kind":"lifetime","id":"owned-objects","binding":"napi","params":{...}}'
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const registry = require('@bindlab/bench-js');
const { createSampler } = require('./lifetime/sampler.js');
const { loadImplementation } = require('./implementations.js');
const { lackingReason } = require('./child-capabilities.js');
const { checkMeasures } = require('./rules.js');

/** Kind → the experiment (`{ needs, measures, measure }`) of the case with `id`. */
const FIND = {
  lifetime: (id) => registry.lifetime.find((c) => c.id === id),
  repro: (id) => registry.repro.find((c) => c.id === id)?.experiment,
};

async function main() {
  const { kind, id, binding, params } = JSON.parse(process.argv[2]);
  const experiment = FIND[kind]?.(id);
  if (!experiment) throw new Error(`unknown ${kind} experiment ${id}`);
  const lacking = lackingReason(experiment.needs);
  if (lacking) return void process.stdout.write(`${JSON.stringify({ unmeasurable: lacking })}\n`);
  const impl = loadImplementation(binding, require);
  const sampler = createSampler(impl, { trackEvery: params.trackEvery ?? 0 });
  const measures = await experiment.measure(impl, sampler, params);
  checkMeasures(id, experiment.measures, measures);
  process.stdout.write(`${JSON.stringify({ measures, series: sampler.finish() })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
