// Call-overhead cases: what one call across the boundary costs with the smallest
// payloads. Exports `{ group: [rows] }`; every row runs on every implementation that has
// the functions it `uses` (the others show "-"). A row is
//   name          the row's label in the reports
//   uses          the API names it calls
//   args          argument makers (bench-js/inputs.js), or `({ impl, size }) => [makers]`
//   call          `(impl, ...args) => result`: the timed call; its result goes to a sink
//   resultBytes   optional: bytes of data one call returns (a number, or `({ size }) => n` in
//                 a sweep); large results are timed in smaller batches (harness/lib/worker.mjs)
'use strict';

const { rotate, ints, floats, bools, u64s, constant, callbacks } = require('./inputs.js');

/** Counters made by the implementation under test, for the method-call row. */
const counters = ({ impl }) => [rotate([new impl.Counter(0), new impl.Counter(1), new impl.Counter(2)])];

/** Calls `throwError` and returns what it threw (the sink needs a value). */
function caught(impl, message) {
  try {
    return impl.throwError(message);
  } catch (error) {
    return error;
  }
}

module.exports = {
  call: [
    { name: 'noop()',                  uses: ['noop'],       args: [],                             call: (impl) => impl.noop() },
    { name: 'add(i32, i32)',           uses: ['add'],        args: [ints(), ints()],               call: (impl, a, b) => impl.add(a, b) },
    { name: 'mulAdd(f64, f64, f64)',   uses: ['mulAdd'],     args: [floats(), floats(), floats()], call: (impl, a, b, c) => impl.mulAdd(a, b, c) },
    { name: 'not(bool)',               uses: ['not'],        args: [bools()],                      call: (impl, v) => impl.not(v) },
    { name: 'addU64(bigint, bigint)',  uses: ['addU64'],     args: [u64s(), u64s()],               call: (impl, a, b) => impl.addU64(a, b) },
    { name: 'throwError(message)',     uses: ['throwError'], args: [rotate(['a', 'bb', 'ccc'])],   call: caught },
    { name: 'counter.increment()',     uses: ['Counter'],    args: counters,                       call: (impl, counter) => counter.increment() },
    { name: 'new Counter(1), dropped', uses: ['Counter'],    args: [constant(1)],                  call: (impl, start) => new impl.Counter(start) },
    { name: 'callOnce(fn)',            uses: ['callOnce'],   args: [callbacks()],                  call: (impl, fn) => impl.callOnce(fn) },
    { name: 'callMany(fn, 1000)',      uses: ['callMany'],   args: [callbacks(), constant(1000)],  call: (impl, fn, n) => impl.callMany(fn, n) },
  ],
};
