// Offline snapshot analysis through both bindings: the same fixtures give the same
// handles and the same HeapDiff — the JSON the Rust core is pinned to — from paths,
// bytes, handles and streams; bad input gives labelled errors.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
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
  const external = () => napi.reportedExternalMemory();
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
