// Child-process entry: loads one implementation, times every selected case on it with
// mitata's batched loop, and prints one JSON message per line on stdout:
//   { type: 'runtime', runtime }          first, what this process runs in
//   { type: 'empty', stats }              the empty loop, timed like a case
//   { type: 'result', case, stats, guard } one per measured case (guard: see memoryGuard)
//   { type: 'skip', case, missing }       the implementation lacks a function the case uses
//   { type: 'error', case, message }      the case threw
// Usage: <runtime> worker.mjs '{"impl":"js","filter":"noop","budget":{"minCpuTimeNs":1e8}}'
// With "describeOnly": true it prints the runtime message and exits.
import { createRequire } from 'node:module';
import { measure, do_not_optimize } from 'mitata';
import { k_min_samples as MIN_SAMPLES, k_batch_samples as MAX_BATCH, k_batch_unroll as UNROLL } from 'mitata/src/lib.mjs';

const require = createRequire(import.meta.url);
const { loadImplementation } = require('./implementations.js');
const { loadCases } = require('./cases.js');
const { summarize } = require('./stats.js');
const { describeRuntime } = require('./runtimes.js');
const { ints } = require('@bindlab/bench-js/inputs.js');

const input = JSON.parse(process.argv[2]);
const emit = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

/**
 * The function mitata times for one case: `sink(call(impl, ...args))`, compiled from source
 * unique to the case so that no two cases share a call site (and its type feedback).
 */
function timedFunction(id, call, impl, arity) {
  const params = Array.from({ length: arity }, (_, i) => `a${i}`);
  const source = `// ${id.replace(/\n/g, ' ')}\nreturn function bench(${params}) { sink(call(${['impl', ...params]})); };`;
  return new Function('call', 'impl', 'sink', source)(call, impl, do_not_optimize);
}

/** At most this much of a case's results may be alive at once while it is timed. */
const MEMORY_BUDGET = 512 * 2 ** 20;

/**
 * Caps mitata's batch size and sample count for a case whose calls return `resultBytes` of data
 * each, so that timing it cannot exhaust memory: nothing is reclaimed inside the synchronous
 * timing loop when a binding frees results in finalizers, which wait for the event loop
 * (napi-rs external buffers). `{ resultBytes, batch, maxSamples }`, or null for no results.
 */
function memoryGuard(resultBytes) {
  if (!resultBytes) return null;
  const maxCalls = MEMORY_BUDGET / resultBytes;
  const batch = Math.min(MAX_BATCH, Math.max(UNROLL, Math.floor(maxCalls / MIN_SAMPLES / UNROLL) * UNROLL));
  return { resultBytes, batch, maxSamples: Math.max(MIN_SAMPLES, Math.floor(maxCalls / batch)) };
}

/** Times one case on `impl` in mitata's generated loop; resolves with the summary of its per-call times and its memory guard. */
async function time(impl, id, { args, call, resultBytes }) {
  const makers = args(impl);
  const bench = timedFunction(id, call, impl, makers.length);
  const guard = memoryGuard(resultBytes);
  const stats = await measure(function* () {
    yield { ...makers, bench };
  }, {
    min_cpu_time: input.budget.minCpuTimeNs,
    ...(guard && { batch_samples: guard.batch, max_samples: guard.maxSamples }),
  });
  return { stats: summarize(stats.samples), guard };
}

/** Lets finalizers deferred to the event loop (Node-API, FinalizationRegistry) run between cases. */
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
  await settle();
}
