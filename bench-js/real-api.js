// The real API, beside the probes: memwatch's per-GC work and offline snapshot analysis
// on the committed Node fixtures (3 MB before, 5 MB after). Rows as in call-overhead.js.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { rotate, constant } = require('./inputs.js');

const FIXTURES = path.join(__dirname, '..', 'core', 'tests', 'fixtures');

/** A fixture snapshot's bytes, unzipped once per process. */
const fixture = (() => {
  const cache = new Map();
  return (name) => {
    if (!cache.has(name)) cache.set(name, zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, `${name}.heapsnapshot.gz`))));
    return cache.get(name);
  };
})();

/** A GC monitor and a clock: each call records one major GC a second after the last
 * one, with a heap size that rotates (so the stats change), and returns its events. */
function monitors({ impl }, listen) {
  const monitor = new impl.GcMonitor();
  if (listen) monitor.on('stats', (stats) => stats.current_base);
  let time = 1.7e12;
  return [constant(monitor), rotate([30e6, 31e6, 29.5e6, 30.5e6]), () => (time += 1000)];
}

/** A parsed "before" summary and "after" handle, for the diff-only row. */
const parsedPair = ({ impl }) => {
  const before = impl.parseSnapshot(fixture('before'));
  const summary = before.summarize();
  before.free();
  return [constant(summary), constant(impl.parseSnapshot(fixture('after')))];
};

/** Parses, reads a count, and frees the handle at once. */
function parseAndFree(impl, bytes) {
  const snapshot = impl.parseSnapshot(bytes);
  const nodes = snapshot.nodeCount;
  snapshot.free();
  return nodes;
}

module.exports = {
  api: [
    { name: 'monitor.record(1 GC), no listener',  uses: ['GcMonitor'],      args: (o) => monitors(o, false),            call: (impl, m, used, now) => m.record(4, used, now, 1.5) },
    { name: 'monitor.record(1 GC) → stats event', uses: ['GcMonitor'],      args: (o) => monitors(o, true),             call: (impl, m, used, now) => m.record(4, used, now, 1.5) },
    { name: 'parseSnapshot(3 MB fixture)',       uses: ['parseSnapshot'],  args: [constant(fixture('before'))],         call: parseAndFree },
    { name: 'summary.diff(5 MB fixture)',        uses: ['parseSnapshot'],  args: parsedPair,                            call: (impl, summary, after) => summary.diff(after) },
    { name: 'diffSnapshots(3 MB, 5 MB)',         uses: ['diffSnapshots'],  args: [constant(fixture('before')), constant(fixture('after'))], call: (impl, a, b) => impl.diffSnapshots(a, b) },
  ],
};
