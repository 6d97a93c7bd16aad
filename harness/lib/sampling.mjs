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
 * `makers` before each loop, outside the time read from `clock` (ns).
 */
export function roughTimePerCall(bench, makers, maxCalls, clock = now) {
  let fastest = Infinity;
  let total = 0;
  for (let calls = 1, loop = 0; ; calls = Math.min(calls * 4, maxCalls), loop++) {
    const args = Array.from({ length: calls }, () => makers.map((make) => make()));
    const start = clock();
    for (const a of args) bench(...a);
    const elapsed = clock() - start;
    total += elapsed;
    if (loop === 0) continue;
    fastest = Math.min(fastest, elapsed / calls);
    if (total >= PILOT_NS || calls === maxCalls) return fastest;
  }
}

/**
 * Calls per sample: mitata's 4,096, unless a call is so slow that 4,096-call samples would give
 * fewer than TARGET_SAMPLES within `budgetNs` (or the memory guard allows fewer); a multiple of
 * UNROLL, at least UNROLL. mitata's first 12 samples are taken whatever the budget, so without
 * this a 60 µs call would be timed for 3 s.
 */
export function batchSize(timePerCall, guard, budgetNs) {
  const forTime = Math.floor(budgetNs / (TARGET_SAMPLES * timePerCall * UNROLL)) * UNROLL;
  return Math.min(guard?.batch ?? MAX_BATCH, Math.max(UNROLL, forTime));
}

/**
 * The sampling plan for one case: runs the pilot on `bench` (reading `clock`), then
 * `{ guard, batch, maxSamples }` for mitata's `batch_samples` and `max_samples` options.
 */
export function samplingPlan({ bench, makers, resultBytes, budgetNs, clock = now }) {
  const guard = memoryGuard(resultBytes);
  const batch = batchSize(roughTimePerCall(bench, makers, guard?.batch ?? MAX_BATCH, clock), guard, budgetNs);
  return { guard, batch, maxSamples: Math.min(MAX_SAMPLES, guard?.maxSamples ?? Infinity) };
}
