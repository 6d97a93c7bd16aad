// Numbers the types declare as `number` are JavaScript numbers on both packages, also
// above 2^32 (napi-rs's serializer makes a BigInt of a `u64` there): a diff whose sizes
// pass 2^32 gives the same numbers on napi and wasm.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BINDINGS } = require('./bindings.js');

/** A snapshot of a root and, when `size` is given, one `Big` object of that self size. */
function snapshot(size) {
  const nodes = size === undefined ? [0, 0, 1, 0, 0] : [0, 0, 1, 0, 1, 1, 1, 3, size, 0];
  const edges = size === undefined ? [] : [0, 1, 5];
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
