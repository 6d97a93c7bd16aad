// Offline snapshot analysis through both bindings: the same fixtures give the same
// handles and the same HeapDiff — the JSON the Rust core is pinned to — from paths,
// bytes, handles and streams; bad input gives labelled errors; every stream or iterator
// handed over is read to its end or released; only regular files are read.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const zlib = require('node:zlib');
const { spawn } = require('node:child_process');
const { Readable } = require('node:stream');
const { BINDINGS } = require('./bindings.js');

const FIXTURES = path.join(__dirname, '..', 'core', 'tests', 'fixtures');
const PINNED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'fixture-diff.json'), 'utf8'));
const BEFORE = zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, 'before.heapsnapshot.gz')));
const AFTER = zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, 'after.heapsnapshot.gz')));

/** The fixtures written out as plain files, for the path forms. */
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-snapshots-'));
const BEFORE_PATH = path.join(DIR, 'before.heapsnapshot');
const AFTER_PATH = path.join(DIR, 'after.heapsnapshot');
fs.writeFileSync(BEFORE_PATH, BEFORE);
fs.writeFileSync(AFTER_PATH, AFTER);
test.after(() => fs.rmSync(DIR, { recursive: true, force: true }));

/** `bytes` as an async iterable of small chunks, as a stream would yield them. */
async function* chunks(bytes, size = 65_521) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** What a handle answers, as plain data. */
function describeHandle(snapshot) {
  return {
    nodeCount: snapshot.nodeCount,
    edgeCount: snapshot.edgeCount,
    totalSize: snapshot.totalSize,
    classes: snapshot.classes(),
    top: snapshot.topClasses(5),
  };
}

for (const [name, binding] of Object.entries(BINDINGS)) {
  test(`${name}: diffSnapshots gives the pinned diff from paths, bytes and handles`, async () => {
    assert.deepEqual(binding.diffSnapshots(BEFORE_PATH, AFTER_PATH), PINNED);
    assert.deepEqual(binding.diffSnapshots(BEFORE, AFTER.buffer.slice(AFTER.byteOffset, AFTER.byteOffset + AFTER.length)), PINNED);
    const before = binding.parseSnapshot(BEFORE);
    const after = binding.parseSnapshot(AFTER_PATH);
    assert.deepEqual(binding.diffSnapshots(before, after), PINNED);
    assert.equal(after.nodeCount, PINNED.after.nodes, 'handles passed in stay usable');
    before.free();
    after.free();
    assert.deepEqual(await binding.diffSnapshotsAsync(chunks(BEFORE), AFTER_PATH), PINNED);
  });

  test(`${name}: parseSnapshotAsync streams files and chunks to the same handle`, async () => {
    const whole = binding.parseSnapshot(AFTER);
    const streamed = await binding.parseSnapshotAsync(AFTER_PATH);
    const chunked = await binding.parseSnapshotAsync(chunks(AFTER, 7));
    assert.deepEqual(describeHandle(streamed), describeHandle(whole));
    assert.deepEqual(describeHandle(chunked), describeHandle(whole));
    assert.ok(whole.heapBytes > AFTER.length / 4, `heapBytes ${whole.heapBytes}`);
    const leaky = whole.classes().find((c) => c.name === 'Leaky');
    assert.deepEqual(leaky && leaky.count, 10_000);
  });

  test(`${name}: a freed handle or a finished parser throws a clear Error`, () => {
    const snapshot = binding.parseSnapshot(BEFORE);
    snapshot.free();
    assert.throws(() => snapshot.nodeCount, /freed|null pointer/);
    const parser = new binding.SnapshotParser();
    parser.feed(BEFORE);
    parser.finish().free();
    assert.throws(() => parser.feed(BEFORE), /SnapshotParser was already finished/);
    assert.throws(() => new binding.HeapSnapshot(), { name: 'TypeError', message: /SnapshotParser.finish\(\)/ });
  });

  test(`${name}: malformed input names the call, the input and the byte offset`, async () => {
    const bad = Buffer.from('{"snapshot":{"meta":{"node_fields":[1,]}}}');
    assert.throws(() => binding.parseSnapshot(bad), /^Error: parseSnapshot\(input, options\): bytes: heap snapshot, byte \d+: /);
    const cut = BEFORE.subarray(0, 100_000);
    assert.throws(() => binding.diffSnapshots(BEFORE_PATH, cut), /diffSnapshots\(before, after\): after \(bytes\): heap snapshot, byte 100000: unexpected end/);
    assert.throws(() => binding.parseSnapshot(path.join(DIR, 'missing')), /ENOENT/);
    await assert.rejects(binding.parseSnapshotAsync(chunks(cut)), /stream|chunks: heap snapshot, byte 100000/);
    for (const wrong of [undefined, 42, null, {}, [1, 2]]) {
      assert.throws(() => binding.parseSnapshot(wrong), { name: 'TypeError', message: /parseSnapshot\(input, options\): input must be/ });
      assert.throws(() => binding.diffSnapshots(BEFORE, wrong), { name: 'TypeError', message: /after must be/ });
    }
    assert.throws(() => binding.parseSnapshot(BEFORE, 'fast'), { name: 'TypeError', message: /options must be/ });
  });
}

