// Call-overhead cases: what one call across the boundary costs with the smallest
// payloads. Exports `{ group: [rows] }`; every row runs on every implementation that has
// the functions it `uses` (the others show "-"). A row is
//   name          the row's label in the reports
//   uses          the API names it calls
//   args          argument makers (bench-js/inputs.js), or `({ impl, size }) => [makers]`
//   call          `(impl, ...args) => result`: the timed call; its result goes to a sink
//   resultBytes   optional: bytes of data one call returns (a number, or `({ size }) => n` in
//                 a sweep); large results are timed in smaller batches (harness/lib/worker.mjs)
// The `overhead` group is the napi-rs overhead ladder: for a case of the `call` group, the
// Node-API floor with napi-rs's generated steps added back one at a time
// (napi-binding/src/overhead*.rs), each rung having every step before it. Only napi-raw has
// the rungs. Their names read `<call case> step <n>: <what the rung adds>`, which is what
// the report's overhead breakdown (harness/lib/report/breakdown.js) parses.
'use strict';

const { rotate, ints, floats, bools, u64s, constant, callbacks } = require('./inputs.js');

/** Counters made by the implementation under test, for the method-call row. */
const counters = ({ impl }) => [rotate([new impl.Counter(0), new impl.Counter(1), new impl.Counter(2)])];

/** Counters carrying the overhead ladder's rung methods (napi-raw only). */
const ladderCounters = ({ impl }) => [rotate([new impl.LadderCounter(0), new impl.LadderCounter(1), new impl.LadderCounter(2)])];

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
  overhead: [
    { name: 'noop() step 1: undefined via ToNapiValue, Result',              uses: ['noopRung1'], args: [], call: (impl) => impl.noopRung1() },
    { name: 'noop() step 2: + NativeBorrowBarrier',                          uses: ['noopRung2'], args: [], call: (impl) => impl.noopRung2() },
    { name: 'noop() step 3: + catch_unwind',                                 uses: ['noopRung3'], args: [], call: (impl) => impl.noopRung3() },
    { name: 'add(i32, i32) step 1: CallbackInfo (reads this), conversions, Result', uses: ['addRung1'], args: [ints(), ints()], call: (impl, a, b) => impl.addRung1(a, b) },
    { name: 'add(i32, i32) step 2: + NativeBorrowScope (Arc<Mutex>, TLS stack)',    uses: ['addRung2'], args: [ints(), ints()], call: (impl, a, b) => impl.addRung2(a, b) },
    { name: 'add(i32, i32) step 3: + NativeBorrowBarrier',                   uses: ['addRung3'], args: [ints(), ints()], call: (impl, a, b) => impl.addRung3(a, b) },
    { name: 'add(i32, i32) step 4: + deferred scope hand-off',               uses: ['addRung4'], args: [ints(), ints()], call: (impl, a, b) => impl.addRung4(a, b) },
    { name: 'add(i32, i32) step 5: + catch_unwind',                          uses: ['addRung5'], args: [ints(), ints()], call: (impl, a, b) => impl.addRung5(a, b) },
    { name: 'counter.increment() step 1: CallbackInfo, ToNapiValue, Result', uses: ['LadderCounter'], args: ladderCounters, call: (impl, counter) => counter.incrementRung1() },
    { name: 'counter.increment() step 2: + type-tag check',                 uses: ['LadderCounter'], args: ladderCounters, call: (impl, counter) => counter.incrementRung2() },
    { name: 'counter.increment() step 3: + borrow scope, barrier, hand-off', uses: ['LadderCounter'], args: ladderCounters, call: (impl, counter) => counter.incrementRung3() },
    { name: 'counter.increment() step 4: + &mut self borrow (global Mutex<HashMap>)', uses: ['LadderCounter'], args: ladderCounters, call: (impl, counter) => counter.incrementRung4() },
    { name: 'counter.increment() step 5: + catch_unwind',                   uses: ['LadderCounter'], args: ladderCounters, call: (impl, counter) => counter.incrementRung5() },
  ],
};
