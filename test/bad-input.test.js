// Bad and hostile input from JavaScript, across the whole exported surface of both
// packages: every function, constructor, method and getter is called with wrong types,
// missing arguments, NaN, -0, infinities, huge sizes, BigInts and Symbols, Proxies whose
// traps throw, objects whose valueOf/toString throw, detached, shared and other-realm
// buffers; every method and getter also on a foreign and a forged `this`, on freed
// objects and on an ended HeapDiff. Each call must return or throw an Error with a clear
// message — never crash the process or leak wasm-bindgen's or napi-rs's internals — and
// both packages must give the same kind of outcome for the same call. The surface (the
// product and the lab: each package's lab API, as the harness loads it) is
// enumerated here, so a new export is covered without editing this file; a new class
// only needs a way to make an instance (test/bindings.js; the test fails until it has one).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const vm = require('node:vm');
const { LABS, INSTANCES, membersOf } = require('./bindings.js');

/** Errors the hostile values themselves throw: they may pass through a call unchanged. */
class HostileError extends Error {}
const hostile = () => {
  throw new HostileError('hostile value');
};

/** A buffer whose memory has been transferred away. */
function detached() {
  const bytes = new Uint8Array(16);
  structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
  return bytes;
}

const revoked = Proxy.revocable({}, {});
revoked.revoke();
const OTHER_REALM = vm.runInNewContext('({ bytes: new Uint8Array([1, 2, 3]), floats: new Float64Array([1, 2]), object: { x: 1, y: 2 } })');

/** The wrong and hostile values every parameter is tried with, each with its label. */
const BAD = [
  ['undefined', undefined], ['null', null], ['"str"', 'str'], ['""', ''], ['NaN', NaN], ['-1', -1], ['-0', -0],
  ['1.5', 1.5], ['Infinity', Infinity], ['-Infinity', -Infinity], ['2**53', 2 ** 53], ['2**53+1', 2 ** 53 + 1],
  ['1e300', 1e300], ['{}', {}], ['[1, 2]', [1, 2]], ['Symbol', Symbol('s')], ['1n', 1n], ['-1n', -1n], ['2n**64n', 2n ** 64n],
  ['fn', () => 0], ['Float64Array', new Float64Array(3)], ['Uint8Array', new Uint8Array(3)], ['detached', detached()],
  ['shared Uint8Array', new Uint8Array(new SharedArrayBuffer(4)).fill(1)],
  ['shared Float64Array', new Float64Array(new SharedArrayBuffer(16)).fill(1)],
  ['other-realm Uint8Array', OTHER_REALM.bytes], ['other-realm Float64Array', OTHER_REALM.floats], ['other-realm object', OTHER_REALM.object],
  ['throwing Proxy', new Proxy({}, { get: hostile, has: hostile, ownKeys: hostile, getOwnPropertyDescriptor: hostile, getPrototypeOf: hostile })],
  ['revoked Proxy', revoked.proxy],
  ['throwing valueOf/toString', { valueOf: hostile, toString: hostile, [Symbol.toPrimitive]: hostile }],
];

/** Messages that say nothing to a user (internals, empty, unformatted templates). */
const UNCLEAR = [/^\s*$/, /\$name/, /null pointer passed to rust/, /unreachable/i, /memory access out of bounds/,
  /Get TypedArray info failed/, /Call Function failed/, /^undefined$/, /Failed to convert/, /rust type/, /Illegal invocation/,
  /stale object from previous Wasm instance/];

/** Exports only one package has (see test/types.test.js): no pairwise comparison. The
 * `raw` floors are unchecked on purpose (they are what the checked calls are measured
 * against), so only their clarity is checked. */
const ONE_SIDED = /^(raw\.|referenceCounters|reportedExternalMemory|rawExports|heapLiveCount|JsHolder\.unrefOnly|(Counter|GcMonitor|Tracked|JsHolder)\.free)/;

/** Constructors and functions that take no arguments and are slow (a heap snapshot
 * each, or a GC): called once. */
const CALL_ONCE = new Set(['HeapDiff', 'gc', 'startAsync', 'end', 'endAsync']);

/** What a call did: 'value <typeof>', the name of the Error it threw, or 'hostile' for
 * the hostile value's own error passing through. */
async function outcome(fn) {
  try {
    const result = await fn();
    return { kind: `value ${typeof result}` };
  } catch (error) {
    if (error instanceof HostileError) return { kind: 'hostile' };
    return { kind: error instanceof Error ? error.constructor.name : `non-Error ${typeof error}`, error };
  }
}

/** Patterns allowed in the `raw` floors: napi's overhead-ladder rungs repeat napi-rs's
 * generated conversions on purpose, with napi-rs's messages. */
const RAW_UPSTREAM = [/Failed to convert/, /rust type/];