test('napi reports a handle\'s memory to V8, and withdraws it on free()', () => {
  const { napi } = BINDINGS;
  const external = () => napi.lab.reportedExternalMemory();
  const base = external();
  const reported = napi.parseSnapshot(AFTER);
  const grown = external() - base;
  assert.ok(grown >= reported.heapBytes * 0.9, `external grew ${grown}, heapBytes ${reported.heapBytes}`);
  reported.free();
  assert.ok(external() - base < grown / 10, 'free() withdraws the report');
  const quiet = napi.parseSnapshot(AFTER, { reportExternalMemory: false });
  assert.ok(external() - base < grown / 10, 'reportExternalMemory: false reports nothing');
  quiet.free();
});

test('napi and wasm handles answer identically', () => {
  const [napi, wasm] = [BINDINGS.napi.parseSnapshot(AFTER), BINDINGS.wasm.parseSnapshot(AFTER)];
  assert.deepEqual(describeHandle(napi), describeHandle(wasm));
  assert.equal(napi.heapBytes, wasm.heapBytes);
});

// ---- Streams and iterators: read to their end, or released, on every path ----

/** A snapshot whose first chunk is malformed: the parser fails on it, long before the end. */
const MALFORMED = Buffer.concat([Buffer.from('{"snapshot":{"meta":{"node_fields":[1,]}}}'), BEFORE]);
const MALFORMED_PATH = path.join(DIR, 'malformed.heapsnapshot');
fs.writeFileSync(MALFORMED_PATH, MALFORMED);
const MISSING_PATH = path.join(DIR, 'missing.heapsnapshot');
const PIECE = 65_536;

/** `bytes` in pieces, synchronously. */
function* pieces(bytes) {
  for (let at = 0; at < bytes.length; at += PIECE) yield bytes.subarray(at, at + PIECE);
}

/** Waits for a destroyed file stream to close: an 'error' it emits comes before. */
const closed = (stream) => (stream.closed ? null : new Promise((resolve) => stream.once('close', resolve)));

/**
 * Every kind of chunk source, made fresh over `bytes` (written at `file`): `input`, and
 * `stopped()`, true once the source was destroyed, cancelled or return()ed — or read to
 * its end. Checking a generator asks it for one more chunk: a live one would give it.
 */
