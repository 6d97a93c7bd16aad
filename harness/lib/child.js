// Child-process entry of one lifetime run (started with --expose-gc): loads the binding,
// runs the named scenario with its parameters under a sampler, and prints one JSON line:
// `{ measures, series }`. Usage: node --expose-gc child.js '{"binding":"napi","scenario":"owned","params":{...}}'
'use strict';

const scenarios = require('./scenarios/index.js');
const { createSampler } = require('./sampler.js');
const { loadImplementation } = require('../implementations.js');

async function main() {
  const { binding, scenario, params } = JSON.parse(process.argv[2]);
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
  if (!scenarios[scenario]) throw new Error(`unknown scenario ${scenario}`);
  const impl = loadImplementation(binding, require);
  const sampler = createSampler(impl, { trackEvery: params.trackEvery ?? 0 });
  const measures = await scenarios[scenario](impl, sampler, params);
  process.stdout.write(`${JSON.stringify({ measures, series: sampler.finish() })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