/** Checks that a thrown error is a clear Error. */
function checkClear(where, { kind, error }) {
  if (!error) return;
  assert.ok(error instanceof Error, `${where} threw a non-Error: ${String(error)}`);
  const allowed = /: raw\./.test(where) ? RAW_UPSTREAM : [];
  for (const pattern of UNCLEAR.filter((p) => !allowed.some((a) => a.source === p.source))) {
    assert.doesNotMatch(error.message, pattern, `${where} threw ${kind}: "${error.message}"`);
  }
}

/** Every argument list tried, labelled: each bad value alone, twice and three times. */
function* argumentLists(once) {
  yield ['', []];
  if (once) return;
  for (const [label, value] of BAD) for (let n = 1; n <= 3; n++) yield [Array(n).fill(label).join(', '), Array(n).fill(value)];
}

/** The receivers that are not the class's own objects: foreign, forged from the
 * prototype, forged with a wasm-bindgen pointer, and another class's object. */
function wrongReceivers(binding, Class) {
  const forged = Object.create(Class.prototype);
  forged.__wbg_ptr = 8;
  const other = Class === binding.Counter ? new binding.GcMonitor() : new binding.Counter(1);
  return [['{}', {}], ['Object.create(prototype)', Object.create(Class.prototype)], ['forged __wbg_ptr 8', forged],
    ['{ __wbg_ptr: 8 }', { __wbg_ptr: 8 }], ['another class', other], ['undefined', undefined]];
}

/** Sweeps one package, returning call label -> outcome kind; checks every error is clear. */
async function sweep(name, binding) {
  const results = new Map();
  const attempt = async (where, fn) => {
    const result = await outcome(fn);
    checkClear(`${name}: ${where}`, result);
    results.set(where, result.kind);
  };
  const sweepInstance = async (label, Class, instance) => {
    for (const [key, kind] of membersOf(Class)) {
      const desc = Object.getOwnPropertyDescriptor(Class.prototype, key);
      if (kind === 'getter') {
        await attempt(`${label}.${key}`, () => instance[key]);
        continue;
      }
      if (key === 'free') continue;
      for (const [args, values] of argumentLists(CALL_ONCE.has(key))) {
        await attempt(`${label}.${key}(${args})`, () => desc.value.apply(instance, values));
      }
    }
  };

  for (const [key, value] of Object.entries(binding)) {
    if (typeof value !== 'function' || /^[A-Z]/.test(key)) continue;
    for (const [args, values] of argumentLists(CALL_ONCE.has(key))) await attempt(`${key}(${args})`, () => value(...values));
  }
  for (const [key, fn] of Object.entries(binding.raw)) {
    if (typeof fn !== 'function' || /^[A-Z]/.test(key)) continue;
    for (const [args, values] of argumentLists(false)) await attempt(`raw.${key}(${args})`, () => fn(...values));
  }
  for (const [key, Class] of Object.entries(binding)) {
    if (typeof Class !== 'function' || !/^[A-Z]/.test(key)) continue;
    assert.ok(INSTANCES[key], `add a way to make a ${key} to INSTANCES in test/bindings.js`);
    for (const [args, values] of argumentLists(CALL_ONCE.has(key))) await attempt(`new ${key}(${args})`, () => new Class(...values));
    await attempt(`${key}()`, () => Class());
    for (const [staticKey, fn] of Object.entries(Class)) {
      if (typeof fn === 'function') await attempt(`${key}.${staticKey}()`, () => fn.call(Class));
    }
    await sweepInstance(key, Class, INSTANCES[key](binding));
    if (key === 'HeapDiff') continue; // the front's class, not a binding's: its methods read no `this` state but its own
    for (const [label, receiver] of wrongReceivers(binding, Class)) {
      for (const [member, kind] of membersOf(Class)) {
        const desc = Object.getOwnPropertyDescriptor(Class.prototype, member);
        const call = kind === 'getter' ? () => desc.get.call(receiver) : () => desc.value.call(receiver);
        const where = `${key}.${member} on ${label}`;
        const result = await outcome(call);
        checkClear(`${name}: ${where}`, result);
        results.set(where, result.kind);
        assert.equal(result.kind, 'TypeError', `${name}: ${where} must be a TypeError, got ${result.kind}: ${result.error?.message}`);
        assert.match(result.error.message, new RegExp(`^${key}\\.${member}\\b.*this must be a ${key}`), `${name}: ${where}`);
      }
    }
  }
  for (const [key, make] of Object.entries(INSTANCES)) {
    const instance = make(binding);
    if (typeof instance.free !== 'function') continue;
    instance.free();
    await attempt(`${key}.free() twice`, () => instance.free());
    await sweepInstance(`freed ${key}`, binding[key], instance);
  }
  return results;
}

const RESULTS = {};

