// Core, napi and wasm agree on hostile inputs: every mutated snapshot of
// core/tests/fixtures/mutated-snapshots.json (made by core's own example, with core's
// outcome on each) parses to the same counts and classes on both packages, or fails with
// core's error at the same byte offset; every pair of them diffs to core's diff, or fails
// naming the same side.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { BINDINGS } = require('./bindings.js');

const FIXTURE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'core', 'tests', 'fixtures', 'mutated-snapshots.json'), 'utf8'));
const INPUTS = FIXTURE.inputs.map((input) => Buffer.from(input.latin1, 'latin1'));

/** Core's message for one side of a diff, without the side core puts in front. */
const sideMessage = (message) => message.replace(/^(first \(before\)|second \(after\)) snapshot: /, '');

for (const [name, pkg] of Object.entries(BINDINGS)) {
  test(`${name}: each mutated snapshot parses as core parsed it, or fails as core did`, () => {
    FIXTURE.inputs.forEach(({ outcome }, i) => {
      if (outcome.error) {
        assert.throws(() => pkg.parseSnapshot(INPUTS[i]), (error) => {
          assert.ok(error.message.endsWith(`: ${outcome.error.message}`), `input ${i}: ${error.message}`);
          return true;
        });
        return;
      }
      const snapshot = pkg.parseSnapshot(INPUTS[i]);
      try {
        const { nodeCount, edgeCount, totalSize } = snapshot;
        assert.deepEqual({ nodeCount, edgeCount, totalSize, classes: snapshot.classes() }, outcome.snapshot, `input ${i}`);
      } finally {
        snapshot.free();
      }
    });
  });

  test(`${name}: each pair of mutated snapshots diffs as core diffed it, or fails on the same side`, () => {
    for (const { before, after, outcome } of FIXTURE.pairs) {
      const where = `pair ${before} → ${after}`;
      if (outcome.error) {
        assert.throws(() => pkg.diffSnapshots(INPUTS[before], INPUTS[after]), (error) => {
          assert.match(error.message, new RegExp(`^diffSnapshots\\(before, after\\): ${outcome.error.input} \\(bytes\\): `), where);
          assert.ok(error.message.endsWith(sideMessage(outcome.error.message)), `${where}: ${error.message}`);
          return true;
        });
      } else {
        assert.deepEqual(pkg.diffSnapshots(INPUTS[before], INPUTS[after]), outcome.diff, where);
      }
    }
  });
}
