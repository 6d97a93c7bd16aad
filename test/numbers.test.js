// Numbers the types declare as `number` are JavaScript numbers on both packages, also
// above 2^32 (napi-rs's serializer makes a BigInt of a `u64` there): a diff whose sizes
// pass 2^32 gives the same numbers on napi and wasm. A size, or a sum of sizes, above
// 2^53 - 1 (which a number cannot hold exactly) is the same parse error on both.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BINDINGS } = require('./bindings.js');

/** A snapshot with these node and edge records (fields: type, name, id, self_size,
 * edge_count; type, name_or_index, to_node) over the strings '(root)' and 'Big'. */
function snapshotOf(nodes, edges) {
  return Buffer.from(JSON.stringify({
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [['synthetic', 'object']],
        edge_fields: ['type', 'name_or_index', 'to_node'], edge_types: [['property']],
      },
      node_count: nodes.length / 5, edge_count: edges.length / 3,
    },
    nodes, edges, strings: ['(root)', 'Big'],
  }));
}

/** A snapshot of a root and, when `size` is given, one `Big` object of that self size. */
const snapshot = (size) => (size === undefined ? snapshotOf([0, 0, 1, 0, 0], []) : snapshotOf([0, 0, 1, 0, 1, 1, 1, 3, size, 0], [0, 1, 5]));

const BIG = 5 * 2 ** 32; // above 2^32, below 2^53

/** Every value in `value` whose type is neither number nor string nor object, with its path. */
function nonNumbers(value, path = 'diff') {
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => nonNumbers(v, `${path}.${k}`));
  return ['number', 'string'].includes(typeof value) ? [] : [`${path}: ${typeof value}`];
}

test('a diff whose sizes pass 2^32 is plain numbers, the same on both packages', () => {
  const diffs = Object.entries(BINDINGS).map(([name, m]) => [name, m.diffSnapshots(snapshot(), snapshot(BIG))]);
  for (const [name, diff] of diffs) {
    assert.deepEqual(nonNumbers(diff), [], `${name}: no BigInt in the diff`);
    assert.equal(diff.after.size_bytes, BIG, name);
    assert.equal(diff.change.size_bytes, BIG, name);
  }
  assert.deepEqual(diffs[0][1], diffs[1][1]);
  for (const [name, m] of Object.entries(BINDINGS)) {
    const parsed = m.parseSnapshot(snapshot(BIG));
    assert.equal(parsed.totalSize, BIG, name);
    assert.deepEqual(parsed.topClasses(1).map((c) => typeof c.selfSize), ['number'], name);
  }
});

test('a size or a total above 2^53 - 1 is the same parse error, with its byte offset, on both packages', () => {
  const cases = [
    ['one size of 2^53', [0, 0, 1, 0, 1, 1, 1, 3, 2 ** 53, 0], [0, 1, 5]],
    ['two sizes adding up past 2^53 - 1', [0, 0, 1, 0, 2, 1, 1, 3, 2 ** 52, 0, 1, 1, 5, 2 ** 52, 0], [0, 1, 5, 0, 1, 10]],
  ];
  for (const [label, nodes, edges] of cases) {
    const bytes = snapshotOf(nodes, edges);
    const UNSAFE = /heap snapshot, byte \d+: (total )?self_size \d+ is above 9007199254740991 \(2\^53 - 1\)/;
    const messages = Object.entries(BINDINGS).map(([name, m]) => {
      const error = captured(() => m.parseSnapshot(bytes));
      assert.ok(error instanceof Error && !(error instanceof TypeError), `${name}, ${label}: an Error`);
      assert.match(error.message, UNSAFE, `${name}, ${label}`);
      assert.throws(() => m.diffSnapshots(snapshot(), bytes), (e) => e.message.endsWith(error.message.slice(error.message.indexOf('heap snapshot'))), `${name}, ${label}: diff`);
      return error.message;
    });
    assert.equal(messages[0], messages[1], label);
  }
  for (const [name, m] of Object.entries(BINDINGS)) assert.equal(m.parseSnapshot(snapshot(2 ** 53 - 1)).totalSize, 2 ** 53 - 1, name);
});

/** The error `fn` throws. */
function captured(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail('did not throw');
}
