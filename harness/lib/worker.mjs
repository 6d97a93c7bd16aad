// Child-process entry of a worker (Node, Bun, Deno): runs worker-loop.mjs on the input given
// as its argument and prints each message as one JSON line on stdout.
// Usage: <runtime> worker.mjs '{"impl":"js","filter":"noop","budget":{"minCpuTimeNs":1e8}}'
// With "describeOnly": true it prints the runtime message and exits.
import { createRequire } from 'node:module';
import { runWorkerInput } from './worker-loop.mjs';

const require = createRequire(import.meta.url);
const { IMPLEMENTATIONS, loadImplementation } = require('./implementations.js');
const { loadCases } = require('./cases.js');
const { summarize } = require('./stats.js');
const { describeRuntime } = require('./runtimes.js');
const { ints } = require('@bindlab/bench-js/inputs.js');

await runWorkerInput(JSON.parse(process.argv[2]), {
  emit: (message) => process.stdout.write(`${JSON.stringify(message)}\n`),
  describeRuntime,
  unavailable: (name) => IMPLEMENTATIONS[name].unavailable?.() ?? null,
  loadImplementation: (name) => loadImplementation(name, require),
  loadCases,
  summarize,
  emptyArgs: ints,
  provides: ['node'],
});
