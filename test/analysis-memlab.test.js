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

/** Why `pkg` cannot be checked for `what` yet (naming the API it lacks), or false. */
function lacking(pkg, probe, what) {
  const missing = {
    dominators: ['retainedSize', 'dominatorOf', 'topRetained'].filter((name) => typeof probe[name] !== 'function'),
    classes: typeof probe.classes === 'function' && 'retainedSize' in (probe.classes()[0] ?? {}) ? [] : ['classes() rows with retainedSize'],
    leaks: typeof pkg.findLeaks === 'function' ? [] : ['findLeaks'],
  }[what];
  return missing.length > 0 ? `lacks ${missing.join(', ')}` : false;
}

/** An edge name with its numbers (element indexes, ids in a WeakMap edge's name) as `#`:
 * a leak row shows the trace of one of its members, not necessarily memlab's. */
const edgeName = (edge) => String(edge).replace(/\d+/g, '#').replace(/^\[#\]$/, '#');

/** A row as the expectations spell it, whatever else the binding's row carries. */
const retainedRow = ({ id, name, type, selfSize, retainedSize }) => ({ id, name, type, selfSize, retainedSize });

/** Runs `check` on a parsed snapshot of `file` and frees it. */
function withSnapshot(pkg, file, check) {
  const snapshot = pkg.parseSnapshot(bytesOf(file));
  try {
    check(snapshot);
  } finally {
    snapshot.free();
  }
}

/** `pkg.findLeaks` on the triple, measured in the final snapshot as memlab measures. */
const leakRows = (pkg) => {
  const { baseline, target, final } = EXPECTED.leaks;
  return pkg.findLeaks(bytesOf(baseline), bytesOf(target), bytesOf(final), { measureIn: 'final' });
};

for (const [label, pkg] of Object.entries(BINDINGS)) {
  const probe = pkg.parseSnapshot(bytesOf(Object.keys(EXPECTED.snapshots)[0]));
  const skip = { dominators: lacking(pkg, probe, 'dominators'), classes: lacking(pkg, probe, 'classes'), leaks: lacking(pkg, probe, 'leaks') };
  probe.free();

  for (const [file, expected] of Object.entries(EXPECTED.snapshots)) {
    test(`${label}: ${path.basename(file)} — retained sizes, dominators and top retained as memlab's`, { skip: skip.dominators }, () => {
      withSnapshot(pkg, file, (snapshot) => {
        assert.equal(snapshot.nodeCount, expected.nodeCount);
        assert.equal(snapshot.retainedSize(expected.rootId), expected.totalRetainedSize, 'the root retains the whole snapshot');
        for (const node of expected.nodes) {
          assert.equal(snapshot.retainedSize(node.id), node.retainedSize, `retainedSize(${node.id}) (${node.type} ${node.name})`);
          assert.equal(snapshot.dominatorOf(node.id), node.dominator, `dominatorOf(${node.id}) (${node.type} ${node.name})`);
        }
        assert.deepEqual(snapshot.topRetained(expected.topRetained.length).map(retainedRow), expected.topRetained);
      });
    });

    test(`${label}: ${path.basename(file)} — per-class retained totals as memlab's`, { skip: skip.classes }, () => {
      withSnapshot(pkg, file, (snapshot) => {
        const classes = new Map(snapshot.classes().map((row) => [row.name, row]));
        for (const cls of expected.classes) {
          const row = classes.get(cls.name);
          assert.ok(row, `classes() has ${cls.name}`);
          assert.deepEqual({ count: row.count, retainedSize: row.retainedSize }, { count: cls.count, retainedSize: cls.retainedSize }, `class ${cls.name}`);
        }
      });
    });
  }

  test(`${label}: findLeaks on the triple, measured in the final snapshot, finds the roots of the leaks memlab reports (those with a trace)`, { skip: skip.leaks }, () => {
    const rows = leakRows(pkg);
    const byClass = new Map();
    for (const { what, count, retainedSize } of rows) {
      const sum = byClass.get(what) ?? { what, count: 0, retainedSize: 0 };
      byClass.set(what, { what, count: sum.count + count, retainedSize: sum.retainedSize + retainedSize });
    }
    const order = (a, b) => (a.what < b.what ? -1 : 1);
    assert.deepEqual([...byClass.values()].sort(order), [...EXPECTED.leaks.traced.roots.byClass].sort(order));
    assert.equal(rows.reduce((sum, row) => sum + row.retainedSize, 0), EXPECTED.leaks.traced.roots.retainedSize);
    assert.ok(!byClass.has('Transient'), 'the Transients freed before the final snapshot are no leak');
  });

  for (const { what, trace } of EXPECTED.leaks.traced.roots.traces) {
    test(`${label}: the ${what} leak's trace follows memlab's (holder first, numbers aside)`, { skip: skip.leaks }, () => {
      const row = leakRows(pkg).find((r) => r.what === what);
      assert.ok(row && row.trace.length > 0, `a ${what} leak row with a trace`);
      // memlab's path runs root first, each step a node and its edge to the next; bindlab's
      // trace runs from the leak's holder towards the root.
      const memlab = trace.slice(0, -1).reverse().map((step) => ({ edge: edgeName(step.edge), node: step.name }));
      const ours = row.trace.map((step) => ({ edge: edgeName(step.edge), node: step.node }));
      assert.deepEqual(ours, memlab.slice(0, ours.length));
    });
  }
}
