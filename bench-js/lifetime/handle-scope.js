// Experiment 4: M JS values made inside one native call — with a handle scope around each
// (napi) or each JsValue dropped at the end of its iteration (wasm), or all kept until
// the call returns — over arrays of several sizes. A forced GC every 10,000 values shows
// what the call pins; the same arrays kept in plain JS give each value's own size.
// handleScope(), what each run executes: for each size in `slotSizes`, `count` JS arrays of that many holes
// made inside one native call, each in its own handle scope (napi) / dropped at the end of
// its iteration (wasm) when `scoped`, otherwise all reachable until the call returns. A
// callback `gcsInCall` times during the call (evenly spaced, the last after the last value)
// forces a full GC and reads the JS heap: the peak shows what the call pins per value. The same arrays made and kept in plain JS give the value's
// own size, so that the per-handle cost (pinned bytes − the value's own) stands apart —
// on the first size, in a fresh process, and on the later ones, once whatever table the
// binding keeps its handles in has grown — and least-squares lines `bytes = a + b · slots`
// over the sizes separate the fixed part from the part that grows with the value.
'use strict';

const { fitLine } = require('./support.js');

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

const base = { count: 100000, slotSizes: [16, 1, 4, 64], gcsInCall: 10 };
/** Heap readings after a full GC move by up to ~250 KiB between calls: 2.5 bytes per value at 100,000 values, under the 4 bytes (or 5 %) allowed. */
const PER_VALUE = { abs: 4, rel: 0.05 };
/**
 * Each rule's uncertainty: 2.5 bytes per value on each heap reading; a per-handle figure is
 * the difference of two (±3.5); the slope of the fit over 1–64 slots moves by under 0.06.
 */
const NOISE = { 'bytesPerValue@': { abs: 2.5 }, handleBytesFirstCall: { abs: 3.5 }, handleBytesLaterCalls: { abs: 3.5 }, pinnedBytesPerSlot: { abs: 0.06 } };
const oneGc = { reduce: { gcsInCall: 1 }, says: 'one forced GC inside the call instead of ten' };

module.exports = {
  id: 'handle-scope',
  title: 'JS values made inside one native call',
  question: 'Do values made in a loop inside one call pile up until it returns, and what does each cost apart from its own size?',
  instruments: 'a callback from inside the call every 10,000 values forces a full GC and reads the JS heap (the callback itself runs in the call); '
    + 'the value’s own size comes from the same arrays kept in plain JS, in the same process before the call',
  // V8's heap: the bytes per value are V8's layout, and what a forced GC frees inside the call
  // is what a precise collector frees (JavaScriptCore's scans the stack conservatively).
  needs: ['v8Heap'],
  measures: [
    'count', 'bytesPerValue@', 'ownBytesPerValue@', 'handleBytesPerValue@', 'bytesPerValueAfterReturn@', 'pinnedFixedBytes',
    'pinnedBytesPerSlot', 'ownFixedBytes', 'ownBytesPerSlot', 'handleBytesFirstCall', 'handleBytesLaterCalls',
  ],
  units: { pinnedFixedBytes: 'B', pinnedBytesPerSlot: 'B', ownFixedBytes: 'B', ownBytesPerSlot: 'B', handleBytesFirstCall: 'B', handleBytesLaterCalls: 'B' },
  noise: NOISE,
  sampled: ['heapUsed', 'heapSlots'],
  tiny: { slotSizes: [16, 64] }, // fewer values would blur the bytes per value: heap readings move by ~250 KiB
  runs: [
    { binding: 'napi', variant: 'no-scope', params: { ...base, scoped: false } },
    { binding: 'napi', variant: 'scope-each', params: { ...base, scoped: true } },
    { binding: 'wasm', variant: 'kept', params: { ...base, scoped: false } },
    { binding: 'wasm', variant: 'dropped-each', params: { ...base, scoped: true } },
  ],
  controls: [
    { of: 'napi/no-scope', ...oneGc, within: { 'bytesPerValue@16': PER_VALUE, 'bytesPerValue@64': PER_VALUE } },
    { of: 'wasm/kept', ...oneGc, within: { 'bytesPerValue@16': PER_VALUE, 'bytesPerValue@64': PER_VALUE } },
  ],
  rules: [
    { says: 'napi without a scope: 16-slot values pile up (> 4x the scoped run)', left: 'napi/no-scope.bytesPerValue@16', op: '>', right: 'napi/scope-each.bytesPerValue@16', times: 4 },
    { says: 'napi without a scope: what is pinned is the value itself — the handle adds under 8 bytes per value to the JS heap', left: 'napi/no-scope.handleBytesFirstCall', op: '<', right: 8 },
    { says: 'napi without a scope: pinned bytes grow by 8 per slot (7.5–8.5 in the fit)', left: 'napi/no-scope.pinnedBytesPerSlot', op: '>=', right: 7.5 },
    { says: 'napi without a scope: … and by no more than 8.5 per slot', left: 'napi/no-scope.pinnedBytesPerSlot', op: '<=', right: 8.5 },
    { says: 'napi with a scope per value: under 16 bytes per 64-slot value at the peak', left: 'napi/scope-each.bytesPerValue@64', op: '<', right: 16 },
    { says: 'wasm dropping each JsValue needs no scope: under 16 bytes per 64-slot value at the peak', left: 'wasm/dropped-each.bytesPerValue@64', op: '<', right: 16 },
    { says: 'wasm keeping the JsValues piles up like napi without a scope (> 4x dropped)', left: 'wasm/kept.bytesPerValue@16', op: '>', right: 'wasm/dropped-each.bytesPerValue@16', times: 4 },
    { says: 'wasm keeping the JsValues: each costs at least 8 bytes besides the value on a first call (a slot in the glue’s heap array, which grows)', left: 'wasm/kept.handleBytesFirstCall', op: '>=', right: 8 },
    { says: 'wasm keeping the JsValues: later calls reuse the grown heap array (under 8 bytes per value besides the value)', left: 'wasm/kept.handleBytesLaterCalls', op: '<', right: 8 },
  ],
  measure: handleScope,
};
