// The two binding packages under test, by name, loaded the way a user loads them; their
// lab APIs (product and `lab` in one object, as the harness loads them); and how to make
// an object of each class they export.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { labApi } = require('../harness/lib/implementations.js');

/** Every binding package, keyed by a short name used in test titles. */
const BINDINGS = {
  napi: require('@bindlab/napi'),
  wasm: require('@bindlab/wasm'),
};

/** Each package's lab API, keyed as BINDINGS: its top-level exports and its `lab`
 * namespace in one object, through the harness's own loader function. */
const LABS = Object.fromEntries(Object.entries(BINDINGS).map(([name, pkg]) => [name, labApi(pkg)]));

/** A small real snapshot (Node 20), as bytes. */
const SNAPSHOT = zlib.gunzipSync(fs.readFileSync(path.join(__dirname, '..', 'core', 'tests', 'fixtures', 'before.heapsnapshot.gz')));

/** How to get an object of each exported class (product or lab) from a lab API, so that
 * its methods can be called. */
const INSTANCES = {
  Counter: (m) => new m.Counter(1),
  GcMonitor: (m) => new m.GcMonitor(),
  SnapshotParser: (m) => new m.SnapshotParser(),
  HeapSnapshot: (m) => m.parseSnapshot(SNAPSHOT),
  HeapSummary: (m) => m.parseSnapshot(SNAPSHOT).summarize(),
  NodeIds: (m) => m.parseSnapshot(SNAPSHOT).nodeIds(),
  HeapDiff: (m) => new m.HeapDiff(),
  Tracked: (m) => new m.Tracked(16),
  JsHolder: (m) => new m.JsHolder(m === LABS.wasm ? 'jsvalue' : 'two-phase'),
};

/** The methods and getters of a class, as [key, 'method' | 'getter'], without the
 * constructor and wasm-bindgen's internals. */
function membersOf(Class) {
  const proto = Class.prototype;
  return Object.getOwnPropertyNames(proto)
    .filter((key) => key !== 'constructor' && !key.startsWith('__'))
    .map((key) => [key, Object.getOwnPropertyDescriptor(proto, key).get ? 'getter' : 'method']);
}

module.exports = { BINDINGS, LABS, SNAPSHOT, INSTANCES, membersOf };
