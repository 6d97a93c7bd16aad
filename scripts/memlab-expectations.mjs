// Computes, with memlab 2.0.5's full loader, the dominator / retained-size / leak answers
// that test/analysis-memlab.test.js holds bindlab to, and writes them to
// test/fixtures/analysis/memlab-expectations.json:
//
//   node --expose-gc scripts/analysis-snapshots.js     # the triple (only when remaking it)
//   node scripts/memlab-expectations.mjs
//
// Per snapshot (the two core fixtures and the analysis triple): node and edge counts, the
// retained size of the whole heap (the root's), the top 20 nodes other than the root by
// retained size, a fixed selection of nodes with their retained size and immediate
// dominator (the first three of each class the triple was made with, and every 400th node
// in snapshot order), and the per-class retained totals of the 40 classes retaining most
// (plus the triple's classes). For the triple: memlab's find-leaks answer with
// `--trace-all-objects` (see LEAK_RULES).
//
// The numbers are memlab's own: nothing here recomputes a dominator. SEMANTICS, written
// into the file, says how memlab decides and where Chrome DevTools decides otherwise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test', 'fixtures', 'analysis', 'memlab-expectations.json');

/** The snapshots, relative to the repository root. */
const SNAPSHOTS = [
  'core/tests/fixtures/before.heapsnapshot.gz',
  'core/tests/fixtures/after.heapsnapshot.gz',
  'test/fixtures/analysis/baseline.heapsnapshot.gz',
  'test/fixtures/analysis/target.heapsnapshot.gz',
  'test/fixtures/analysis/final.heapsnapshot.gz',
];
const [BASELINE, TARGET, FINAL] = SNAPSHOTS.slice(2);

/** The classes scripts/analysis-snapshots.js allocates. */
const FIXTURE_CLASSES = ['Widget', 'WidgetPayload', 'WidgetCache', 'RingNode', 'RegistryKey', 'RegistryMeta', 'WeakTarget', 'Session', 'Transient'];
/** The leak roots whose memlab trace is recorded: the triple's holders, and the timer. */
const TRACED_CLASSES = ['WidgetCache', 'RingNode', 'RegistryMeta', 'Timeout'];
const TOP_NODES = 20;
const TOP_CLASSES = 40;
const NODE_STRIDE = 400;

/** How memlab 2.0.5 decides, read from @memlab/core's TraceFinder, Utils and HeapAnalyzer. */
const SEMANTICS = [
  'dominators: Lengauer-Tarjan from the root (ordinal 0) over essential edges: not weak, shortcut only from the root, no self edge, and no edge from a node unreachable from the root (by non-weak edges) into a reachable one',
  'WeakMap: memlab keeps both halves of an ephemeron (table -> value and key -> value, "part of key -> value pair in WeakMap"), so a value held only by a WeakMap is dominated by the common dominator of the key and the table; DevTools drops the table half, making the key its dominator',
  'unreachable nodes: those retained only by weak edges are walked from the root as extra DFS trees, the rest (cliques retaining one another) are children of the root; the root retained size therefore counts every node of the snapshot',
  'retained size: self size plus the retained sizes of the nodes it immediately dominates',
  'ids: memlab keeps node ids in 32 bits (an id of 2^32 or more wraps and collides); V8 ids stay below that in practice, and every id here does',
  'class: the DevTools class of a node: (system) for hidden, (compiled code) for code, Function for closures, the name for objects and native nodes, (type) for the rest',
  'class retained total (retainedSize): the sum of the retained sizes of the class nodes that no other node of the same class dominates (memlab aggregateDominatorMetrics over the class)',
  'DevTools class total (devtoolsRetainedSize): the same over only the nodes with a self size or of type native (DevTools calculateClassesRetainedSize); it differs where a class holds zero-size nodes that dominate others, as (synthetic) holds the root',
];

/** memlab's find-leaks rules with --trace-all-objects, read from HeapAnalyzer.diffSnapshots and the leak filters. */
const LEAK_RULES = [
  'candidates: nodes of the FINAL snapshot whose id is in the target and in neither the baseline nor any snapshot before the target',
  'retained sizes, dominators and traces are those of the final snapshot',
  'without --trace-all-objects memlab keeps only detached DOM elements, unmounted React fibers and stack-trace frames, so on a Node process it reports nothing',
  'with --trace-all-objects (oversizeObjectAsLeak, threshold 0): every candidate except numbers, strings (all string kinds) and hidden nodes, whose retained size is above 0',
  'traces (roots.traces): memlab\'s shortest path from the GC roots to the node, breadth first from the roots in memlab\'s priority order (user roots before system ones; weak edges and WeakMap key edges skipped), root first',
  'traced: the leaked nodes memlab finds a retainer trace for (TraceFinder.getPathToGCRoots, over the edges it traverses: no weak edges, no WeakMap key edges, none of its blocked edge and node names), the ones its report shows; code objects reached only through blocked or system edges have none',
  'roots of a set: its nodes that no other node of the set dominates; their retained sizes add up to the set\'s (memlab aggregateDominatorMetrics)',
  'clusters: memlab sequential trace clustering of each leaked node\'s shortest path from the GC roots (weak edges skipped, WeakMap key edges skipped); a cluster\'s retained size is that of its nodes no other of its nodes dominates',
  'a leaked node whose trace is longer than 100 steps is left out of the traces and clusters (not of `leaked`): only 98 of the 200 RingNodes of the triple\'s cycle have a trace',
];

