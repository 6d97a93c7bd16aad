// Child-process entry: loads one implementation, times every selected case on it with
// mitata's batched loop, and prints one JSON message per line on stdout:
//   { type: 'runtime', runtime }          first, what this process runs in
//   { type: 'empty', stats }              the empty loop, timed like a case
//   { type: 'result', case, stats, batch, guard } one per measured case (batch: calls per sample,
//                                         see batchSize; guard: see memoryGuard)
//   { type: 'skip', case, missing }       the implementation lacks a function the case uses
//   { type: 'error', case, message }      the case threw
// Usage: <runtime> worker.mjs '{"impl":"js","filter":"noop","budget":{"minCpuTimeNs":1e8}}'
// With "describeOnly": true it prints the runtime message and exits.
import { createRequire } from 'node:module';
import { measure } from 'mitata';
import { now, k_min_samples as MIN_SAMPLES, k_batch_samples as MAX_BATCH, k_batch_unroll as UNROLL } from 'mitata/src/lib.mjs';

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

/** Samples a case should yield within its time budget: slower calls are timed in smaller batches. */
const TARGET_SAMPLES = 48;

/**
 * Samples a case yields at most in one process. More would not narrow its median, which varies
 * between processes far more, and for a nanosecond call mitata's untimed argument generation
 * (4,096 arguments a sample) would take several times the timed budget.
 */
const MAX_SAMPLES = 1024;

/**
 * A rough time per call of `bench` (ns), for sizing its batches: the fastest per-call time of
 * loops over 1, 4, 16 … calls, stopped once they have taken 5 ms in all or reached `maxCalls`.
 * The first loop only warms up (a first wasm call can take a millisecond to compile), and a JS
 * loop stays in the interpreter for its first calls, so only later loops come near the
 * optimised speed; a remaining overestimate only makes batches smaller.
 */
function roughTimePerCall(bench, makers, maxCalls) {
  let fastest = Infinity;
  let total = 0;
  for (let calls = 1, loop = 0; ; calls = Math.min(calls * 4, maxCalls), loop++) {
    const args = Array.from({ length: calls }, () => makers.map((make) => make()));
    const start = now();
    for (const a of args) bench(...a);
    const elapsed = now() - start;
    total += elapsed;
    if (loop === 0) continue;
    fastest = Math.min(fastest, elapsed / calls);
    if (total >= 5e6 || calls === maxCalls) return fastest;
  }
}

/**
 * Calls per sample: mitata's 4,096, unless a call is so slow that 4,096-call samples would give
 * fewer than TARGET_SAMPLES within the budget (or the memory guard allows fewer). mitata's first
 * 12 samples are taken whatever the budget, so without this a 60 µs call would be timed for 3 s.
 */
function batchSize(timePerCall, guard) {
  const forTime = Math.floor(input.budget.minCpuTimeNs / (TARGET_SAMPLES * timePerCall * UNROLL)) * UNROLL;
  return Math.min(guard?.batch ?? MAX_BATCH, Math.max(UNROLL, forTime));
}

/**
 * Times one case on `impl` in mitata's generated loop; resolves with the summary of its per-call
 * times, its batch size and its memory guard. mitata's own collection before the loop is left to
 * `settle`, which runs first.
 */
async function time(impl, id, { args, call, resultBytes }) {
  const makers = args(impl);
  const bench = timedFunction(id, call, impl, makers.length);
  const guard = memoryGuard(resultBytes);
  const batch = batchSize(roughTimePerCall(bench, makers, guard?.batch ?? MAX_BATCH), guard);
  await settle();
  const stats = await measure(function* () {
    yield { ...makers, bench };
  }, {
    gc: false,
    min_cpu_time: input.budget.minCpuTimeNs,
    batch_samples: batch,
    max_samples: Math.min(MAX_SAMPLES, guard?.maxSamples ?? Infinity),
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
