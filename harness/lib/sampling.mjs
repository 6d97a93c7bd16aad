// How the worker samples one case: a pilot estimates the time of a call, from which follow the
// calls per sample (batch) and the most samples to take, within the time budget and, for calls
// that return data, a memory budget. Pure functions of the timings: the pilot reads the clock it
// is given (mitata's by default), so that tests can run it on made-up timings.
import { now, k_min_samples as MIN_SAMPLES, k_batch_samples as MAX_BATCH, k_batch_unroll as UNROLL } from 'mitata/src/lib.mjs';

export { MIN_SAMPLES, MAX_BATCH, UNROLL };

/** At most this much of a case's results may be alive at once while it is timed. */
export const MEMORY_BUDGET = 512 * 2 ** 20;

/** Samples a case should yield within its time budget: slower calls are timed in smaller batches. */
export const TARGET_SAMPLES = 48;

/**
 * Samples a case yields at most in one process. More would not narrow its median, which varies
 * between processes far more, and for a nanosecond call mitata's untimed argument generation
 * (4,096 arguments a sample) would take several times the timed budget.
 */
export const MAX_SAMPLES = 1024;

/**
 * A sample lasts at least this many ticks of a coarse clock (a page's performance.now() ticks
 * in 5 µs steps), so that rounding to a tick moves a sample, and so the median, by 2 % at most.
 */
export const MIN_SAMPLE_TICKS = 50;

/** The most loops a pilot on a coarse clock runs (a clock that never moves would never end it). */
export const MAX_PILOT_LOOPS = 16;

/** The most calls in one loop of a pilot on a coarse clock: 262,144, 250 µs at 1 ns a call. */
export const MAX_COARSE_PILOT_CALLS = 4 ** 9;

/** The most calls per sample on a coarse clock (its arguments are made before each sample). */
export const MAX_COARSE_BATCH = 2 ** 20;

/** The pilot stops once its loops have taken this long in all (ns). */
export const PILOT_NS = 5e6;

/**
 * Caps mitata's batch size and sample count for a case whose calls return `resultBytes` of data
 * each, so that timing it cannot exhaust memory: nothing is reclaimed inside the synchronous
 * timing loop when a binding frees results in finalizers, which wait for the event loop
 * (napi-rs external buffers). `{ resultBytes, batch, maxSamples }`, or null for no results.
 */
export function memoryGuard(resultBytes) {
  if (!resultBytes) return null;
  const maxCalls = MEMORY_BUDGET / resultBytes;
  const batch = Math.min(MAX_BATCH, Math.max(UNROLL, Math.floor(maxCalls / MIN_SAMPLES / UNROLL) * UNROLL));
  return { resultBytes, batch, maxSamples: Math.max(MIN_SAMPLES, Math.floor(maxCalls / batch)) };
}

/**
 * A rough time per call of `bench` (ns), for sizing its batches: the fastest per-call time of
 * loops over 1, 4, 16 … calls, stopped once they have taken PILOT_NS in all or reached `maxCalls`.
 * The first loop only warms up (a first wasm call can take a millisecond to compile), and a JS
 * loop stays in the interpreter for its first calls, so only later loops come near the
 * optimised speed; a remaining overestimate only makes batches smaller. Arguments are made by
 * `makers` before each loop, outside the time read from `clock` (ns). A loop grows fourfold
 * only while the larger loop would still fit in what is left of PILOT_NS.
 * On a clock that ticks every `clockResolutionNs` (> 0), a loop's reading may be short by up to a
 * tick, so each loop counts as its reading plus a tick (an upper bound); loops grow until one
 * lasts MIN_SAMPLE_TICKS ticks, repeat at that size while they stay that long (the JIT may still
 * make them faster), and the pilot ends after PILOT_NS in all or MAX_PILOT_LOOPS loops.
 */
export function roughTimePerCall(bench, makers, maxCalls, clock = now, clockResolutionNs = 0) {
  const coarse = clockResolutionNs > 0;
  const visible = MIN_SAMPLE_TICKS * clockResolutionNs;
  let fastest = Infinity;
  let total = 0;
  for (let calls = 1, loop = 0; ; loop++) {
    const elapsed = timeLoop(bench, makers, calls, clock);
    total += elapsed;
    if (loop > 0) {
      fastest = Math.min(fastest, (elapsed + clockResolutionNs) / calls);
      if (total >= PILOT_NS || (coarse ? loop >= MAX_PILOT_LOOPS : calls === maxCalls)) return fastest;
    }
    // A loop four times longer that would overrun what is left of PILOT_NS repeats this size
    // instead: the pilot of a 100 ms call makes 2 calls, not 1 + 4.
    const fits = elapsed * 4 <= PILOT_NS - total;
    if ((!coarse || elapsed < visible) && fits) calls = Math.min(calls * 4, maxCalls);
  }
}

