// Child-process entry of one reproduction (started with --expose-gc): loads the binding,
// runs the named experiment with its parameters, and prints one JSON line `{ evidence }`.
// Usage: node --expose-gc child.js '{"binding":"napi","experiment":"statsOnGc","params":{}}'
'use strict';

const experiments = require('./experiments/index.js');
const { loadImplementation } = require('../implementations.js');

async function main() {
  const { binding, experiment, params } = JSON.parse(process.argv[2]);
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
  if (!experiments[experiment]) throw new Error(`unknown experiment ${experiment}`);
  const evidence = await experiments[experiment](loadImplementation(binding, require), params ?? {});
  process.stdout.write(`${JSON.stringify({ evidence })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
