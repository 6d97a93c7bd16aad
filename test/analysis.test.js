// Dominators, retained sizes and leaks through both packages: known answers on built
// snapshots, the same answers from napi and wasm on real ones, findLeaks and
// findLeaksAsync on paths, bytes, handles, streams and Blobs, both id rules and both
// measuring sides, and bad input refused alike by both packages.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { Readable } = require('node:stream');
const { BINDINGS } = require('./bindings.js');

const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic'];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];

/** A snapshot's JSON from nodes `[type, name, id, selfSize]` (node 0 the root) and edges
 * `[from, type, nameOrIndex, to]` (a name is a string, an index a number). */
function snapshotJson(nodes, edges) {
  const strings = ['<dummy>'];
  const string = (s) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const flatNodes = nodes.flatMap(([type, name, id, size], i) => [
    NODE_TYPES.indexOf(type), string(name), id, size, edges.filter(([from]) => from === i).length,
  ]);
  const flatEdges = [...edges].sort((a, b) => a[0] - b[0]).flatMap(([, type, name, to]) => [
    EDGE_TYPES.indexOf(type), typeof name === 'number' ? name : string(name), to * 5,
  ]);
  return JSON.stringify({
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
        node_types: [NODE_TYPES],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [EDGE_TYPES],
      },
      node_count: nodes.length,
      edge_count: edges.length,
    },
    nodes: flatNodes,
    edges: flatEdges,
    strings,
  });
}

/** root -> (GC roots) -> global -cache-> Map -table-> (object elements) holding `widgets`
 * Widgets (each owning an Array), and `extra` more objects of class Extra on global. */
function heap(widgets, { extra = 0, temp = false } = {}) {
  const nodes = [['synthetic', '', 1, 0], ['synthetic', '(GC roots)', 3, 0], ['object', 'global', 5, 24], ['object', 'Map', 7, 32], ['array', '(object elements)', 9, 64]];
  const edges = [[0, 'element', 1, 1], [1, 'element', 0, 2], [2, 'property', 'cache', 3], [3, 'internal', 'table', 4]];
  for (let k = 0; k < widgets; k++) {
    const w = nodes.push(['object', 'Widget', 1_000_001 + 2 * k, 40]) - 1;
    const items = nodes.push(['object', 'Array', 2_000_001 + 2 * k, 16]) - 1;
    edges.push([4, 'element', k, w], [w, 'property', 'items', items]);
  }
  for (let k = 0; k < extra; k++) edges.push([2, 'property', 'x', nodes.push(['object', 'Extra', 3_000_001 + 2 * k, 100]) - 1]);
  if (temp) edges.push([2, 'property', 't', nodes.push(['object', 'Temp', 4_000_001, 8]) - 1]);
  return Buffer.from(snapshotJson(nodes, edges));
}

const BASELINE = heap(0);
const TARGET = heap(500, { extra: 2, temp: true });
const FINAL = heap(500, { extra: 2 });
/** The leaks of that triple: 500 Widgets (each with its Array) in one trace cluster, two
 * Extras; Temp was freed before the final snapshot. */
const LEAKS = [
  { what: 'Widget', count: 500, retainedSize: 500 * 56, trace: [{ edge: '[0]', node: '(array)' }, { edge: 'table', node: 'Map' }, { edge: 'cache', node: 'global' }, { edge: '[0]', node: '(GC roots)' }] },
  { what: 'Extra', count: 2, retainedSize: 200, trace: [{ edge: 'x', node: 'global' }, { edge: '[0]', node: '(GC roots)' }] },
];

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-analysis-'));
const PATHS = Object.fromEntries(Object.entries({ baseline: BASELINE, target: TARGET, final: FINAL }).map(([name, bytes]) => {
  const file = path.join(DIR, `${name}.heapsnapshot`);
  fs.writeFileSync(file, bytes);
  return [name, file];
}));
test.after(() => fs.rmSync(DIR, { recursive: true, force: true }));

const REAL = ['baseline', 'target', 'final'].map((name) =>
  zlib.gunzipSync(fs.readFileSync(path.join(__dirname, 'fixtures', 'analysis', `${name}.heapsnapshot.gz`))));