const { config, utils, analysis, NormalizedTrace, fileManager } = require('@memlab/core');
const { getFullHeapFromFile } = require('@memlab/heap-analysis');

/** The DevTools class name of a memlab node. */
function className(node) {
  switch (node.type) {
    case 'hidden': return '(system)';
    case 'code': return '(compiled code)';
    case 'closure': return 'Function';
    case 'object':
    case 'native': return node.name;
    default: return `(${node.type})`;
  }
}

/** A node as a row of the expectations. */
function row(node) {
  return { id: node.id, name: node.name, type: node.type, selfSize: node.self_size, retainedSize: node.retainedSize };
}

/** The ids of `nodes` (memlab nodes) that no other of them dominates. */
function topmostOf(nodes) {
  const ids = new Set(nodes.map((n) => n.id));
  return nodes.filter((node) => {
    const seen = new Set([node.id]);
    for (let cur = node.dominatorNode; cur && !seen.has(cur.id); cur = cur.dominatorNode) {
      if (ids.has(cur.id)) return false;
      seen.add(cur.id);
    }
    return true;
  });
}

/** Per-class count, self size and retained total, by the class retained rule of SEMANTICS. */
function classTotals(heap) {
  const byClass = new Map();
  heap.nodes.forEach((node) => {
    const name = className(node);
    if (!byClass.has(name)) byClass.set(name, []);
    byClass.get(name).push(node);
  });
  const retained = (nodes) => topmostOf(nodes).reduce((sum, n) => sum + n.retainedSize, 0);
  return [...byClass].map(([name, nodes]) => ({
    name,
    count: nodes.length,
    selfSize: nodes.reduce((sum, n) => sum + n.self_size, 0),
    retainedSize: retained(nodes),
    devtoolsRetainedSize: retained(nodes.filter((n) => n.self_size > 0 || n.type === 'native')),
  }));
}

/** Descending retained size, then ascending id (the order ties are listed in). */
const byRetained = (a, b) => b.retainedSize - a.retainedSize || a.id - b.id;

/** A gzipped snapshot unzipped into `dir`; its path. */
function unzip(relative, dir) {
  const file = path.join(dir, path.basename(relative, '.gz'));
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(ROOT, relative))));
  return file;
}

/** What memlab's full loader says of one snapshot file. */
async function expectSnapshot(file) {
  const heap = await getFullHeapFromFile(file);
  const nodes = [];
  const firstOfClass = new Map();
  heap.nodes.forEach((node) => {
    const name = className(node);
    const seen = firstOfClass.get(name) ?? 0;
    const wanted = (FIXTURE_CLASSES.includes(name) && seen < 3) || node.nodeIndex % NODE_STRIDE === 0;
    if (FIXTURE_CLASSES.includes(name)) firstOfClass.set(name, seen + 1);
    if (wanted) nodes.push({ ...row(node), dominator: node.nodeIndex === 0 ? null : node.dominatorNode.id });
  });
  const all = [];
  heap.nodes.forEach((node) => {
    // (memlab's forEach stops at a callback that returns false.)
    if (node.nodeIndex !== 0) all.push(row(node));
  });
  const classes = classTotals(heap).sort((a, b) => b.retainedSize - a.retainedSize || (a.name < b.name ? -1 : 1));
  return {
    nodeCount: heap.nodes.length,
    edgeCount: heap.edges.length,
    rootId: heap.nodes.get(0).id,
    totalRetainedSize: heap.nodes.get(0).retainedSize,
    topRetained: all.sort(byRetained).slice(0, TOP_NODES),
    nodes,
    classes: classes.filter((c, i) => i < TOP_CLASSES || FIXTURE_CLASSES.includes(c.name)),
  };
}

/** A leak trace (memlab's linked path) as steps from the root: edge then node. */
function traceSteps(p) {
  const steps = [];
  for (let item = p; item; item = item.next) {
    steps.push({
      edge: item.edge ? String(item.edge.name_or_index) : null,
      edgeType: item.edge ? item.edge.type : null,
      id: item.node.id,
      name: item.node.name,
      type: item.node.type,
    });
  }
  return steps;
}

