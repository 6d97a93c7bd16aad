// Child-process entry: loads one implementation, measures every selected case on it
// with mitata's batched timing loop, and prints one JSON line per result on stdout.
// Usage: node worker.mjs <implementation> <options-json>
import { createRequire } from 'node:module';
import { measure, do_not_optimize } from 'mitata';

const require = createRequire(import.meta.url);
const { IMPLEMENTATIONS } = require('./implementations.js');
const { loadCases } = require('./cases.js');

const [implName, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson ?? '{}');
const impl = require(IMPLEMENTATIONS[implName].module);

/** Times `call(arg())` in mitata's generated batch loop, with the result sunk. */
async function time({ arg, call }) {
  const stats = await measure(function* () {
    yield { [0]: arg, bench: (x) => do_not_optimize(call(x)) };
  }, { min_cpu_time: options.minCpuTimeNs });
  const { min, max, p25, p50, p75, p99, avg, ticks } = stats;
  return { min, max, p25, p50, p75, p99, avg, ticks, samples: stats.samples.length };
}

/** The empty loop: the same machinery timing a call that does nothing but return its argument. */
const EMPTY_LOOP = { arg: () => 0, call: (x) => x };

const emit = (row) => process.stdout.write(`${JSON.stringify(row)}\n`);
emit({ impl: implName, group: 'floor', name: 'empty loop', stats: await time(EMPTY_LOOP) });
for (const testCase of loadCases(options.filter)) {
  emit({ impl: implName, group: testCase.group, name: testCase.name, stats: await time(testCase.prepare(impl)) });
}
