// Experiment 4: M JS values made inside one native call — with a handle scope around each
// (napi) or each JsValue dropped at the end of its iteration (wasm), or all kept until
// the call returns. A forced GC every 10,000 values shows what the call pins.
'use strict';

const base = { count: 100000, slots: 16, every: 10000 };

module.exports = [{
  id: 'handle-scope',
  title: 'JS values made inside one native call',
  question: 'Do values made in a loop inside one call pile up until it returns?',
  scenario: 'handleScope',
  sampled: ['heapUsed', 'heapSlots'],
  tiny: { count: 4000, every: 1000 },
  runs: [
    { binding: 'napi', variant: 'no-scope', params: { ...base, scoped: false } },
    { binding: 'napi', variant: 'scope-each', params: { ...base, scoped: true } },
    { binding: 'wasm', variant: 'kept', params: { ...base, scoped: false } },
    { binding: 'wasm', variant: 'dropped-each', params: { ...base, scoped: true } },
  ],
  rules: [
    { says: 'napi without a scope: values pile up (peak heap > 4x the scoped run)', left: 'napi/no-scope.peakHeapGrowth', op: '>', right: 'napi/scope-each.peakHeapGrowth', times: 4 },
    { says: 'napi without a scope: the peak holds at least 64 bytes per value', left: 'napi/no-scope.bytesPerValueAtPeak', op: '>=', right: 64 },
    { says: 'napi with a scope per value: under 16 bytes per value at the peak', left: 'napi/scope-each.bytesPerValueAtPeak', op: '<', right: 16 },
    { says: 'wasm dropping each JsValue needs no scope: under 16 bytes per value at the peak', left: 'wasm/dropped-each.bytesPerValueAtPeak', op: '<', right: 16 },
    { says: 'wasm keeping the JsValues piles up like napi without a scope (> 4x dropped)', left: 'wasm/kept.peakHeapGrowth', op: '>', right: 'wasm/dropped-each.peakHeapGrowth', times: 4 },
  ],
}];