/** `nodes` by class: `{ what, count, retainedSize }` rows (retained: the class's topmost nodes), largest first. */
function byClassOf(nodes) {
  const byClass = new Map();
  for (const node of nodes) {
    const name = className(node);
    if (!byClass.has(name)) byClass.set(name, []);
    byClass.get(name).push(node);
  }
  const rows = [...byClass].map(([what, members]) => ({
    what, count: members.length, retainedSize: topmostOf(members).reduce((sum, n) => sum + n.retainedSize, 0),
  }));
  return rows.sort((a, b) => b.retainedSize - a.retainedSize || b.count - a.count || (a.what < b.what ? -1 : 1));
}

/** The nodes of `snapshot` whose ids are in `ids`. */
function nodesOf(ids, snapshot) {
  const nodes = [];
  utils.applyToNodes(ids, snapshot, (node) => {
    nodes.push(node);
  });
  return nodes;
}

/** Some nodes: their count, their class breakdown, and their roots (the nodes no other of
 * them dominates), with the roots' retained total and classes. */
function describeNodes(nodes) {
  const roots = topmostOf(nodes);
  return {
    count: nodes.length,
    byClass: byClassOf(nodes),
    roots: { count: roots.length, retainedSize: roots.reduce((sum, n) => sum + n.retainedSize, 0), byClass: byClassOf(roots) },
  };
}

/** memlab's shortest retainer trace of the first root (by id) of each class in TRACED_CLASSES among `roots`. */
function rootTraces(finder, snapshot, roots) {
  const sorted = [...roots].sort((a, b) => a.id - b.id);
  return TRACED_CLASSES.map((what) => sorted.find((node) => className(node) === what))
    .map((node) => ({ id: node.id, what: className(node), trace: traceSteps(finder.getPathToGCRoots(snapshot, node)) }));
}

/** memlab find-leaks --trace-all-objects on the triple (files in order baseline, target, final). */
async function expectLeaks(files, workDir) {
  config.useExternalSnapshot = true;
  config.externalSnapshotFilePaths = files;
  config.chaseWeakMapEdge = false;
  config.oversizeObjectAsLeak = true;
  config.oversizeThreshold = 0;
  fileManager.initDirs(config, { workDir });
  const diff = await analysis.diffSnapshots({ loadAllSnapshots: true });
  const candidates = describeNodes(nodesOf(diff.leakedHeapNodeIdSet, diff.snapshot));
  // filterLeakPaths applies the leak filter to the id set in place, then finds each trace.
  const paths = analysis.filterLeakPaths(diff.leakedHeapNodeIdSet, diff.snapshot);
  const finder = analysis.preparePathFinder(diff.snapshot);
  const leakedNodes = nodesOf(diff.leakedHeapNodeIdSet, diff.snapshot);
  const leaked = describeNodes(leakedNodes);
  const tracedNodes = leakedNodes.filter((node) => finder.getPathToGCRoots(diff.snapshot, node) !== null);
  const traced = describeNodes(tracedNodes);
  traced.roots.traces = rootTraces(finder, diff.snapshot, topmostOf(tracedNodes));
  const clusters = NormalizedTrace.clusterPaths(paths, diff.snapshot, utils.aggregateDominatorMetrics);
  return {
    rules: LEAK_RULES,
    candidates,
    leaked,
    traced,
    clusters: clusters
      .map((c) => ({ count: c.count, retainedSize: c.retainedSize, trace: traceSteps(c.path) }))
      .sort((a, b) => b.retainedSize - a.retainedSize || b.count - a.count),
  };
}

/** JSON with one line per row: objects holding no object or array are written on one line. */
function formatJson(value, indent = '') {
  const flat = (v) => v === null || typeof v !== 'object' || Object.values(v).every((x) => x === null || typeof x !== 'object');
  if (value === null || typeof value !== 'object' || (!Array.isArray(value) && flat(value))) return JSON.stringify(value);
  const inner = `${indent} `;
  const items = Array.isArray(value)
    ? value.map((v) => inner + formatJson(v, inner))
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return items.length === 0 ? `${open}${close}` : `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

async function main() {
  config.muteConsole = true;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-memlab-'));
  try {
    const files = Object.fromEntries(SNAPSHOTS.map((s) => [s, unzip(s, tmp)]));
    const snapshots = {};
    for (const s of SNAPSHOTS) snapshots[s] = await expectSnapshot(files[s]);
    const leaks = { baseline: BASELINE, target: TARGET, final: FINAL, ...(await expectLeaks([BASELINE, TARGET, FINAL].map((s) => files[s]), path.join(tmp, 'work'))) };
    const doc = {
      generatedBy: 'node scripts/memlab-expectations.mjs',
      memlab: require('memlab/package.json').version,
      node: process.version,
      semantics: SEMANTICS,
      snapshots,
      leaks,
    };
    fs.writeFileSync(OUT, `${formatJson(doc)}\n`);
    console.log(`${OUT}: ${fs.statSync(OUT).size} bytes`);
  } finally {
    fs.rmSync(tmp, { recursive: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
