// What the lifetime experiments' code shares (and the repro claims that reuse it): waiting
// on the event loop, since finalizers (Node-API's and FinalizationRegistry callbacks) only
// run when it turns; forced collections; reading a holder; a least-squares line.
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

/** Whether `holder` (a JsHolder) still leads to the object `weak` points at (a weak holder throws once it is gone). */
function stillHeld(holder, weak) {
  try {
    return weak.deref() !== undefined && holder.get() === weak.deref();
  } catch {
    return false;
  }
}

/** The least-squares line through `points` (`[x, y]`): `{ intercept, slope }`; null with fewer than two distinct x. */
function fitLine(points) {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  return { intercept: my - slope * mx, slope };
}

module.exports = { turn, sleep, settle, collect, stillHeld, fitLine };
