// Scenario "handleScope": `count` JS arrays of `slots` holes made inside one native call,
// each in its own handle scope (napi) / dropped at the end of its iteration (wasm) when
// `scoped`, otherwise all reachable until the call returns. A callback every `every`
// values forces a full GC and reads the JS heap: the peak shows what the call pins.
'use strict';

/** Runs the scenario; resolves with its measures. */
async function handleScope(impl, sampler, { count, slots, scoped, every }) {
  globalThis.gc();
  const before = sampler.sample('start');
  let peakHeap = before.heapUsed;
  const started = performance.now();
  impl.makeValues(count, slots, scoped, every, () => {
    globalThis.gc();
    peakHeap = Math.max(peakHeap, sampler.sample('in call').heapUsed);
  });
  const callMs = performance.now() - started;
  globalThis.gc();
  const after = sampler.sample('returned');
  return {
    count,
    callMs,
    peakHeapGrowth: peakHeap - before.heapUsed,
    bytesPerValueAtPeak: (peakHeap - before.heapUsed) / count,
    heapGrowthAfterReturn: after.heapUsed - before.heapUsed,
  };
}

module.exports = { handleScope };
