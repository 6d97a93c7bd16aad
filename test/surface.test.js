// The product apart from the lab (issue 11): both packages export the same product names
// at the top level, in the same order, and no probe, lifetime instrument or floor; those
// live under `lab`, where each binding may add its own extras.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BINDINGS } = require('./bindings.js');
const { PRODUCT_BINDING_EXPORTS } = require('@bindlab/api');
const plain = require('@bindlab/bench-js/plain.js');

/** The lab items both bindings have: every probe of the plain-JS baseline (the bench's
 * specification), the lifetime instruments and the floor. */
const SHARED_LAB = [...Object.keys(plain), 'panicProbe', 'throwError', 'Tracked', 'JsHolder', 'trackedTally', 'makeValues', 'raw'];

test('both packages have identical top-level names', () => {
  assert.deepEqual(Object.keys(BINDINGS.napi), Object.keys(BINDINGS.wasm));
});

for (const [name, pkg] of Object.entries(BINDINGS)) {
  test(`${name}: no probe, instrument or floor at the top level; lab holds them`, () => {
    const top = Object.keys(pkg);
    const lab = Object.keys(pkg.lab);
    assert.deepEqual(SHARED_LAB.filter((key) => top.includes(key)), [], 'lab items at the top level');
    assert.deepEqual(SHARED_LAB.filter((key) => !lab.includes(key)), [], 'lab items missing from lab');
    assert.deepEqual(lab.filter((key) => top.includes(key)), [], 'names both at the top level and under lab');
    for (const product of [...PRODUCT_BINDING_EXPORTS, 'HeapDiff', 'gc', 'configure', 'on', 'parseSnapshot', 'diffSnapshots']) {
      assert.ok(top.includes(product), `${product} at the top level`);
    }
  });
}
