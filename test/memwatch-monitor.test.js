// Conformance of the GC monitor: the same GC sequences give the same `stats` and
// `leak` events through napi and wasm, in both modes, and known memwatch quirks show.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BINDINGS } = require('./bindings.js');

const MAJOR = 4;
const MINOR = 1;

/** A deterministic GC sequence: a noisy heap that grows by `slope` bytes per GC. */
function sequence(seed, length, slope) {
  let state = seed >>> 0 || 1;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const records = [];
  let time = 1.7e12;
  for (let i = 0; i < length; i++) {
    time += 500 + Math.floor(random() * 20000);
    const used = Math.floor(20e6 + slope * i + (random() - 0.5) * 4e6);
    records.push([random() < 0.3 ? MINOR : MAJOR, used, time, random() * 5]);
  }
  return records;
}

/** Every event a monitor emits for `records`, in order. */
function run(binding, options, records) {
  const monitor = new binding.GcMonitor(options);
  const events = [];
  monitor.on('stats', (data) => events.push(['stats', data]));
  monitor.on('leak', (data) => events.push(['leak', data]));
  for (const record of records) monitor.record(...record);
  return events;
}

const OPTIONS = [undefined, { mode: 'compat' }, { mode: 'fixed', leakRule: { consecutive: 3, minGrowth: 1024 } }];

for (const options of OPTIONS) {
  test(`napi and wasm emit identical events (${JSON.stringify(options ?? 'defaults')})`, () => {
    for (const [seed, slope] of [[1, 0], [2, 50_000], [3, -20_000], [4, 400_000]]) {
      const records = sequence(seed, 400, slope);
      const napi = run(BINDINGS.napi, options, records);
      assert.ok(napi.length > 100, 'the sequence yields events');
      assert.deepEqual(run(BINDINGS.wasm, options, records), napi, `seed ${seed}`);
    }
  });
}

for (const [name, binding] of Object.entries(BINDINGS)) {
  test(`${name}: compat mode keeps memwatch's unsigned trend and start-up leak`, () => {
    const records = [];
    for (let i = 0; i < 12; i++) records.push([MAJOR, 10_000_000, 1.7e12 + i * 10_000, 1]);
    const flat = run(binding, { mode: 'compat' }, records);
    // Start-up: last_base begins at 0, so the first full GC counts as growth, and five in a row report a leak.
    assert.equal(flat.filter(([e]) => e === 'leak').length, 0, 'a flat heap only grows once');
    const growing = run(binding, { mode: 'compat' }, records.slice(0, 5).map((r, i) => [MAJOR, 1e6 * (i + 1), r[2], 1]));
    const leak = growing.find(([e]) => e === 'leak');
    assert.ok(leak, 'five growing GCs from start-up report a leak in compat mode');
    assert.match(leak[1].reason, /^heap growth over 5 consecutive GCs \(40s\) - [\d.]+ mb\/hr$/);
    assert.deepEqual(run(binding, undefined, records.slice(0, 5).map((r, i) => [MAJOR, 1e6 * (i + 1), r[2], 1]))
      .filter(([e]) => e === 'leak'), [], 'fixed mode reports no start-up leak');
  });

  test(`${name}: listeners can be removed, counted and are called in order`, () => {
    const monitor = new binding.GcMonitor();
    const calls = [];
    const first = () => calls.push('first');
    monitor.on('stats', first);
    monitor.on('stats', () => calls.push('second'));
    assert.equal(monitor.listenerCount('stats'), 2);
    monitor.record(MAJOR, 1e6, 1.7e12, 1);
    assert.equal(monitor.off('stats', first), true);
    assert.equal(monitor.off('stats', first), false);
    monitor.record(MAJOR, 1e6, 1.7e12 + 1000, 1);
    assert.deepEqual(calls, ['first', 'second', 'second']);
  });

  test(`${name}: bad monitor input throws TypeErrors that say what was wrong`, () => {
    assert.throws(() => new binding.GcMonitor({ mode: 'bogus' }), { name: 'TypeError', message: /invalid memwatch options: .*bogus/ });
    assert.throws(() => new binding.GcMonitor({ leakRule: { consecutive: 0 } }), { name: 'TypeError', message: /invalid memwatch options/ });
    const monitor = new binding.GcMonitor();
    assert.throws(() => monitor.on('nope', () => {}), { name: 'TypeError', message: /unknown event "nope"/ });
    assert.throws(() => monitor.record(99, 1, 1, 1), { name: 'TypeError', message: /unknown GC kind 99/ });
    assert.throws(() => monitor.record(MAJOR, Number.NaN, 1, 1), { name: 'TypeError', message: /usedHeapSize/ });
    assert.throws(() => monitor.record(MAJOR, -1, 1, 1), { name: 'TypeError', message: /usedHeapSize/ });
  });

  test(`${name}: an exception in a listener reaches the caller`, () => {
    const monitor = new binding.GcMonitor();
    monitor.on('stats', () => {
      throw new Error('listener threw');
    });
    assert.throws(() => monitor.record(MAJOR, 1e6, 1.7e12, 1), { message: 'listener threw' });
  });
}

test('napi: a listener costs exactly three Node-API reference calls over its lifetime (create, unref, delete)', () => {
  const before = BINDINGS.napi.lab.referenceCounters();
  const monitor = new BINDINGS.napi.GcMonitor();
  const listener = () => {};
  monitor.on('stats', listener);
  for (let i = 0; i < 20; i++) monitor.record(MAJOR, 1e6, 1.7e12 + i * 1000, 1);
  monitor.off('stats', listener);
  const after = BINDINGS.napi.lab.referenceCounters();
  assert.deepEqual([after.create - before.create, after.reference - before.reference, after.unref - before.unref,
    after.delete - before.delete], [1, 0, 1, 1]);
});
