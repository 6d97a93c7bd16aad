// Seed 002: a method on a wrapped native object (the Rust value found through the JS
// object's internal field, or wasm-bindgen's pointer field) against a plain native function.
'use strict';

/** Median nanoseconds per call of `fn` over `rounds` timed loops of `calls` calls. */
function nsPerCall(fn, calls, rounds) {
  const times = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) sink += fn(i);
    times.push(Number(process.hrtime.bigint() - start) / calls);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the calls observable');
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Times `counter.increment()` and `add(i, 1)` on the same binding. */
async function wrappedMethodCost(impl, { calls, rounds }) {
  const counter = new impl.Counter(0);
  const method = () => counter.increment();
  const plain = (i) => impl.add(i, 1);
  nsPerCall(method, calls, 2);
  nsPerCall(plain, calls, 2);
  const methodNs = nsPerCall(method, calls, rounds);
  const plainNs = nsPerCall(plain, calls, rounds);
  return { methodNs, plainNs, ratio: methodNs / plainNs };
}

module.exports = { wrappedMethodCost };
