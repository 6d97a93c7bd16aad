// Call-overhead cases: what one call across the boundary costs with the smallest
// payloads. Exports `{ group: [rows] }`; every row runs on every implementation that has
// the functions it `uses` (the others show "-"). A row is
//   id            its key, stable across relabelling: the case id is `<group>/<id>` (or
//                 `<group>/<id>@<size>` in a sweep), built by harness/lib/cases.js
//   name          the row's label in the reports
//   uses          the API names it calls
//   needs         optional: what it needs beyond the binding ('node': Node's own modules)
//   args          argument makers (bench-js/inputs.js), or `({ impl, size }) => [makers]`
//   call          `(impl, ...args) => result`: the timed call; its result goes to a sink
//   resultBytes   optional: bytes of data one call returns (a number, or `({ size }) => n` in
//                 a sweep); large results are timed in smaller batches (harness/lib/worker.mjs)
//   ladder        optional, for a rung of an overhead ladder: `{ group, of, step, adds }`,
//                 the case it rebuilds (`of`, a row id of `group`), its step number and what
//                 the rung adds; the report's breakdown reads these, and labels the rung
//                 `<that case's name> step <n>: <adds>`
// The `overhead` group is the napi-rs overhead ladder: for a case of the `call` group, the
// Node-API floor with napi-rs's generated steps added back one at a time
// (napi-binding/src/floor/overhead*.rs), each rung having every step before it. Only napi-raw
// has the rungs. LADDERS below declares them.
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

/**
 * The overhead ladders, as data: per `call` case (`of`, its row id), the rungs in order, each
 * with what it adds to the floor, the API it calls and how.
 */
const LADDERS = [
  { of: 'noop', rungs: [
    { adds: 'undefined via ToNapiValue, Result', uses: ['noopRung1'], args: [], call: (impl) => impl.noopRung1() },
    { adds: '+ NativeBorrowBarrier',             uses: ['noopRung2'], args: [], call: (impl) => impl.noopRung2() },
    { adds: '+ catch_unwind',                    uses: ['noopRung3'], args: [], call: (impl) => impl.noopRung3() },
  ] },
  { of: 'add', rungs: [
    { adds: 'CallbackInfo (reads this), conversions, Result', uses: ['addRung1'], args: [ints(), ints()], call: (impl, a, b) => impl.addRung1(a, b) },
    { adds: '+ NativeBorrowScope (Arc<Mutex>, TLS stack)',    uses: ['addRung2'], args: [ints(), ints()], call: (impl, a, b) => impl.addRung2(a, b) },
    { adds: '+ NativeBorrowBarrier',                          uses: ['addRung3'], args: [ints(), ints()], call: (impl, a, b) => impl.addRung3(a, b) },
    { adds: '+ deferred scope hand-off',                      uses: ['addRung4'], args: [ints(), ints()], call: (impl, a, b) => impl.addRung4(a, b) },
    { adds: '+ catch_unwind',                                 uses: ['addRung5'], args: [ints(), ints()], call: (impl, a, b) => impl.addRung5(a, b) },
  ] },
  { of: 'counter.increment', rungs: [
    { adds: 'CallbackInfo, ToNapiValue, Result',                 uses: ['LadderCounter'], args: ladderCounters, call: (impl, counter) => counter.incrementRung1() },
    { adds: '+ type-tag check',                                  uses: ['LadderCounter'], args: ladderCounters, call: (impl, counter) => counter.incrementRung2() },
    { adds: '+ borrow scope, barrier, hand-off',                 uses: ['LadderCounter'], args: ladderCounters, call: (impl, counter) => counter.incrementRung3() },
    { adds: '+ &mut self borrow (global Mutex<HashMap>)',        uses: ['LadderCounter'], args: ladderCounters, call: (impl, counter) => counter.incrementRung4() },
    { adds: '+ catch_unwind',                                    uses: ['LadderCounter'], args: ladderCounters, call: (impl, counter) => counter.incrementRung5() },
  ] },
];

module.exports = {
  call: [
    { id: 'noop',               name: 'noop()',                  uses: ['noop'],       args: [],                             call: (impl) => impl.noop() },
    { id: 'add',                name: 'add(i32, i32)',           uses: ['add'],        args: [ints(), ints()],               call: (impl, a, b) => impl.add(a, b) },
    { id: 'mulAdd',             name: 'mulAdd(f64, f64, f64)',   uses: ['mulAdd'],     args: [floats(), floats(), floats()], call: (impl, a, b, c) => impl.mulAdd(a, b, c) },
    { id: 'not',                name: 'not(bool)',               uses: ['not'],        args: [bools()],                      call: (impl, v) => impl.not(v) },
    { id: 'addU64',             name: 'addU64(bigint, bigint)',  uses: ['addU64'],     args: [u64s(), u64s()],               call: (impl, a, b) => impl.addU64(a, b) },
    { id: 'throwError',         name: 'throwError(message)',     uses: ['throwError'], args: [rotate(['a', 'bb', 'ccc'])],   call: caught },
    { id: 'counter.increment',  name: 'counter.increment()',     uses: ['Counter'],    args: counters,                       call: (impl, counter) => counter.increment() },
    { id: 'newCounter',         name: 'new Counter(1), dropped', uses: ['Counter'],    args: [constant(1)],                  call: (impl, start) => new impl.Counter(start) },
    { id: 'callOnce',           name: 'callOnce(fn)',            uses: ['callOnce'],   args: [callbacks()],                  call: (impl, fn) => impl.callOnce(fn) },
    { id: 'callMany',           name: 'callMany(fn, 1000)',      uses: ['callMany'],   args: [callbacks(), constant(1000)],  call: (impl, fn, n) => impl.callMany(fn, n) },
  ],
  overhead: LADDERS.flatMap(({ of, rungs }) => rungs.map((rung, i) => ({
    id: `${of}.step${i + 1}`, ladder: { group: 'call', of, step: i + 1, adds: rung.adds }, uses: rung.uses, args: rung.args, call: rung.call,
  }))),
};
