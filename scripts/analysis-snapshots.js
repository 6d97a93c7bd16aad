// Makes the real Node heap snapshots under test/fixtures/analysis/ that the memlab
// expectations (scripts/memlab-expectations.mjs) are computed on:
//
//   node --expose-gc scripts/analysis-snapshots.js
//
// One process, three snapshots (a baseline / target / final triple, so node ids are
// shared), each after a full GC, gzipped at level 9 (about 0.9 MB each):
// - baseline.heapsnapshot.gz: the classes defined, nothing allocated;
// - target.heapsnapshot.gz: known object graphs allocated —
//     500 `Widget`s (each with a `WidgetPayload` array) in a Map inside a `WidgetCache`,
//     a cycle of 200 `RingNode`s held by one global,
//     100 `RegistryKey`s held by an array, each the key of a `RegistryMeta` in a WeakMap
//       (the value is reachable only through the WeakMap),
//     50 `WeakTarget`s held strongly by an array and weakly by WeakRefs,
//     40 `Session`s reachable only from a pending timer's closure (no global holds them),
//     1000 `Transient`s in a global array;
// - final.heapsnapshot.gz: the `Transient`s dropped, everything else still alive.
// So memlab's find-leaks (target minus baseline, alive in final) finds the Widgets, the
// ring, the registry, the weak targets and the sessions, and not the Transients.
// The steps are fixed; the bytes still vary a little with the Node version and run.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
const zlib = require('node:zlib');

const OUT = path.join(__dirname, '..', 'test', 'fixtures', 'analysis');

class Widget {
  constructor(i) {
    this.index = i;
    this.label = `widget-${i}`;
    this.payload = new WidgetPayload(i);
  }
}

class WidgetPayload {
  constructor(i) {
    this.values = Array.from({ length: 8 }, (_, k) => i * 8 + k + 0.5);
  }
}

class WidgetCache {
  constructor() {
    this.entries = new Map();
  }
}

class RingNode {
  constructor(i) {
    this.index = i;
    this.next = null;
  }
}

class RegistryKey {
  constructor(i) {
    this.index = i;
  }
}

class RegistryMeta {
  constructor(i) {
    this.note = `meta-${i}`;
    this.extra = { i };
  }
}

class WeakTarget {
  constructor(i) {
    this.index = i;
  }
}

class Session {
  constructor(i) {
    this.user = `user-${i}`;
    this.buffer = new Array(16).fill(i);
  }
}

class Transient {
  constructor(i) {
    this.index = i;
  }
}

// Each graph is built in a function of its own, so that no closure's context holds another
// graph's locals.

/** 500 Widgets in a Map inside a WidgetCache, held by the global `widgetCache`. */
function cacheWidgets() {
  globalThis.widgetCache = new WidgetCache();
  for (let i = 0; i < 500; i++) globalThis.widgetCache.entries.set(`w${i}`, new Widget(i));
}

/** A cycle of 200 RingNodes, held by the global `ringHead` only. */
function buildRing() {
  const head = new RingNode(0);
  let last = head;
  for (let i = 1; i < 200; i++) last = last.next = new RingNode(i);
  last.next = head;
  globalThis.ringHead = head;
}

/** 100 RegistryKeys held by an array, each keying a RegistryMeta in a WeakMap. */
function fillRegistry() {
  globalThis.registryKeys = Array.from({ length: 100 }, (_, i) => new RegistryKey(i));
  globalThis.registry = new WeakMap();
  for (const key of globalThis.registryKeys) globalThis.registry.set(key, new RegistryMeta(key.index));
}

/** 50 WeakTargets held strongly by an array and weakly by as many WeakRefs. */
function referWeakly() {
  globalThis.weakTargets = Array.from({ length: 50 }, (_, i) => new WeakTarget(i));
  globalThis.weakRefs = globalThis.weakTargets.map((target) => new WeakRef(target));
}

/** 40 Sessions held only by a pending timer's closure; returns the timer. */
function startSessions() {
  const sessions = Array.from({ length: 40 }, (_, i) => new Session(i));
  return setInterval(() => sessions.length, 1e9);
}

/** Allocates the known graphs of the target snapshot; returns the timer to cancel at exit. */
function allocate() {
  cacheWidgets();
  buildRing();
  fillRegistry();
  referWeakly();
  globalThis.transients = Array.from({ length: 1000 }, (_, i) => new Transient(i));
  return startSessions();
}

/** Writes one snapshot after a full GC, gzipped into OUT. */
function snapshot(name, tmp) {
  globalThis.gc();
  const file = v8.writeHeapSnapshot(path.join(tmp, `${name}.heapsnapshot`));
  const bytes = fs.readFileSync(file);
  const out = path.join(OUT, `${name}.heapsnapshot.gz`);
  fs.writeFileSync(out, zlib.gzipSync(bytes, { level: 9 }));
  console.log(`${out}: ${bytes.length} bytes, ${fs.statSync(out).size} gzipped`);
}

/** Takes the three snapshots, a turn of the event loop apart (so WeakRef targets may go). */
async function main() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  fs.mkdirSync(OUT, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-analysis-'));
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  try {
    snapshot('baseline', tmp);
    const timer = allocate();
    await turn();
    snapshot('target', tmp);
    globalThis.transients = null;
    await turn();
    snapshot('final', tmp);
    clearInterval(timer);
  } finally {
    fs.rmSync(tmp, { recursive: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
