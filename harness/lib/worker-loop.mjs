// The measuring loop every worker runs, whatever hosts it: a runtime's own process
// (worker.mjs: Node, Bun, Deno) or a Chromium page (browser/page.mjs). It loads one
// implementation, times every selected case on it with mitata's batched loop and hands one
// message per step to `host.emit`:
//   { type: 'runtime', runtime }          first, what this worker runs in
//   { type: 'empty', stats }              the empty loop, timed like a case
//   { type: 'result', case, stats, batch, guard } one per measured case (batch: calls per sample,
//                                         see sampling.mjs's batchSize; guard: its memoryGuard)
//   { type: 'skip', case, missing, reason } the implementation lacks a function the case uses
//                                         (missing), or the runtime lacks what the case or the
//                                         implementation needs (reason; then no empty loop either)
//   { type: 'error', case, message }      the case threw
// The host provides what differs between runtimes: how an implementation and the cases are
// loaded, how the runtime describes itself, and what it offers (`provides`, e.g. ['node']).
import { measure } from 'mitata';
import { now } from 'mitata/src/lib.mjs';
import { samplingPlan, awaitedPlan, MIN_SAMPLES } from './sampling.mjs';

/**
 * The function mitata times for one case: `sink.result = call(impl, ...args)` (with `await` when
 * `awaited`, which mitata then awaits call by call), compiled from
 * source unique to the case so that no two cases share a call site (and its type feedback). The
 * sink is the case's own too: a store into one object shared by every case (mitata's
 * `do_not_optimize`) sees numbers, strings and objects in turn, and each change of the field's
 * representation deoptimises the cases timed before it, so that a case's time depended on which
 * cases ran earlier in its process.
 */
function timedFunction(id, call, impl, arity, awaited) {
  const params = Array.from({ length: arity }, (_, i) => `a${i}`);
  const invoke = `call(${['impl', ...params]})`;
  const source = `// ${id.replace(/\n/g, ' ')}
const sink = { result: undefined };
return ${awaited ? `async function bench(${params}) { sink.result = await ${invoke}; }` : `function bench(${params}) { sink.result = ${invoke}; }`};`;
  return new Function('call', 'impl', source)(call, impl);
}

/**
 * The first call of a case, with fresh arguments, outside its samples: `{ awaited, firstCallNs }`,
 * `awaited` when `call` returns a promise (an async API; it is awaited, so that a timed loop never
 * leaves promises pending behind it), `firstCallNs` how long the call took, promise included.
 */
async function firstCall(call, impl, makers) {
  const args = makers.map((make) => make());
  const start = now();
  const result = call(impl, ...args);
  const awaited = typeof result?.then === 'function';
  if (awaited) await result;
  return { awaited, firstCallNs: now() - start };
}

/** Collects garbage and lets finalizers deferred to the event loop (Node-API, FinalizationRegistry) run, so that no case pays for another's. */
async function settle() {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Times one case on `impl` in mitata's generated loop (each call awaited when it returns a
 * promise), `budgetNs` of timed calls and `minSamples` samples at least, on a clock
 * ticking every `clockResolutionNs`; resolves with the summary (`summarize`) of its per-call
 * times, its batch size and its memory guard. mitata's own collection before the loop is left
 * to `settle`, which runs first.
 */
async function time(impl, id, { args, call, resultBytes }, { budgetNs, minSamples, summarize, clockResolutionNs }) {
  const makers = args(impl);
  const { awaited, firstCallNs } = await firstCall(call, impl, makers);
  const bench = timedFunction(id, call, impl, makers.length, awaited);
  const { guard, batch, maxSamples } = awaited ? awaitedPlan(resultBytes) : samplingPlan({ bench, makers, resultBytes, budgetNs, clockResolutionNs, firstCallNs });
  await settle();
  const stats = await measure(function* () {
    yield { ...makers, bench };
  }, {
    gc: false,
    min_cpu_time: budgetNs,
    min_samples: Math.min(minSamples, maxSamples),
    batch_samples: batch,
    max_samples: maxSamples,
  });
  // mitata times a call slower than 65 µs one at a time, whatever batch_samples says.
  return { stats: summarize(stats.samples), batch: stats.ticks / stats.samples.length, guard };
}

/** What a runtime lacks of what `testCase` needs (`needs`, e.g. ['node']), given what it `provides`. */
function lacking(testCase, provides) {
  return (testCase.needs ?? []).filter((need) => !provides.includes(need));
}

/**
 * Runs worker `input` (`{ impl, filter, omit, budget: { minCpuTimeNs, minSamples } }`, or
 * `{ describeOnly: true }`; `omit` (optional) lists ids of cases to leave out; minSamples
 * defaults to mitata's 12)
 * with `host`: `{ emit(message), describeRuntime(), unavailable(name), loadImplementation(name),
 * loadCases(filter), summarize(samples), emptyArgs, provides, clockResolutionNs }`. `unavailable`
 * (optional) says why an implementation cannot run here, or null; `emptyArgs` makes the empty
 * loop's argument maker; `provides` lists what the runtime offers a case's `needs` (['node'] for
 * Node's modules); `clockResolutionNs` (optional) is the tick of performance.now() where coarse.
 * Each `emit` is awaited, so that a host relaying messages asynchronously keeps their order.
 */
export async function runWorkerInput(input, host) {
  await host.emit({ type: 'runtime', runtime: host.describeRuntime() });
  if (input.describeOnly) return;
  const omitted = new Set(input.omit ?? []);
  const cases = host.loadCases(input.filter).filter((testCase) => !omitted.has(testCase.id));
  const unavailable = host.unavailable?.(input.impl);
  if (unavailable) {
    for (const testCase of cases) await host.emit({ type: 'skip', case: testCase.id, missing: [], reason: `${input.impl} ${unavailable}` });
    return;
  }
  const timing = {
    budgetNs: input.budget.minCpuTimeNs,
    minSamples: input.budget.minSamples ?? MIN_SAMPLES,
    summarize: host.summarize,
    clockResolutionNs: host.clockResolutionNs ?? 0,
  };
  const impl = await host.loadImplementation(input.impl);
  const emptyLoop = { args: () => [host.emptyArgs()], call: (_, x) => x, resultBytes: 0 };
  await host.emit({ type: 'empty', stats: (await time(impl, 'empty loop', emptyLoop, timing)).stats });
  for (const testCase of cases) {
    const needs = lacking(testCase, host.provides);
    const missing = testCase.uses.filter((name) => typeof impl[name] !== 'function');
    if (needs.length > 0 || missing.length > 0) {
      const reason = needs.length > 0 ? `needs ${needs.join(', ')}, which this runtime lacks` : undefined;
      await host.emit({ type: 'skip', case: testCase.id, missing, ...(reason && { reason }) });
      continue;
    }
    try {
      await host.emit({ type: 'result', case: testCase.id, ...(await time(impl, testCase.id, testCase, timing)) });
    } catch (error) {
      await host.emit({ type: 'error', case: testCase.id, message: String(error?.message ?? error) });
    }
  }
}
