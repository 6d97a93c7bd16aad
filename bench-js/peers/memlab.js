// memlab 2.0.5 as a peer implementation of the real-API rows: bindlab's async snapshot
// names, each answered by memlab's own code (memlab reads files only, and asynchronously,
// so it has no counterpart of the sync rows, which skip it):
// `parseSnapshotAsync(path)` resolves with memlab's parse loader's heap; the first
// analysis call on it runs memlab's path finder (shortest paths, dominators, retained
// sizes), so parse + `topRetained` is memlab's full loader; `findLeaksAsync` is memlab's
// find-leaks with `--trace-all-objects` (the mode in which it reports objects of a Node
// heap at all).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { config, utils, analysis } = require('@memlab/core');
const { findLeaksBySnapshotFilePaths } = require('@memlab/api');

config.muteConsole = true;

/** memlab's scratch folder for find-leaks, one per process, removed at exit. */
const workDir = (() => {
  let dir = null;
  return () => {
    if (dir === null) {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-memlab-peer-'));
      process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    }
    return dir;
  };
})();

/** `input` as a path, which is all memlab reads. */
function pathOf(call, input) {
  if (typeof input !== 'string') throw new TypeError(`memlab peer ${call}: memlab reads snapshot files only, got ${typeof input}`);
  return input;
}

/** A heap memlab parsed, with the part of bindlab's HeapSnapshot surface the rows use. */
class PeerSnapshot {
  constructor(heap) {
    this.heap = heap;
  }

  /** Nodes in the snapshot. */
  get nodeCount() {
    return this.heap.nodes.length;
  }

  /** The heap with memlab's dominators and retained sizes (computed on first use). */
  analysed() {
    analysis.preparePathFinder(this.heap);
    return this.heap;
  }

  /** The retained size of the node with id `nodeId`. */
  retainedSize(nodeId) {
    return this.analysed().getNodeById(nodeId).retainedSize;
  }

  /** The `n` nodes other than the root retaining most, largest first (ties: smaller id). */
  topRetained(n) {
    const top = [];
    this.analysed().nodes.forEach((node) => {
      if (node.nodeIndex === 0) return;
      const row = { id: node.id, name: node.name, type: node.type, selfSize: node.self_size, retainedSize: node.retainedSize };
      let at = top.length;
      while (at > 0 && (top[at - 1].retainedSize < row.retainedSize || (top[at - 1].retainedSize === row.retainedSize && top[at - 1].id > row.id))) at--;
      if (at < n) {
        top.splice(at, 0, row);
        if (top.length > n) top.pop();
      }
    });
    return top;
  }

  /** Nothing to release: the heap is garbage once unreferenced. */
  free() {
    this.heap = null;
  }
}

/** Parses a snapshot file with memlab's parse loader. */
async function parseSnapshotAsync(input) {
  return new PeerSnapshot(await utils.getSnapshotFromFile(pathOf('parseSnapshotAsync', input), { buildNodeIdIndex: true, verbose: false }));
}

/** memlab find-leaks --trace-all-objects on three snapshot files; memlab's serialized traces. */
async function findLeaksAsync(baseline, target, final) {
  config.oversizeObjectAsLeak = true;
  config.oversizeThreshold = 0;
  const [b, t, f] = [baseline, target, final].map((input) => pathOf('findLeaksAsync', input));
  return findLeaksBySnapshotFilePaths(b, t, f, { workDir: workDir(), consoleMode: 'SILENT' });
}

module.exports = { parseSnapshotAsync, findLeaksAsync };
