// @vscode/v8-heap-parser 0.1.0 (the wasm build of Microsoft's v8-heap-parser crate) as a
// peer implementation of the real-API rows: bindlab's snapshot names, answered by its own
// decoder. Its wasm API lists classes, not single nodes, so `topRetained(n)` gives the n
// classes retaining most: the same dominators and retained sizes are computed for it.
'use strict';

const fs = require('node:fs');
const parser = require('@vscode/v8-heap-parser');

/** A decoded snapshot, with the part of bindlab's HeapSnapshot surface the rows use. */
class PeerSnapshot {
  constructor(graph) {
    this.graph = graph;
  }

  /** Nodes in the snapshot (the class groups' members added up, without retained sizes). */
  get nodeCount() {
    const groups = this.graph.get_class_groups(0, 2 ** 32 - 1, true);
    const count = groups.reduce((sum, group) => sum + group.children_len, 0);
    for (const group of groups) group.free();
    return count;
  }

  /** Classes with count, self and retained size, largest retained first. */
  classes() {
    return this.graph.get_class_groups(0, 2 ** 32 - 1, false).map((group) => {
      const row = { name: group.name(), count: group.children_len, selfSize: Number(group.self_size), retainedSize: Number(group.retained_size) };
      group.free();
      return row;
    });
  }

  /** The `n` classes retaining most (see the header). */
  topRetained(n) {
    return this.graph.get_class_groups(0, n, false).map((group) => {
      const row = { name: group.name(), retainedSize: Number(group.retained_size) };
      group.free();
      return row;
    });
  }

  /** Releases the wasm graph. */
  free() {
    this.graph.free();
  }
}

/** Decodes a snapshot from a path or bytes. */
function parseSnapshot(input) {
  const bytes = typeof input === 'string' ? fs.readFileSync(input) : input;
  return new PeerSnapshot(parser.decode_bytes(bytes));
}

/** The same, reading a path asynchronously (the decoder itself is synchronous). */
async function parseSnapshotAsync(input) {
  return parseSnapshot(typeof input === 'string' ? await fs.promises.readFile(input) : input);
}

module.exports = { parseSnapshot, parseSnapshotAsync };