for (const [name, binding] of Object.entries(LABS)) {
  test(`${name}: every export, constructor, method and getter answers bad, hostile and forged input clearly`, async () => {
    RESULTS[name] = await sweep(name, binding);
  });

  test(`${name}: an ended HeapDiff throws memwatch's error`, async () => {
    const diff = new binding.HeapDiff();
    diff.end();
    assert.throws(() => diff.end(), /already ended/);
    await assert.rejects(diff.endAsync(), /already ended/);
  });
}

test('both packages give the same kind of outcome for every call they share', () => {
  const { napi, wasm } = RESULTS;
  assert.ok(napi && wasm, 'both sweeps ran');
  const differ = [];
  for (const [where, kind] of napi) {
    if (ONE_SIDED.test(where) || ONE_SIDED.test(where.replace(/^freed /, ''))) continue;
    if (!wasm.has(where)) continue;
    if (wasm.get(where) !== kind) differ.push(`${where}: napi ${kind}, wasm ${wasm.get(where)}`);
  }
  assert.deepEqual(differ, []);
  assert.ok([...napi.keys()].filter((where) => wasm.has(where)).length > 5000, 'thousands of calls compared');
});

test("issue 17's examples: both packages refuse them alike, naming the call and the argument", () => {
  for (const [name, m] of Object.entries(LABS)) {
    const snapshot = INSTANCES.HeapSnapshot(m);
    assert.throws(() => snapshot.topClasses('a'), { name: 'TypeError', message: 'HeapSnapshot.topClasses(n): n must be a number, got the string "a"' }, name);
    assert.throws(() => snapshot.topClasses(-1), { name: 'RangeError', message: 'HeapSnapshot.topClasses(n): n must be an integer in [0, 2^32), got number -1' }, name);
    assert.throws(() => m.add('a', 2), { name: 'TypeError', message: 'add(a, b): a must be a number, got the string "a"' }, name);
    assert.throws(() => m.throwError(''), { name: 'RangeError', message: 'throwError(message): message must be a non-empty string, got the string ""' }, name);
    assert.throws(() => m.HeapSnapshot.prototype.topClasses.call({}, 3), { name: 'TypeError', message: `HeapSnapshot.topClasses(n): this must be a HeapSnapshot made by @bindlab/${name}, got an object (Object)` }, name);
    assert.throws(() => m.Counter.prototype.increment.call({ __wbg_ptr: 8 }), { name: 'TypeError', message: `Counter.increment(): this must be a Counter made by @bindlab/${name}, got an object (Object)` }, name);
    assert.throws(() => m.callMany(() => 1, -1), RangeError, `${name}: a negative count is refused, not read as 2^32 - 1 calls`);
  }
});

test('the refusals the core words (limits, states, unknown names) read the same, word for word, on both packages', () => {
  const { constants: { NODE_PERFORMANCE_GC_MAJOR: MAJOR } } = require('node:perf_hooks');
  const holder = (m) => new m.JsHolder(m === LABS.wasm ? 'jsvalue' : 'two-phase');
  const CALLS = {
    'callMany above its cap': (m) => m.callMany(() => 1, 2 ** 32 - 1),
    'makeBytes above its limit': (m) => m.makeBytes(2 ** 31),
    'makePoints above its limit': (m) => m.makePoints(2 ** 31),
    'new Tracked above its limit': (m) => new m.Tracked(2 ** 31),
    'makeValues above its limit': (m) => m.makeValues(2 ** 31, 0, false, 0, () => {}),
    'JsHolder.hold above its limit': (m) => holder(m).hold({}, 2 ** 31),
    'JsHolder.hold twice': (m) => { const h = holder(m); h.hold({}, 1); h.hold({}, 1); },
    'JsHolder.get empty': (m) => holder(m).get(),
    'new HeapSnapshot': (m) => new m.HeapSnapshot(),
    'new HeapSummary': (m) => new m.HeapSummary(),
    'a finished parser': (m) => { const p = new m.SnapshotParser(); p.finish(); p.feed(new Uint8Array([1])); },
    'GcMonitor.record of an unknown kind': (m) => new m.GcMonitor().record(99, 1, 1, 1),
    'GcMonitor.record of NaN bytes': (m) => new m.GcMonitor().record(MAJOR, NaN, 1, 1),
    'GcMonitor options': (m) => new m.GcMonitor({ mode: 'x' }),
    'GcMonitor event': (m) => new m.GcMonitor().on('x', () => {}),
  };
  for (const [label, call] of Object.entries(CALLS)) {
    const [napi, wasm] = [LABS.napi, LABS.wasm].map((m) => {
      try {
        call(m);
        return 'no error';
      } catch (error) {
        return `${error.name}: ${error.message}`;
      }
    });
    assert.notEqual(napi, 'no error', label);
    assert.equal(wasm, napi, label);
  }
  assert.throws(() => LABS.napi.callMany(() => 1, 2 ** 32 - 1), { name: 'RangeError', message: 'callMany(f, n): n must be at most 10000000, got 4294967295' });
});
