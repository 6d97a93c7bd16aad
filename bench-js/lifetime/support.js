// Waiting on the event loop inside an experiment: finalizers (Node-API's and
// FinalizationRegistry callbacks) only run when it turns.
'use strict';

/** Resolves after one turn of the event loop (a setImmediate). */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Resolves after `ms` milliseconds. */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Turns the event loop until `done()` is true or `timeoutMs` passed, sampling after each
 * turn (and calling `collect()` first when given, e.g. a forced GC); resolves with the
 * milliseconds it took, or null when it timed out.
 */
async function settle(sampler, done, { timeoutMs, collect = null, label }) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    collect?.();
    await sleep(5);
    sampler.sample(label);
    if (done()) return performance.now() - started;
  }
  return null;
}

/** Forces full GCs across a few event-loop turns, so that WeakRefs clear and finalizers run. */
async function collect() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await sleep(2);
  }
}

module.exports = { turn, sleep, settle, collect };
