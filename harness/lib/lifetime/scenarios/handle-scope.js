// Scenario "handleScope": for each size in `slotSizes`, `count` JS arrays of that many holes
// made inside one native call, each in its own handle scope (napi) / dropped at the end of
// its iteration (wasm) when `scoped`, otherwise all reachable until the call returns. A
// callback `gcsInCall` times during the call (evenly spaced, the last after the last value)
// forces a full GC and reads the JS heap: the peak shows what the call pins per value. The same arrays made and kept in plain JS give the value's
// own size, so that the per-handle cost (pinned bytes − the value's own) stands apart —
// on the first size, in a fresh process, and on the later ones, once whatever table the
// binding keeps its handles in has grown — and least-squares lines `bytes = a + b · slots`
// over the sizes separate the fixed part from the part that grows with the value.
'use strict';

/** Heap bytes per value of `count` arrays of `slots` holes kept in a JS array allocated beforehand. */
function ownBytesPerValue(impl, count, slots) {
  const kept = new Array(count).fill(null);
  impl.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) kept[i] = new Array(slots);
  impl.gc();
  const bytes = (process.memoryUsage().heapUsed - before) / count;
  if (kept.length !== count) throw new Error('unreachable: keeps the arrays alive until measured');
  return bytes;
}

/** Peak heap growth per value while one native call makes `count` arrays of `slots`. */
function pinnedBytesPerValue(impl, sampler, { count, slots, scoped, gcsInCall }) {
  const every = Math.ceil(count / gcsInCall);
  impl.gc();
  const before = sampler.sample(`start, ${slots} slots`);
  let peakHeap = before.heapUsed;
  impl.makeValues(count, slots, scoped, every, () => {
    impl.gc();
    peakHeap = Math.max(peakHeap, sampler.sample(`in call, ${slots} slots`).heapUsed);
  });
  impl.gc();
  const after = sampler.sample(`returned, ${slots} slots`);
  return { pinned: (peakHeap - before.heapUsed) / count, afterReturn: (after.heapUsed - before.heapUsed) / count };
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

/** Runs the scenario; resolves with its measures (per size `…@slots`, and the fits). */
async function handleScope(impl, sampler, { count, slotSizes, scoped, gcsInCall }) {
  const measures = { count };
  const pinned = [];
  const handles = [];
  for (const slots of slotSizes) {
    const own = ownBytesPerValue(impl, count, slots);
    const call = pinnedBytesPerValue(impl, sampler, { count, slots, scoped, gcsInCall });
    Object.assign(measures, {
      [`bytesPerValue@${slots}`]: call.pinned,
      [`ownBytesPerValue@${slots}`]: own,
      [`handleBytesPerValue@${slots}`]: call.pinned - own,
      [`bytesPerValueAfterReturn@${slots}`]: call.afterReturn,
    });
    pinned.push([slots, call.pinned]);
    handles.push(call.pinned - own);
  }
  const fit = fitLine(pinned);
  const ownFit = fitLine(slotSizes.map((slots) => [slots, measures[`ownBytesPerValue@${slots}`]]));
  return {
    ...measures,
    pinnedFixedBytes: fit?.intercept ?? null,
    pinnedBytesPerSlot: fit?.slope ?? null,
    ownFixedBytes: ownFit?.intercept ?? null,
    ownBytesPerSlot: ownFit?.slope ?? null,
    handleBytesFirstCall: handles[0],
    handleBytesLaterCalls: handles.length > 1 ? handles.slice(1).reduce((s, h) => s + h, 0) / (handles.length - 1) : null,
  };
}

module.exports = { handleScope, fitLine };
