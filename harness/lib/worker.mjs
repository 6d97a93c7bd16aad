// Child-process entry: loads one implementation, times every selected case on it with
// mitata's batched loop, and prints one JSON message per line on stdout:
//   { type: 'runtime', runtime }          first, what this process runs in
//   { type: 'empty', stats }              the empty loop, timed like a case
//   { type: 'result', case, stats, batch, guard } one per measured case (batch: calls per sample,
//                                         see sampling.mjs's batchSize; guard: its memoryGuard)
//   { type: 'skip', case, missing }       the implementation lacks a function the case uses
//   { type: 'error', case, message }      the case threw
// Usage: <runtime> worker.mjs '{"impl":"js","filter":"noop","budget":{"minCpuTimeNs":1e8}}'
// With "describeOnly": true it prints the runtime message and exits.
import { createRequire } from 'node:module';
import { measure } from 'mitata';
import { samplingPlan } from './sampling.mjs';

const require = createRequire(import.meta.url);
const { loadImplementation } = require('./implementations.js');
const { loadCases } = require('./cases.js');
const { summarize } = require('./stats.js');
const { describeRuntime } = require('./runtimes.js');
const { ints } = require('@bindlab/bench-js/inputs.js');

const input = JSON.parse(process.argv[2]);
const emit = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

/**
 * The function mitata times for one case: `sink.result = call(impl, ...args)`, compiled from
 * source unique to the case so that no two cases share a call site (and its type feedback). The
 * sink is the case's own too: a store into one object shared by every case (mitata's
 * `do_not_optimize`) sees numbers, strings and objects in turn, and each change of the field's
 * representation deoptimises the cases timed before it, so that a case's time depended on which
 * cases ran earlier in its process.
 */
function timedFunction(id, call, impl, arity) {
  const params = Array.from({ length: arity }, (_, i) => `a${i}`);
  const source = `// ${id.replace(/\n/g, ' ')}
const sink = { result: undefined };
return function bench(${params}) { sink.result = call(${['impl', ...params]}); };`;
  return new Function('call', 'impl', source)(call, impl);
}

/**
 * Times one case on `impl` in mitata's generated loop; resolves with the summary of its per-call
 * times, its batch size and its memory guard. mitata's own collection before the loop is left to
 * `settle`, which runs first.
 */
async function time(impl, id, { args, call, resultBytes }) {
  const makers = args(impl);
  const bench = timedFunction(id, call, impl, makers.length);
  const { guard, batch, maxSamples } = samplingPlan({ bench, makers, resultBytes, budgetNs: input.budget.minCpuTimeNs });
  await settle();
  const stats = await measure(function* () {
    yield { ...makers, bench };
  }, {
    gc: false,
    min_cpu_time: input.budget.minCpuTimeNs,
    batch_samples: batch,
    max_samples: maxSamples,
  });
  // mitata times a call slower than 65 µs one at a time, whatever batch_samples says.
  return { stats: summarize(stats.samples), batch: stats.ticks / stats.samples.length, guard };
}

/** Collects garbage and lets finalizers deferred to the event loop (Node-API, FinalizationRegistry) run, so that no case pays for another's. */
async function settle() {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

emit({ type: 'runtime', runtime: describeRuntime() });
if (input.describeOnly) process.exit(0);

const impl = loadImplementation(input.impl, require);
emit({ type: 'empty', stats: (await time(impl, 'empty loop', { args: () => [ints()], call: (_, x) => x, resultBytes: 0 })).stats });
for (const testCase of loadCases(input.filter)) {
  const missing = testCase.uses.filter((name) => typeof impl[name] !== 'function');
  if (missing.length > 0) {
    emit({ type: 'skip', case: testCase.id, missing });
    continue;
  }
  try {
    emit({ type: 'result', case: testCase.id, ...(await time(impl, testCase.id, testCase)) });
  } catch (error) {
    emit({ type: 'error', case: testCase.id, message: String(error?.message ?? error) });
  }
}
