// The memwatch drop-in, used exactly as memwatch's README uses it, through both
// packages: 'stats' after GCs, HeapDiff around an allocation, memwatch's errors, and
// the EventEmitter-style listener methods.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BINDINGS } = require('./bindings.js');

/** Waits until PerformanceObserver has delivered pending GC entries. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const STATS_KEYS = ['num_full_gc', 'num_inc_gc', 'heap_compactions', 'usage_trend', 'estimated_base', 'current_base', 'min', 'max'];

for (const [name, memwatch] of Object.entries(BINDINGS)) {
  test(`${name}: memwatch's README usage runs unchanged`, async () => {
    const seen = [];
    const onStats = function (stats) { seen.push(stats); };
    const onLeak = function (info) { seen.push(info); };
    memwatch.on('leak', onLeak);
    memwatch.on('stats', onStats);

    var hd = new memwatch.HeapDiff();
    class ReadmeMarker { constructor(i) { this.i = i; } }
    const kept = Array.from({ length: 2000 }, (_, i) => new ReadmeMarker(i));
    var diff = hd.end();

    const row = diff.change.details.find((d) => d.what === 'ReadmeMarker');
    assert.equal(row['+'], 2000, JSON.stringify(row));
    assert.equal(row['-'], 0);
    assert.ok(diff.after.nodes > 0 && diff.before.size_bytes > 0);
    assert.equal(typeof diff.change.size, 'string');
    assert.equal(kept.length, 2000);

    memwatch.gc();
    await settle();
    const stats = seen.filter((e) => 'num_full_gc' in e);
    assert.ok(stats.length >= 1, 'a stats event after gc()');
    assert.deepEqual(Object.keys(stats.at(-1)).sort(), [...STATS_KEYS].sort());
    assert.ok(stats.at(-1).num_full_gc >= 1 && stats.at(-1).current_base > 0);

    memwatch.off('stats', onStats);
    memwatch.removeListener('leak', onLeak);
    assert.equal(memwatch.listenerCount('stats'), 0);
  });

  test(`${name}: HeapDiff throws memwatch's errors`, () => {
    const hd = new memwatch.HeapDiff();
    hd.end();
    assert.throws(() => hd.end(), { name: 'Error', message: 'attempt to end() a HeapDiff that was already ended' });
    assert.throws(() => memwatch.HeapDiff(), TypeError);
  });

  test(`${name}: the async HeapDiff streams both snapshots`, async () => {
    const hd = await memwatch.HeapDiff.startAsync();
    class AsyncMarker {}
    const kept = Array.from({ length: 1500 }, () => new AsyncMarker());
    const diff = await hd.endAsync();
    assert.equal(diff.change.details.find((d) => d.what === 'AsyncMarker')['+'], kept.length);
    await assert.rejects(hd.endAsync(), /already ended/);
  });

  test(`${name}: once, off, other events and configure behave like an EventEmitter`, async () => {
    let calls = 0;
    const count = () => calls++;
    memwatch.once('stats', count);
    assert.equal(memwatch.listenerCount('stats'), 1);
    assert.throws(() => memwatch.configure({ mode: 'compat' }), /before adding 'stats' or 'leak' listeners/);
    memwatch.gc();
    memwatch.gc();
    await settle();
    assert.equal(calls, 1, 'a once listener runs once');
    assert.equal(memwatch.listenerCount('stats'), 0);

    memwatch.once('leak', count);
    memwatch.off('leak', count);
    assert.equal(memwatch.listenerCount('leak'), 0, 'off removes a once listener');

    let custom;
    assert.equal(memwatch.on('custom', (v) => { custom = v; }), memwatch, 'on() chains');
    memwatch.emit('custom', 7);
    assert.equal(custom, 7);
    assert.throws(() => memwatch.emit('stats', {}), TypeError);
    assert.throws(() => memwatch.on('stats', 'not a function'), { name: 'TypeError', message: /listener must be a function, got the string/ });
    assert.throws(() => memwatch.configure({ mode: 'loose' }), TypeError);
    memwatch.configure({ mode: 'compat' });
    memwatch.configure();
  });
}