const SOURCES = {
  'fs.createReadStream': (bytes, file) => {
    const input = fs.createReadStream(file, { highWaterMark: PIECE });
    return { input, stopped: async () => (await closed(input), input.destroyed) };
  },
  'Readable.from': (bytes) => {
    const input = Readable.from(pieces(bytes));
    return { input, stopped: async () => input.destroyed };
  },
  'async generator': (bytes) => {
    const input = (async function* () { yield* pieces(bytes); })();
    return { input, stopped: async () => (await input.next()).done };
  },
  'sync generator': (bytes) => {
    const input = pieces(bytes);
    return { input, stopped: async () => input.next().done };
  },
  'web ReadableStream': (bytes) => {
    const rest = pieces(bytes);
    let cancelled = false;
    const input = new ReadableStream({
      pull(controller) {
        const { value, done } = rest.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel() { cancelled = true; },
    });
    return { input, stopped: async () => cancelled || rest.next().done };
  },
  'hand-written async iterator': (bytes) => {
    const rest = pieces(bytes);
    let returned = false;
    const input = {
      [Symbol.asyncIterator]() { return this; },
      async next() { return returned ? { done: true } : rest.next(); },
      async return() { returned = true; return { done: true }; },
    };
    return { input, stopped: async () => returned || rest.next().done };
  },
};

/** A file stream that fails by itself (its file is missing), emitting 'error' unasked. */
function failingFileStream() {
  const input = fs.createReadStream(MISSING_PATH);
  return { input, stopped: async () => (await closed(input), input.destroyed) };
}

/** Runs `fn`, then fails if anything reached 'uncaughtException' or 'unhandledRejection'
 * meanwhile (an 'error' event nobody listened to, a rejection nobody caught). */
async function withoutStrayErrors(fn) {
  const stray = [];
  const collect = (error) => stray.push(error);
  process.on('uncaughtException', collect);
  process.on('unhandledRejection', collect);
  try {
    await fn();
    await new Promise(setImmediate);
    await new Promise(setImmediate);
  } finally {
    process.off('uncaughtException', collect);
    process.off('unhandledRejection', collect);
  }
  assert.deepEqual(stray, []);
}

/** An async iterator that gives one good chunk, then throws. */
async function* throwsAfterOne() {
  yield BEFORE.subarray(0, PIECE);
  throw new Error('the source broke');
}

/** An async iterator whose second chunk has the wrong type. */
async function* wrongSecondChunk() {
  yield BEFORE.subarray(0, PIECE);
  yield 42;
}

/** Calls that fail without ever reading `source` — before any reading, or on the other
 * side — with what they reject with. Sync calls count: they refuse a stream. */
const UNREAD = [
  ['bad options', (b, source) => b.parseSnapshotAsync(source, 'fast'), { name: 'TypeError', message: /options must be/ }],
  ['bad other side (after)', (b, source) => b.diffSnapshotsAsync(source, 42), { name: 'TypeError', message: /: after must be/ }],
  ['bad other side (before)', (b, source) => b.diffSnapshotsAsync(42, source), { name: 'TypeError', message: /: before must be/ }],
  ['a sync parse', (b, source) => b.parseSnapshot(source), { name: 'TypeError', message: /parseSnapshot\(input, options\): input must be/ }],
  ['a sync diff', (b, source) => b.diffSnapshots(BEFORE, source), { name: 'TypeError', message: /diffSnapshots\(before, after\): after must be/ }],
  ['malformed bytes before', (b, source) => b.diffSnapshotsAsync(MALFORMED, source), /before \(bytes\): heap snapshot, byte 38:/],
  ['a missing file before', (b, source) => b.diffSnapshotsAsync(MISSING_PATH, source), /before \(.*missing.heapsnapshot\): ENOENT/],
  ['an iterator before that throws', (b, source) => b.diffSnapshotsAsync(throwsAfterOne(), source), /before \(chunks\): the source broke/],
  ['a wrong chunk before', (b, source) => b.diffSnapshotsAsync(wrongSecondChunk(), source), { name: 'TypeError', message: /each chunk of before must be bytes/ }],
];

/** Calls that read a malformed `source` and fail on it, or on the source beside it. */
const READ = [
  ['parsed alone', (b, source) => b.parseSnapshotAsync(source), /parseSnapshotAsync\(input, options\): chunks: heap snapshot, byte 38:/],
  ['after good bytes', (b, source) => b.diffSnapshotsAsync(BEFORE, source), /after \(chunks\): heap snapshot, byte 38:/],
  ['before a good stream', (b, source, other) => b.diffSnapshotsAsync(source, other), /before \(chunks\): heap snapshot, byte 38:/],
];

for (const [name, binding] of Object.entries(BINDINGS)) {
  for (const [what, call, rejection] of UNREAD) {
    test(`${name}: a stream or iterator not read because of ${what} is released`, async () => {
      const makers = [...Object.entries(SOURCES).map(([kind, make]) => [kind, () => make(BEFORE, BEFORE_PATH)]), ['failing fs stream', failingFileStream]];
      await withoutStrayErrors(async () => {
        for (const [kind, make] of makers) {
          const source = make();
          await assert.rejects(async () => call(binding, source.input), rejection, kind);
          assert.ok(await source.stopped(), `${kind} released`);
        }
      });
    });
  }

  for (const [what, call, rejection] of READ) {
    test(`${name}: a malformed stream or iterator ${what} is released, and so is the other`, async () => {
      await withoutStrayErrors(async () => {
        for (const [kind, make] of Object.entries(SOURCES)) {
          const [source, other] = [make(MALFORMED, MALFORMED_PATH), SOURCES['fs.createReadStream'](BEFORE, BEFORE_PATH)];
          await assert.rejects(call(binding, source.input, other.input), rejection, kind);
          assert.ok(await source.stopped(), `${kind} released`);
          if (call.length > 2) assert.ok(await other.stopped(), `the stream beside ${kind} released`);
          else other.input.destroy();
        }
      });
    });
  }

  test(`${name}: a chunk of the wrong type is a TypeError naming the call, and closes its iterator`, async () => {
    const wrongs = [42, -0, Infinity, 2n ** 64n, Symbol('chunk'), null, undefined, {}, [1, 2], new Uint16Array(4), new DataView(new ArrayBuffer(4)), Promise.resolve(BEFORE)];
    await withoutStrayErrors(async () => {
      for (const wrong of wrongs) {
        let closedAfter = false;
        const generator = (function* () {
          try {
            yield BEFORE.subarray(0, PIECE);
            yield wrong;
            yield BEFORE.subarray(PIECE);
          } finally {
            closedAfter = true;
          }
        })();
        await assert.rejects(binding.parseSnapshotAsync(generator), { name: 'TypeError', message: /^parseSnapshotAsync\(input, options\): each chunk of input must be bytes \(Uint8Array, ArrayBuffer\) or a string, got / }, String(typeof wrong));
        assert.ok(closedAfter, `return() reached the generator's finally after ${typeof wrong}`);
      }
    });
  });

  test(`${name}: chunks and inputs from another realm, shared memory or detached buffers parse as bytes`, async () => {
    const expected = describeHandle(binding.parseSnapshot(BEFORE));
    const foreign = vm.runInNewContext('(bytes) => new Uint8Array(bytes)')(BEFORE);
    const shared = new Uint8Array(new SharedArrayBuffer(BEFORE.length));
    shared.set(BEFORE);
    for (const [form, bytes] of [['another realm', foreign], ['a SharedArrayBuffer', shared], ['its ArrayBuffer', shared.buffer]]) {
      assert.deepEqual(describeHandle(binding.parseSnapshot(bytes)), expected, form);
      assert.deepEqual(describeHandle(await binding.parseSnapshotAsync([bytes.subarray?.(0, 1000) ?? bytes.slice(0, 1000), bytes.slice(1000)])), expected, `${form}, chunks`);
    }
    const lie = new Uint8Array(BEFORE);
    Object.defineProperty(lie, 'byteLength', { get() { throw new Error('own getter'); } });
    assert.deepEqual(describeHandle(binding.parseSnapshot(lie)), expected, 'own properties are not read');
    const detached = new ArrayBuffer(8);
    const view = new Uint8Array(detached);
    structuredClone(detached, { transfer: [detached] });
    for (const gone of [detached, view]) {
      assert.throws(() => binding.parseSnapshot(gone), /^Error: parseSnapshot\(input, options\): bytes: heap snapshot, byte 0: unexpected end of input/);
    }
  });

  test(`${name}: inputs that throw when inspected are TypeErrors naming the call and the argument`, async () => {
    const hostile = new Proxy({}, { getPrototypeOf() { throw new Error('trap'); }, has() { throw new Error('trap'); }, get() { throw new Error('trap'); } });
    assert.throws(() => binding.parseSnapshot(hostile), { name: 'TypeError', message: 'parseSnapshot(input, options): input could not be inspected (a getter or Proxy trap threw)' });
    assert.throws(() => binding.diffSnapshots(BEFORE, hostile), { name: 'TypeError', message: /^diffSnapshots\(before, after\): after could not be inspected/ });
    await assert.rejects(binding.parseSnapshotAsync(hostile), { name: 'TypeError', message: /^parseSnapshotAsync\(input, options\): input could not be inspected/ });
    await assert.rejects(binding.diffSnapshotsAsync(hostile, BEFORE), { name: 'TypeError', message: /^diffSnapshotsAsync\(before, after\): before could not be inspected/ });
    const getterTrap = new Proxy({}, { get() { throw new Error('trap'); } });
    assert.throws(() => binding.parseSnapshot(getterTrap), { name: 'TypeError', message: /^parseSnapshot\(input, options\): input (must be|could not be inspected)/ });
    await assert.rejects(binding.diffSnapshotsAsync(BEFORE, getterTrap), { name: 'TypeError', message: /^diffSnapshotsAsync\(before, after\): after (must be|could not be inspected)/ });
    const trapped = { get reportExternalMemory() { throw new Error('getter'); } };
    assert.throws(() => binding.parseSnapshot(BEFORE, trapped), { name: 'TypeError', message: /^parseSnapshot\(input, options\): options.reportExternalMemory could not be inspected/ });
    const released = SOURCES['async generator'](BEFORE);
    await assert.rejects(binding.parseSnapshotAsync(released.input, trapped), { name: 'TypeError', message: /options.reportExternalMemory could not be inspected/ });
    assert.ok(await released.stopped(), 'the source given beside bad options is released');
    for (const wrong of ['no', 0, null, 1n]) {
      assert.throws(() => binding.parseSnapshot(BEFORE, { reportExternalMemory: wrong }), { name: 'TypeError', message: /options.reportExternalMemory must be a boolean or undefined, got / });
    }
    for (const notIterable of [{ [Symbol.asyncIterator]: 42 }, { [Symbol.iterator]: 'x' }]) {
      await assert.rejects(binding.parseSnapshotAsync(notIterable), { name: 'TypeError', message: /^parseSnapshotAsync\(input, options\): input must be a file path \(string\), bytes \(Uint8Array, ArrayBuffer\), a Blob or an \(async\) iterable of chunks, got an object/ });
    }
    const odd = async function* () { yield BEFORE.subarray(0, 10); throw Symbol('odd'); };
    await assert.rejects(binding.parseSnapshotAsync(odd()), { name: 'Error', message: 'parseSnapshotAsync(input, options): chunks: Symbol(odd)' });
  });
}

// ---- Only regular files are read ----

/** Paths that are no regular file, each with what the error calls it; made once. */
const SPECIAL = path.join(DIR, 'special');
fs.mkdirSync(SPECIAL);
const FIFO_PATH = path.join(SPECIAL, 'snapshot.fifo');
const SOCKET_PATH = path.join(SPECIAL, 'snapshot.sock');
const NOT_REGULAR = [
  [FIFO_PATH, 'a FIFO'],
  [SPECIAL, 'a directory'],
  ['/dev/zero', 'a character device'],
  ['/dev/null', 'a character device'],
  [SOCKET_PATH, 'a socket'],
];

/** Runs `fn` while a child process writes a whole snapshot into the FIFO: a parser that
 * opened the FIFO and read it would get to its end and succeed, so a regression fails the
 * test instead of hanging it. The writer is stopped afterwards. */
async function withFifoWriter(fn) {
  const writer = spawn('sh', ['-c', 'exec cat "$0" > "$1"', BEFORE_PATH, FIFO_PATH], { stdio: 'ignore' });
  const exited = new Promise((resolve) => writer.once('exit', resolve));
  try {
    return await fn();
  } finally {
    writer.kill();
    await exited;
  }
}

test.before(async () => {
  await new Promise((resolve, reject) => spawn('mkfifo', [FIFO_PATH]).once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mkfifo exited ${code}`)))));
  const server = net.createServer();
  await new Promise((resolve) => server.listen(SOCKET_PATH, resolve));
  server.unref();
});

for (const [name, binding] of Object.entries(BINDINGS)) {
  test(`${name}: a FIFO, directory, device or socket is refused, sync and async, parse and diff`, async () => {
    const calls = [
      ['parseSnapshot(input, options)', '', (p) => binding.parseSnapshot(p)],
      ['parseSnapshotAsync(input, options)', '', (p) => binding.parseSnapshotAsync(p)],
      ['diffSnapshots(before, after)', 'before ', (p) => binding.diffSnapshots(p, BEFORE)],
      ['diffSnapshots(before, after)', 'after ', (p) => binding.diffSnapshots(BEFORE, p)],
      ['diffSnapshotsAsync(before, after)', 'before ', (p) => binding.diffSnapshotsAsync(p, BEFORE)],
      ['diffSnapshotsAsync(before, after)', 'after ', (p) => binding.diffSnapshotsAsync(BEFORE, p)],
    ];
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    for (const [file, what] of NOT_REGULAR) {
      for (const [call, side, run] of calls) {
        const label = side ? `${side}(${file})` : file;
        const message = new RegExp(`^${escape(`${call}: ${label}: not a regular file (${what})`)}$`);
        await withFifoWriter(() => assert.rejects(async () => run(file), { name: 'Error', message }, `${call} ${side}${file}`));
      }
    }
  });
}

for (const [name, binding] of Object.entries(BINDINGS)) {
  test(`${name}: a Blob (a browser's File) parses and diffs like its bytes`, async () => {
    const fromBlob = await binding.parseSnapshotAsync(new Blob([BEFORE]));
    const fromBytes = binding.parseSnapshot(BEFORE);
    try {
      assert.deepEqual([fromBlob.nodeCount, fromBlob.edgeCount, fromBlob.totalSize], [fromBytes.nodeCount, fromBytes.edgeCount, fromBytes.totalSize]);
    } finally {
      fromBlob.free();
      fromBytes.free();
    }
    assert.deepEqual(await binding.diffSnapshotsAsync(new Blob([BEFORE]), new Blob([AFTER])), PINNED);
  });
}

test('without Node\'s files (the browser build) a path is refused, saying why', () => {
  const { snapshotFront } = require('@bindlab/api/lib/snapshots.js');
  const front = snapshotFront(BINDINGS.wasm, null);
  assert.throws(() => front.parseSnapshot('/some/file.heapsnapshot'), {
    name: 'TypeError',
    message: /^parseSnapshot\(input, options\): input must be bytes \(Uint8Array, ArrayBuffer\) \(file paths need Node\), got the string/,
  });
  const parsed = front.parseSnapshot(BEFORE);
  assert.equal(parsed.nodeCount, PINNED.before.nodes);
  parsed.free();
});