/**
 * Calls per sample: mitata's 4,096, unless a call is so slow that 4,096-call samples would give
 * fewer than TARGET_SAMPLES within `budgetNs` (or the memory guard allows fewer); a multiple of
 * UNROLL, at least UNROLL. mitata's first 12 samples are taken whatever the budget, so without
 * this a 60 µs call would be timed for 3 s. On a clock that ticks every `clockResolutionNs`,
 * enough calls for a sample of MIN_SAMPLE_TICKS ticks, even beyond 4,096 (not beyond the guard
 * or MAX_COARSE_BATCH).
 */
export function batchSize(timePerCall, guard, budgetNs, clockResolutionNs = 0) {
  const forTime = Math.floor(budgetNs / (TARGET_SAMPLES * timePerCall * UNROLL)) * UNROLL;
  const forClock = clockResolutionNs > 0 ? Math.ceil((MIN_SAMPLE_TICKS * clockResolutionNs) / (timePerCall * UNROLL)) * UNROLL : 0;
  return Math.min(guard?.batch ?? MAX_COARSE_BATCH, Math.max(UNROLL, Math.min(MAX_BATCH, forTime), forClock));
}

/** How long (`clock`, ns) `calls` calls of `bench` take, their arguments made by `makers` beforehand. */
function timeLoop(bench, makers, calls, clock) {
  const args = Array.from({ length: calls }, () => makers.map((make) => make()));
  const start = clock();
  for (const a of args) bench(...a);
  return clock() - start;
}

/** The most times widenForClock doubles a batch. */
export const MAX_WIDENINGS = 8;

/**
 * On a clock ticking every `clockResolutionNs`, `batch` doubled (at most MAX_WIDENINGS times,
 * never beyond `maxBatch`) until a loop of that many calls, timed now that the pilot has warmed
 * the JIT, lasts MIN_SAMPLE_TICKS ticks in the shorter of two tries (one may be descheduled): the
 * pilot's estimate may still include slower code.
 */
export function widenForClock(bench, makers, batch, maxBatch, clock, clockResolutionNs) {
  for (let widenings = 0; widenings < MAX_WIDENINGS && batch < maxBatch; widenings++) {
    if (Math.min(timeLoop(bench, makers, batch, clock), timeLoop(bench, makers, batch, clock)) >= MIN_SAMPLE_TICKS * clockResolutionNs) break;
    batch = Math.min(batch * 2, maxBatch);
  }
  return batch;
}

/**
 * The sampling plan for one case: runs the pilot on `bench` (reading `clock`, which ticks every
 * `clockResolutionNs`), then `{ guard, batch, maxSamples }` for mitata's `batch_samples` and
 * `max_samples` options. A case whose first call (`firstCallNs`, timed before) took PILOT_NS or
 * longer needs no pilot: it is timed in batches of UNROLL calls (of which mitata times one at a
 * time), and each lasts far beyond MIN_SAMPLE_TICKS of any clock.
 */
export function samplingPlan({ bench, makers, resultBytes, budgetNs, clock = now, clockResolutionNs = 0, firstCallNs = 0 }) {
  const guard = memoryGuard(resultBytes);
  if (firstCallNs >= PILOT_NS) return unbatchedPlan(guard);
  // A coarse clock's pilot may need loops beyond 4,096 calls to see a fast call at all.
  const pilotCalls = guard?.batch ?? (clockResolutionNs > 0 ? MAX_COARSE_PILOT_CALLS : MAX_BATCH);
  const timePerCall = roughTimePerCall(bench, makers, pilotCalls, clock, clockResolutionNs);
  const sized = batchSize(timePerCall, guard, budgetNs, clockResolutionNs);
  const batch = clockResolutionNs > 0 ? widenForClock(bench, makers, sized, guard?.batch ?? MAX_COARSE_BATCH, clock, clockResolutionNs) : sized;
  return { guard, batch, maxSamples: samplesAllowed(guard) };
}

/**
 * The plan for a call whose promise is awaited: no pilot (its loops would leave promises
 * pending), batches of UNROLL calls (mitata awaits one call at a time anyway once a call
 * takes longer than its 65 µs batching threshold), within the memory guard.
 */
export function awaitedPlan(resultBytes) {
  return unbatchedPlan(memoryGuard(resultBytes));
}

/** The plan without a pilot: batches of UNROLL calls, within `guard` (a memoryGuard or null). */
function unbatchedPlan(guard) {
  return { guard, batch: UNROLL, maxSamples: samplesAllowed(guard) };
}

/** The most samples a case may take in one process: MAX_SAMPLES, or fewer under `guard`. */
function samplesAllowed(guard) {
  return Math.min(MAX_SAMPLES, guard?.maxSamples ?? Infinity);
}
