// Call-overhead cases: what one call across the boundary costs, for the smallest
// possible payloads. Each row runs on every implementation.
//
// A case is `{ group, name, prepare(impl) }`; `prepare` returns `{ arg, call }`:
// `arg()` computes a fresh argument (outside the timed loop, so the JIT cannot hoist
// a constant) and `call(x)` is the timed call, whose result goes to a sink.
'use strict';

const ints = () => {
  let i = 0;
  return () => (i = (i + 1) & 0xffff);
};

const floats = (length) => () => Float64Array.from({ length }, (_, i) => i * 0.5);

module.exports = [
  { group: 'call', name: 'noop()', prepare: (impl) => ({ arg: ints(), call: () => impl.noop() }) },
  { group: 'call', name: 'add(i32, i32)', prepare: (impl) => ({ arg: ints(), call: (i) => impl.add(i, 7) }) },
  {
    group: 'call', name: 'sum(Float64Array[1000])',
    prepare: (impl) => {
      const data = floats(1000)();
      return { arg: () => data, call: (values) => impl.sum(values) };
    },
  },
];
