// The binding variants of issue 13 (harness/lib/variants.js: napi-compat, napi-v2, neon,
// emnapi) against plain JavaScript and the shipped napi package:
//  - conformance: every bench case of the call and transfer tables that a variant
//    implements gives, call after call, the results plain JS gives (sweeps at their smaller
//    sizes);
//  - bad input: every guarded export called with hostile values returns or throws the same
//    kind of outcome (TypeError, RangeError, other Error, a value) as @bindlab/napi does for
//    the same call, and a missing argument is a TypeError naming the call; a method on a
//    forged `this` is a TypeError;
//  - panics: a Rust panic is a thrown Error (emnapi: a WebAssembly RuntimeError, as the
//    wasm32-wasip1-threads target aborts on panic) and the process and later calls go on.
// A variant that the bootstrap could not build for a missing toolchain piece is skipped with
// the reason it wrote; one whose build failed fails here.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { VARIANTS } = require('../harness/lib/variants.js');
const { loadImplementation } = require('../harness/lib/implementations.js');
const { expandTables } = require('../harness/lib/cases.js');
const { SIGNATURES } = require('@bindlab/api/lib/check.js');
const plain = require('@bindlab/bench-js/plain.js');

/** The bench tables the variants implement: call and transfer (not the napi-raw ladders). */
const CASES = expandTables([require('@bindlab/bench-js/call-overhead.js'), require('@bindlab/bench-js/transfer.js')])
  .filter((c) => !c.ladder && (c.sweep === null || c.sweep.size <= 4096));

/** How many successive calls of a case are compared: a multiple of every rotation length of
 * bench-js/inputs.js (1 to 4), whose makers are shared, so that the variant's calls see the
 * same arguments as plain JS's before them. */
const CALLS = 12;

/** A case's result in a comparable form: errors by class name and message, typed arrays by
 * kind and contents, counters by value; anything else as it is. */
function comparable(value) {
  if (value instanceof Error) return { error: value.constructor.name, message: value.message };
  if (ArrayBuffer.isView(value)) return { view: value.constructor.name, items: Array.from(value) };
  if (value !== null && typeof value === 'object' && typeof value.increment === 'function') return { counter: value.value };
  return value;
}

/** `CALLS` results of case `testCase` on `impl`, each call with the next arguments. */
function resultsOf(testCase, impl) {
  const makers = testCase.args(impl);
  return Array.from({ length: CALLS }, () => comparable(testCase.call(impl, ...makers.map((make) => make()))));
}

/** Hostile and wrong-typed argument values. */
const HOSTILE = [
  undefined, null, Symbol('s'), 'text', '', -1, 0.5, NaN, -0, Infinity, 2 ** 53 + 2, 2n ** 70n, -1n, {}, [],
  { valueOf() { throw new Error('valueOf'); } }, new Proxy({}, { get() { throw new Error('trap'); } }),
  new Uint8Array(0), new Float64Array([1, 2]), () => 1,
];

/** How a call ended, as a kind: 'returned', or the class of what it threw. */
function outcome(call) {
  try {
    call();
    return 'returned';
  } catch (error) {
    if (error instanceof TypeError) return 'TypeError';
    if (error instanceof RangeError) return 'RangeError';
    return error instanceof Error ? 'Error' : `threw ${typeof error}`;
  }
}

/** The plain functions of `api` that have a signature (they take arguments), but the panic
 * probe, which its own test covers. */
const checkedFunctions = (api) => Object.keys(api)
  .filter((name) => typeof api[name] === 'function' && /^[a-z]/.test(name) && SIGNATURES[name] && name !== 'panicProbe');

const napi = loadImplementation('napi', require);

for (const [id, declared] of Object.entries(VARIANTS)) {
  const reason = declared.unavailable();
  const skip = reason && reason.startsWith('needs ') ? `${id} ${reason}` : false;

  test(`${id}: built (or skipped for a missing toolchain piece)`, { skip }, () => {
    assert.equal(reason, null, `${id} ${reason}`);
  });

  const api = reason ? {} : loadImplementation(id, require);

  test(`${id}: every call and transfer case it implements gives plain JavaScript's results`, { skip: skip || reason !== null }, () => {
    const implemented = CASES.filter((c) => c.uses.every((name) => typeof api[name] === 'function'));
    const calls = CASES.filter((c) => c.group === 'call');
    assert.deepEqual(calls.filter((c) => !implemented.includes(c)).map((c) => c.id), [], 'every row of the call group');
    for (const testCase of implemented) {
      assert.deepEqual(resultsOf(testCase, api), resultsOf(testCase, plain), testCase.id);
    }
  });

  test(`${id}: hostile arguments give the outcome @bindlab/napi gives, a missing one a TypeError naming the call`, { skip: skip || reason !== null }, () => {
    const names = checkedFunctions(api).filter((name) => typeof napi[name] === 'function');
    assert.ok(names.includes('add') && names.includes('makeBytes'), `${id} has the guarded probes`);
    for (const name of names) {
      const arity = SIGNATURES[name].length;
      assert.throws(() => api[name](), (e) => e instanceof TypeError && e.message.startsWith(`${name}(`), `${name}() without arguments`);
      for (const [index, value] of HOSTILE.entries()) {
        for (let position = 0; position < arity; position++) {
          const args = () => validArguments(name).map((valid, i) => (i === position ? value : valid));
          const variantOutcome = outcome(() => api[name](...args()));
          const napiOutcome = outcome(() => napi[name](...args()));
          assert.equal(variantOutcome, napiOutcome, `${name} with hostile value #${index} at argument ${position}`);
        }
      }
    }
  });

  test(`${id}: Counter refuses a forged this, another package's Counter and a wrong start`, { skip: skip || reason !== null }, () => {
    const foreign = `this must be a Counter made by bindlab's ${id} variant`;
    assert.throws(() => api.Counter.prototype.increment.call({}), (e) => e instanceof TypeError && e.message.startsWith(`Counter.increment(): ${foreign}`));
    assert.throws(() => api.Counter.prototype.increment.call(new napi.Counter(0)), (e) => e instanceof TypeError && e.message.includes(foreign));
    assert.throws(() => new api.Counter('one'), (e) => e instanceof TypeError && /^new Counter\(start\)/.test(e.message));
    const counter = new api.Counter(41);
    assert.equal(counter.increment(), 42);
    assert.equal(counter.value, 42);
  });

  test(`${id}: a Rust panic is a thrown Error, and the process and later calls go on`, { skip: skip || reason !== null }, () => {
    const counter = new api.Counter(1);
    for (const message of ['deliberate panic', 'again']) {
      assert.throws(() => api.panicProbe(message), (error) => {
        if (id === 'emnapi') return error instanceof WebAssembly.RuntimeError;
        return error instanceof Error && error.message.includes(message);
      });
      assert.equal(api.add(2, 3), 5);
    }
    assert.equal(counter.increment(), 2, 'an object made before the panics still works');
  });
}

/** Valid arguments for `name`, made afresh for each call. */
function validArguments(name) {
  const byKind = {
    i32: () => 3, u32: () => 4, number: () => 1.5, boolean: () => true, u64: () => 5n, string: () => 'abc', message: () => 'm',
    function: () => () => 1, Uint8Array: () => new Uint8Array([1, 2, 3]), Float64Array: () => new Float64Array([1, 2]),
    Point: () => ({ x: 1, y: 2 }), Wide: () => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, i])),
  };
  return SIGNATURES[name].map((param) => byKind[param.split(':')[1]]());
}
