// A Rust panic reaches JavaScript as an Error in both bindings — never an abort — and
// the package keeps working afterwards: new objects, the memwatch front (its GC
// listeners included, through a real GC) and HeapDiff. Objects made before the panic
// keep working on napi; on wasm, whose instance a panic replaces, every method and
// getter of each of them throws a clear Error saying it is stale.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { constants } = require('node:perf_hooks');
const { LABS, SNAPSHOT, INSTANCES, membersOf } = require('./bindings.js');

/** A valid call of every method and getter of every class, in an order that works on a
 * fresh object (`after` is a live HeapSnapshot of the same package, `afterIds` its NodeIds). */
const VALID_CALLS = {
  Counter: [['increment'], ['value'], ['free']],
  GcMonitor: [['on', 'stats', () => {}], ['listenerCount', 'stats'], ['off', 'stats', () => {}], ['pause', 1],
    ['resume', 2], ['record', constants.NODE_PERFORMANCE_GC_MAJOR, 1e6, 3, 1], ['free']],
  SnapshotParser: [['feed', SNAPSHOT], ['bytesFed'], ['finish'], ['free']],
  HeapSnapshot: [['nodeCount'], ['edgeCount'], ['totalSize'], ['heapBytes'], ['classes'], ['topClasses', 3], ['summarize'],
    ['retainedSize', 1], ['dominatorOf', 1], ['topRetained', 3], ['nodeIds'], ['findLeaks', 'afterIds', 'afterIds'], ['free']],
  NodeIds: [['size'], ['heapBytes'], ['free']],
  HeapSummary: [['nodeCount'], ['sizeBytes'], ['heapBytes'], ['diff', 'after'], ['free']],
  Tracked: [['bytes'], ['free']],
  JsHolder: [['hold', {}, 1], ['holders'], ['get'], ['unrefOnly'], ['release'], ['free']],
  HeapDiff: [['end'], ['endAsync']],
};

/** Calls member `key` of `object` with `args` ('after' becomes `after`, 'afterIds' its NodeIds). */
function call(object, kind, key, args, after) {
  if (kind === 'getter') return object[key];
  const live = { after, afterIds: args.includes('afterIds') ? after.nodeIds() : undefined };
  return object[key](...args.map((a) => (typeof a === 'string' && a in live ? live[a] : a)));
}

/** One object of every class of `binding`, except HeapDiff (a front class, not Rust's);
 * napi's JsHolder in the counted mode, the one that has `unrefOnly()`. */
function oneOfEach(binding) {
  const makers = { ...INSTANCES, JsHolder: (m) => new m.JsHolder(m === LABS.napi ? 'counted' : 'jsvalue') };
  return Object.entries(makers).filter(([name]) => name !== 'HeapDiff').map(([name, make]) => [name, make(binding)]);
}

/** Runs `global.gc()` until `seen()` holds: PerformanceObserver delivers GC entries
 * asynchronously, so each round also yields to the event loop (a bounded count of
 * rounds, not a time). */
async function collectUntil(seen) {
  for (let round = 0; round < 200 && !seen(); round++) {
    global.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

for (const [name, binding] of Object.entries(LABS)) {
  test(`${name}: a panic becomes an Error carrying its message, and later calls work`, () => {
    assert.throws(() => binding.panicProbe('deliberate panic'), (error) => error instanceof Error && /deliberate panic/.test(error.message));
    assert.equal(binding.add(2, 3), 5);
    assert.equal(new binding.Counter(41).increment(), 42);
    assert.throws(() => binding.panicProbe('again'), /again/);
    assert.equal(binding.sum(new Float64Array([1, 2])), 3);
    assert.equal(binding.utf8Length('héllo'), 6);
  });

  test(`${name}: after a panic and the next guarded call, the raw floor runs on the live instance`, () => {
    assert.throws(() => binding.panicProbe('before the floor'), /before the floor/);
    assert.equal(binding.add(1, 2), 3);
    if (name === 'wasm') assert.equal(binding.raw.add, binding.rawExports().bindlab_raw_add, 'raw.add is the fresh instance\'s export');
    assert.equal(binding.raw.add(2, 3), 5);
    assert.equal(binding.raw.sum(new Float64Array([1, 2, 3.5])), 6.5);
  });

  test(`${name}: every method and getter of objects made before a panic works (napi) or says it is stale (wasm)`, async () => {
    const before = oneOfEach(binding);
    assert.throws(() => binding.panicProbe('between'), /between/);
    const after = binding.parseSnapshot(SNAPSHOT);
    for (const [className, object] of before) {
      const members = new Map(membersOf(binding[className]));
      const calls = VALID_CALLS[className].filter(([key]) => members.has(key));
      assert.deepEqual(calls.map(([key]) => key).sort(), [...members.keys()].sort(), `VALID_CALLS lists every member of ${className}`);
      for (const [key, ...args] of calls) {
        const kind = members.get(key);
        const where = `${className}.${key} of an object made before the panic`;
        if (name === 'napi') {
          assert.doesNotThrow(() => call(object, kind, key, args, after), where);
        } else if (key === 'free') {
          assert.doesNotThrow(() => object.free(), `${where}: free() of a stale object does nothing`);
        } else {
          assert.throws(() => call(object, kind, key, args, after),
            (e) => e instanceof Error && new RegExp(`^${className}\\.${key}.*: this is a stale ${className}: it belonged to a wasm instance that a Rust panic replaced$`).test(e.message),
            where);
        }
      }
    }
    // The new instance's objects work, and take no old object as an argument.
    const summary = after.summarize();
    assert.ok(summary.diff(after).after.nodes > 0);
    if (name === 'wasm') {
      const stale = before.find(([className]) => className === 'HeapSnapshot')[1];
      assert.throws(() => summary.diff(stale), /stale HeapSnapshot/);
    }
  });

  test(`${name}: after a panic the memwatch front keeps its GC listeners, options and methods, and HeapDiff works`, async () => {
    binding.configure({ mode: 'compat' });
    const stats = [];
    const onStats = (s) => stats.push(s);
    binding.on('stats', onStats);
    try {
      assert.throws(() => binding.panicProbe('under a stats listener'), /under a stats listener/);
      await collectUntil(() => stats.length > 0); // the process survives the GC after a panic
      assert.ok(stats.length > 0, "'stats' still fires after the panic");
      assert.equal(typeof stats.at(-1).num_full_gc, 'number');
      assert.equal(binding.listenerCount('stats'), 1);
      const other = () => {};
      binding.on('leak', other);
      assert.equal(binding.listenerCount('leak'), 1);
      binding.off('leak', other);
      assert.equal(binding.listenerCount('leak'), 0);
      const hd = new binding.HeapDiff();
      assert.ok(hd.end().after.nodes > 0);
    } finally {
      binding.off('stats', onStats);
    }
    assert.equal(binding.listenerCount('stats'), 0);
    assert.throws(() => binding.configure({ mode: 'nonsense' }), TypeError, 'configure still validates after a panic');
    binding.configure({});
  });

  test(`${name}: a panic inside a GC listener's monitor call never escapes the GC observer`, async () => {
    const warnings = [];
    const onWarning = (w) => warnings.push(w);
    process.on('warning', onWarning);
    const thrower = () => {
      throw new Error('listener failed');
    };
    binding.on('stats', thrower);
    try {
      await collectUntil(() => warnings.some((w) => /listener failed/.test(w.message)));
      assert.ok(warnings.some((w) => /listener failed/.test(w.message)), 'a throwing listener becomes a process warning');
    } finally {
      binding.off('stats', thrower);
      process.off('warning', onWarning);
    }
  });
}