for (const [name, pkg] of Object.entries(BINDINGS)) {
  test(`${name}: retained sizes, dominators and the largest retainers of a chain`, () => {
    const chain = Buffer.from(snapshotJson(
      [['synthetic', '', 1, 0], ['object', 'A', 3, 10], ['object', 'B', 5, 20], ['object', 'C', 7, 40]],
      [[0, 'element', 0, 1], [1, 'property', 'b', 2], [2, 'property', 'c', 3], [1, 'weak', 'w', 3]],
    ));
    const s = pkg.parseSnapshot(chain);
    try {
      assert.deepEqual([1, 3, 5, 7].map((id) => s.retainedSize(id)), [70, 70, 60, 40]);
      assert.deepEqual([1, 3, 5, 7].map((id) => s.dominatorOf(id)), [null, 1, 3, 5]);
      assert.deepEqual(s.topRetained(2), [
        { id: 3, name: 'A', type: 'object', selfSize: 10, retainedSize: 70 },
        { id: 5, name: 'B', type: 'object', selfSize: 20, retainedSize: 60 },
      ]);
      assert.equal(s.topRetained(100).length, 3);
    } finally {
      s.free();
    }
  });

  test(`${name}: findLeaks groups the new objects still alive, largest first, with a trace`, () => {
    assert.deepEqual(pkg.findLeaks(BASELINE, TARGET, FINAL), LEAKS);
    assert.deepEqual(pkg.findLeaks(PATHS.baseline, PATHS.target, PATHS.final, { measureIn: 'final' }), LEAKS);
    const handles = [BASELINE, TARGET, FINAL].map((bytes) => pkg.parseSnapshot(bytes));
    try {
      assert.deepEqual(pkg.findLeaks(...handles), LEAKS);
      assert.equal(handles[1].nodeCount, 5 + 1000 + 3, 'handles passed in are not freed');
    } finally {
      handles.forEach((h) => h.free());
    }
  });

  test(`${name}: findLeaksAsync reads paths, streams and Blobs`, async () => {
    assert.deepEqual(await pkg.findLeaksAsync(PATHS.baseline, PATHS.target, PATHS.final), LEAKS);
    const stream = (bytes) => Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]);
    assert.deepEqual(await pkg.findLeaksAsync(stream(BASELINE), new Blob([TARGET]), stream(FINAL), { measureIn: 'final' }), LEAKS);
  });

  test(`${name}: the id-reuse rule counts an id whose class changed as a new object`, () => {
    // Id 7 is the Map in the baseline and a Reused object in the target and the final.
    const reused = Buffer.from(TARGET.toString().replace('"Map"', '"Reused"'));
    const whats = (options) => pkg.findLeaks(BASELINE, reused, reused, options).map((row) => row.what);
    assert.deepEqual(whats(), ['Widget', 'Extra', 'Temp']);
    assert.deepEqual(whats({ idRule: 'sameIdTypeAndName' }), ['Reused', 'Extra', 'Temp']);
  });

  test(`${name}: diffSnapshots by the id-reuse rule counts an id whose class changed as freed plus allocated`, async () => {
    // Id 7 is the Map before and a Reused object after: memwatch's rule sees no change.
    const after = Buffer.from(BASELINE.toString().replace('"Map"', '"Reused"'));
    const counts = (diff) => Object.fromEntries(diff.change.details.map((row) => [row.what, [row['+'], row['-']]]));
    assert.deepEqual(counts(pkg.diffSnapshots(BASELINE, after)), {});
    const reuse = { idRule: 'sameIdTypeAndName' };
    assert.deepEqual(counts(pkg.diffSnapshots(BASELINE, after, reuse)), { Map: [0, 1], Reused: [1, 0] });
    assert.deepEqual(counts(await pkg.diffSnapshotsAsync(BASELINE, after, reuse)), { Map: [0, 1], Reused: [1, 0] });
    assert.throws(() => pkg.diffSnapshots(BASELINE, after, { idRule: 'byName' }), {
      name: 'RangeError', message: 'diffSnapshots(before, after): options.idRule must be "sameId" or "sameIdTypeAndName", got the string "byName"',
    });
  });

  test(`${name}: bad input is refused before anything is read, naming the call and the argument`, async () => {
    const call = 'findLeaks(baseline, target, final, options)';
    assert.throws(() => pkg.findLeaks(BASELINE, 42, FINAL), { name: 'TypeError', message: new RegExp(`^${escape(call)}: target must be`) });
    assert.throws(() => pkg.findLeaks(BASELINE, TARGET, FINAL, { measureIn: 'middle' }), {
      name: 'RangeError', message: `${call}: options.measureIn must be "target" or "final", got the string "middle"`,
    });
    assert.throws(() => pkg.findLeaks(BASELINE, TARGET, FINAL, { idRule: 1 }), {
      name: 'TypeError', message: `${call}: options.idRule must be "sameId" or "sameIdTypeAndName" or undefined, got number 1`,
    });
    await assert.rejects(pkg.findLeaksAsync(BASELINE, TARGET, Buffer.from('{"snapshot"')), {
      message: /^findLeaksAsync\(baseline, target, final, options\): final \(bytes\): /,
    });
    const s = pkg.parseSnapshot(BASELINE);
    try {
      assert.throws(() => s.retainedSize(4), { name: 'RangeError', message: 'HeapSnapshot.retainedSize(nodeId): nodeId must be the id of a node in this snapshot, got number 4' });
      assert.throws(() => s.dominatorOf('3'), { name: 'TypeError', message: 'HeapSnapshot.dominatorOf(nodeId): nodeId must be a number, got the string "3"' });
      assert.throws(() => s.topRetained(-1), { name: 'RangeError' });
      assert.throws(() => new pkg.NodeIds(), { name: 'TypeError', message: 'NodeIds cannot be constructed directly; get one from HeapSnapshot.nodeIds()' });
      assert.throws(() => s.findLeaks({}, s.nodeIds()), { name: 'TypeError', message: /^HeapSnapshot\.findLeaks\(baseline, other\): baseline must be a NodeIds/ });
    } finally {
      s.free();
    }
  });
}

/** `text` as a literal inside a RegExp. */
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('napi and wasm give the same dominators, retained sizes and leaks on real snapshots', () => {
  const [napi, wasm] = [BINDINGS.napi, BINDINGS.wasm];
  const answers = (pkg) => {
    const s = pkg.parseSnapshot(REAL[1]);
    try {
      const top = s.topRetained(50);
      const ids = top.map((row) => row.id);
      return { top, dominators: ids.map((id) => s.dominatorOf(id)), sizes: ids.map((id) => s.retainedSize(id)) };
    } finally {
      s.free();
    }
  };
  const a = answers(napi);
  assert.deepEqual(a, answers(wasm));
  assert.deepEqual(a.sizes, a.top.map((row) => row.retainedSize));
  assert.ok(a.top.every((row, i) => i === 0 || a.top[i - 1].retainedSize >= row.retainedSize), 'largest first');
  for (const measureIn of ['target', 'final']) {
    const rows = napi.findLeaks(...REAL, { measureIn });
    assert.ok(rows.length > 10, `${rows.length} leak rows`);
    assert.deepEqual(rows, wasm.findLeaks(...REAL, { measureIn }));
  }
});
