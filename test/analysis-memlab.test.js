// bindlab's heap analysis held to memlab's: on the committed real snapshots, both packages
// give the retained sizes, dominators, top-retained rows, class totals and leak counts
// that memlab 2.0.5's full loader gave (test/fixtures/analysis/memlab-expectations.json,
// made by scripts/memlab-expectations.mjs; its `semantics` and `leaks.rules` say which of
// memlab's rules bindlab is held to and where DevTools' differ).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { BINDINGS } = require('./bindings.js');

const ROOT = path.join(__dirname, '..');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'analysis', 'memlab-expectations.json'), 'utf8'));

/** A committed snapshot's bytes, by its repository path, unzipped once. */
const bytesOf = (() => {
  const cache = new Map();
  return (relative) => {
    if (!cache.has(relative)) cache.set(relative, zlib.gunzipSync(fs.readFileSync(path.join(ROOT, relative))));
    return cache.get(relative);
  };
})();

/** The analysis methods a parsed snapshot must have, and the leak function a package must export. */
const SNAPSHOT_METHODS = ['retainedSize', 'dominatorOf', 'topRetained', 'classes'];

/** Why `pkg` cannot be checked yet (the analysis API it lacks), or null. */
function missingApi(pkg, snapshot) {
  const missing = SNAPSHOT_METHODS.filter((name) => typeof snapshot[name] !== 'function');
  if (typeof pkg.findLeaks !== 'function') missing.push('findLeaks');
  return missing.length > 0 ? `lacks ${missing.join(', ')}` : null;
}

/** An edge name with its numbers (element indexes, ids in a WeakMap edge's name) as `#`:
 * a leak row shows the trace of one of its members, not necessarily memlab's. */
const edgeName = (edge) => String(edge).replace(/\d+/g, '#').replace(/^\[#\]$/, '#');

/** A row as the expectations spell it, whatever else the binding's row carries. */
const retainedRow = ({ id, name, type, selfSize, retainedSize }) => ({ id, name, type, selfSize, retainedSize });

for (const [label, pkg] of Object.entries(BINDINGS)) {
  const probe = pkg.parseSnapshot(bytesOf(Object.keys(EXPECTED.snapshots)[0]));
  const missing = missingApi(pkg, probe);
  probe.free();

  for (const [file, expected] of Object.entries(EXPECTED.snapshots)) {
    test(`${label}: ${path.basename(file)} — retained sizes, dominators, top retained and class totals as memlab's`, { skip: missing ?? false }, () => {
      const snapshot = pkg.parseSnapshot(bytesOf(file));
      try {
        assert.equal(snapshot.nodeCount, expected.nodeCount);
        assert.equal(snapshot.retainedSize(expected.rootId), expected.totalRetainedSize, 'the root retains the whole snapshot');
        for (const node of expected.nodes) {
          assert.equal(snapshot.retainedSize(node.id), node.retainedSize, `retainedSize(${node.id}) (${node.type} ${node.name})`);
          assert.equal(snapshot.dominatorOf(node.id), node.dominator, `dominatorOf(${node.id}) (${node.type} ${node.name})`);
        }
        assert.deepEqual(snapshot.topRetained(expected.topRetained.length).map(retainedRow), expected.topRetained);
        const classes = new Map(snapshot.classes().map((row) => [row.name, row]));
        for (const cls of expected.classes) {
          const row = classes.get(cls.name);
          assert.ok(row, `classes() has ${cls.name}`);
          assert.deepEqual(
            { count: row.count, retainedSize: row.retainedSize },
            { count: cls.count, retainedSize: cls.retainedSize },
            `class ${cls.name}`,
          );
        }
      } finally {
        snapshot.free();
      }
    });
  }

  test(`${label}: findLeaks on the triple, measured in the final snapshot, finds memlab's leak roots`, { skip: missing ?? false }, () => {
    const { leaks } = EXPECTED;
    const rows = pkg.findLeaks(bytesOf(leaks.baseline), bytesOf(leaks.target), bytesOf(leaks.final), { measureIn: 'final' });
    const byClass = new Map();
    for (const { what, count, retainedSize } of rows) {
      const sum = byClass.get(what) ?? { what, count: 0, retainedSize: 0 };
      byClass.set(what, { what, count: sum.count + count, retainedSize: sum.retainedSize + retainedSize });
    }
    const order = (a, b) => (a.what < b.what ? -1 : 1);
    assert.deepEqual([...byClass.values()].sort(order), [...leaks.leaked.roots.byClass].sort(order));
    assert.equal(rows.reduce((sum, row) => sum + row.retainedSize, 0), leaks.leaked.roots.retainedSize);
    assert.ok(!byClass.has('Transient'), 'the Transients freed before the final snapshot are no leak');
    for (const { what, trace } of leaks.leaked.roots.traces) {
      const row = rows.find((r) => r.what === what);
      assert.ok(row && row.trace.length > 0, `a ${what} leak row with a trace`);
      // memlab's path runs root first, each step a node and its edge to the next; bindlab's
      // trace runs from the leak's holder towards the root.
      const memlab = trace.slice(0, -1).reverse().map((step) => ({ edge: edgeName(step.edge), node: step.name }));
      const ours = row.trace.map((step) => ({ edge: edgeName(step.edge), node: step.node }));
      assert.deepEqual(ours, memlab.slice(0, ours.length), `the ${what} trace follows memlab's (holder first, numbers aside)`);
    }
  });
}
