// The memwatch drop-in, used exactly as memwatch's README uses it, through both
// packages: 'stats' after GCs, HeapDiff around an allocation, memwatch's errors, the
// EventEmitter-style listener methods, and HeapDiff's temporary file kept private.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
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

  test(`${name}: HeapDiff throws memwatch's errors, and looks at no argument`, () => {
    const hostile = new Proxy({}, { get() { throw new Error('trap'); }, has() { throw new Error('trap'); } });
    const hd = new memwatch.HeapDiff(hostile);
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

/** Where this file's temporary directories go; removed at the end, passed or failed. */
const SCRATCH = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-memwatch-front-'));
test.after(() => fs.rmSync(SCRATCH, { recursive: true, force: true }));

/** Runs `fn` with os.tmpdir() pointing at a fresh directory and v8.writeHeapSnapshot
 * spied on (`write(file, original)` replaces it); returns that directory, each path written
 * to, and the mode of its directory at the time. Both are restored afterwards. */
function withSpiedSnapshots(write, fn) {
  const tmp = fs.mkdtempSync(path.join(SCRATCH, 'tmpdir-'));
  const saved = { TMPDIR: process.env.TMPDIR, writeHeapSnapshot: v8.writeHeapSnapshot };
  const written = [];
  process.env.TMPDIR = tmp;
  v8.writeHeapSnapshot = (file) => {
    written.push({ file, dirMode: fs.statSync(path.dirname(file)).mode & 0o777 });
    return write(file, saved.writeHeapSnapshot);
  };
  try {
    fn(tmp);
  } finally {
    v8.writeHeapSnapshot = saved.writeHeapSnapshot;
    if (saved.TMPDIR === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved.TMPDIR;
  }
  return { tmp, written };
}

/** Checks that each snapshot went into a private directory of its own inside `tmp`, and
 * that the directory is gone. */
function assertPrivateAndGone({ tmp, written }, count) {
  assert.equal(written.length, count);
  for (const { file, dirMode } of written) {
    const dir = path.dirname(file);
    assert.equal(path.dirname(dir), tmp, `${file} is in a directory of its own`);
    assert.equal(dirMode, 0o700, `${dir} is private`);
    assert.equal(fs.existsSync(dir), false, `${dir} is removed`);
  }
  assert.equal(new Set(written.map(({ file }) => path.dirname(file))).size, count, 'a new directory each time');
}

/** Runs `fn` (sync or async) counting the HeapSummary handles freed meanwhile. */
async function countingSummaryFrees(memwatch, fn) {
  const { prototype } = memwatch.HeapSummary;
  const { free } = prototype;
  let freed = 0;
  prototype.free = function () {
    freed++;
    return free.call(this);
  };
  try {
    await fn();
  } finally {
    prototype.free = free;
  }
  return freed;
}

for (const [name, memwatch] of Object.entries(BINDINGS)) {
  test(`${name}: HeapDiff writes through no planted symlink, into a private directory it removes`, () => {
    const victims = fs.mkdtempSync(path.join(SCRATCH, 'victims-'));
    const precious = path.join(victims, 'precious');
    fs.writeFileSync(precious, 'precious');
    const spied = withSpiedSnapshots((file, original) => original(file), (tmp) => {
      // The names the temporary file used to have, for this process and the next 100 snapshots.
      for (let n = 1; n <= 100; n++) {
        const target = n % 2 ? precious : path.join(victims, `dangling-${n}`);
        fs.symlinkSync(target, path.join(tmp, `bindlab-${process.pid}-${n}.heapsnapshot`));
      }
      const hd = new memwatch.HeapDiff();
      assert.ok(hd.end().after.nodes > 0);
      assert.equal(fs.readdirSync(tmp).length, 100, 'only the planted links are left');
    });
    assertPrivateAndGone(spied, 2);
    assert.equal(fs.readFileSync(precious, 'utf8'), 'precious');
    assert.deepEqual(fs.readdirSync(victims), ['precious']);
  });

  test(`${name}: HeapDiff removes its directory when writing or parsing the snapshot fails, and frees its summary`, async () => {
    const failures = [
      [() => { throw new Error('disk full'); }, /^disk full$/],
      [(file) => fs.writeFileSync(file, '{"snapshot":'), /^parseSnapshot\(input, options\): .*heap\.heapsnapshot: heap snapshot, byte 12: unexpected end/],
    ];
    for (const [write, message] of failures) {
      const spied = withSpiedSnapshots(write, (tmp) => {
        assert.throws(() => new memwatch.HeapDiff(), { message });
        assert.deepEqual(fs.readdirSync(tmp), []);
      });
      assertPrivateAndGone(spied, 1);
      }
    const hd = new memwatch.HeapDiff();
    let spied;
    const freed = await countingSummaryFrees(memwatch, () => {
      spied = withSpiedSnapshots(() => { throw new Error('disk full'); }, () => {
        assert.throws(() => hd.end(), /^Error: disk full$/);
      });
    });
    assert.equal(freed, 1, 'the "before" summary of the failed end() is freed');
    assertPrivateAndGone(spied, 1);
  });

  test(`${name}: HeapDiff.endAsync frees its summary when the snapshot stream fails`, async () => {
    const hd = await memwatch.HeapDiff.startAsync();
    const { getHeapSnapshot } = v8;
    v8.getHeapSnapshot = () => (async function* () { yield Buffer.from('{"snapshot":'); throw new Error('stream broke'); })();
    try {
      const freed = await countingSummaryFrees(memwatch, () =>
        assert.rejects(hd.endAsync(), /^Error: parseSnapshotAsync\(input, options\): chunks: stream broke$/));
      assert.equal(freed, 1);
    } finally {
      v8.getHeapSnapshot = getHeapSnapshot;
    }
  });
}
