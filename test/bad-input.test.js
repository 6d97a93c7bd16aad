// Bad input from JavaScript, across the whole exported surface of both packages: every
// function, constructor, method and getter is called with wrong types, missing
// arguments, NaN, huge sizes and detached buffers, and on freed objects and an ended
// HeapDiff. Each call must return or throw an Error with a clear message — never crash
// the process or leak wasm-bindgen's or napi-rs's internals. The surface is enumerated
// here, so a new export is covered without editing this file; a new class only needs
// a way to make an instance (the test fails until it has one).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { BINDINGS } = require('./bindings.js');

const SNAPSHOT = zlib.gunzipSync(fs.readFileSync(path.join(__dirname, '..', 'core', 'tests', 'fixtures', 'before.heapsnapshot.gz')));

/** A buffer whose memory has been transferred away. */
function detached() {
  const bytes = new Uint8Array(16);
  structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
  return bytes;
}

/** The wrong values every parameter is tried with. */
const BAD = [undefined, null, 'str', NaN, -1, 2 ** 53, 1e300, {}, [1, 2], Symbol('s'), 1n, () => 0,
  new Float64Array(3), new Uint8Array(3), detached()];

/** Messages that say nothing to a user (internals, empty, unformatted templates). */
const UNCLEAR = [/^\s*$/, /\$name/, /null pointer passed to rust/, /unreachable/i, /memory access out of bounds/,
  /Get TypedArray info failed/, /Call Function failed/, /^undefined$/];

/** Unclear messages that come from a dependency and cannot be fixed in this project
 * without replacing its conversions, each with its cause. A binding -> patterns map. */
const KNOWN_UPSTREAM = {
  // napi-rs 3.16 builds its wrong-typed-array-kind message inside a macro without
  // substituting `$name` ("Expected $name, got 8"); the kind number is still there.
  napi: [/Expected \$name, got \d+$/],
};

/** How to get an instance of each exported class, so that its methods can be called. */
const INSTANCES = {
  Counter: (m) => new m.Counter(1),
  GcMonitor: (m) => new m.GcMonitor(),
  SnapshotParser: (m) => new m.SnapshotParser(),
  HeapSnapshot: (m) => m.parseSnapshot(SNAPSHOT),
  HeapSummary: (m) => m.parseSnapshot(SNAPSHOT).summarize(),
  HeapDiff: (m) => new m.HeapDiff(),
  Tracked: (m) => new m.Tracked(16),
  JsHolder: (m) => new m.JsHolder(m === BINDINGS.wasm ? 'jsvalue' : 'two-phase'),
};

/** Constructors that take no arguments and are slow (a heap snapshot each): called once. */
const CALL_ONCE = new Set(['HeapDiff', 'gc', 'startAsync', 'end', 'endAsync']);

/** Checks one outcome: a return is fine, a throw must be a clear Error. */
function checkThrown(where, error, binding) {
  assert.ok(error instanceof Error, `${where} threw a non-Error: ${String(error)}`);
  if ((KNOWN_UPSTREAM[binding] ?? []).some((known) => known.test(error.message))) return;
  for (const pattern of UNCLEAR) {
    assert.doesNotMatch(error.message, pattern, `${where} threw ${error.name}: "${error.message}"`);
  }
}

/** Calls `fn` and checks the outcome, awaiting promises. */
async function attempt(binding, where, fn) {
  try {
    const result = fn();
    if (result instanceof Promise) await result;
  } catch (error) {
    checkThrown(where, error, binding);
  }
}

/** Every argument list tried: each bad value alone, twice and three times. */
function* argumentLists(once) {
  if (once) return yield [];
  yield [];
  for (const value of BAD) for (let n = 1; n <= 3; n++) yield Array(n).fill(value);
}

/** The label of a value in a failure message. */
const show = (args) => args.map((a) => (typeof a === 'symbol' ? 'Symbol' : typeof a === 'bigint' ? `${a}n` : a instanceof Uint8Array && a.buffer.byteLength === 0 ? 'detached' : typeof a === 'function' ? 'fn' : JSON.stringify(a) ?? String(a))).join(', ');

/** Calls every method and getter of `instance` with every argument list. */
async function sweepInstance(name, label, instance) {
  const proto = Object.getPrototypeOf(instance);
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor' || key.startsWith('__')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (desc.get) await attempt(name, `${label}.${key}`, () => instance[key]);
    if (typeof desc.value !== 'function' || key === 'free') continue;
    for (const args of argumentLists(CALL_ONCE.has(key))) {
      await attempt(name, `${label}.${key}(${show(args)})`, () => instance[key](...args));
    }
  }
}

for (const [name, binding] of Object.entries(BINDINGS)) {
  const surface = Object.entries(binding).filter(([, v]) => typeof v === 'function');

  test(`${name}: every exported function rejects bad arguments clearly`, async () => {
    for (const [key, fn] of surface) {
      if (/^[A-Z]/.test(key)) continue;
      for (const args of argumentLists(CALL_ONCE.has(key))) await attempt(name, `${key}(${show(args)})`, () => fn(...args));
    }
    for (const [key, fn] of Object.entries(binding.raw)) {
      for (const args of argumentLists(false)) await attempt(name, `raw.${key}(${show(args)})`, () => fn(...args));
    }
  });

  test(`${name}: every class's constructor, methods and getters reject bad arguments clearly`, async () => {
    for (const [key, Class] of surface) {
      if (!/^[A-Z]/.test(key)) continue;
      assert.ok(INSTANCES[key], `add a way to make a ${key} to INSTANCES in this test`);
      for (const args of argumentLists(CALL_ONCE.has(key))) await attempt(name, `new ${key}(${show(args)})`, () => new Class(...args));
      await attempt(name, `${key}()`, () => Class());
      for (const [staticKey, fn] of Object.entries(Class)) {
        if (typeof fn === 'function') await attempt(name, `${key}.${staticKey}()`, () => fn.call(Class));
      }
      await sweepInstance(name, key, INSTANCES[key](binding));
    }
  });

  test(`${name}: freed objects and an ended HeapDiff throw clear errors`, async () => {
    for (const [key, make] of Object.entries(INSTANCES)) {
      const instance = make(binding);
      if (typeof instance.free === 'function') {
        instance.free();
        await attempt(name, `${key}.free() twice`, () => instance.free());
        await sweepInstance(name, `freed ${key}`, instance);
      }
    }
    const diff = new binding.HeapDiff();
    diff.end();
    assert.throws(() => diff.end(), /already ended/);
    await assert.rejects(diff.endAsync(), /already ended/);
  });
}
