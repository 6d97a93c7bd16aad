// The real API, beside the probes: memwatch's per-GC work, offline snapshot analysis on
// the committed Node fixtures (3 MB before, 5 MB after), and heap analysis (dominators,
// retained sizes, three-snapshot leaks) on the committed analysis triple (4.5 MB each),
// where the peers (memlab, v8-heap-parser: implementations of role 'peer') run the same
// rows on the same files in the same run. Rows as in call-overhead.js.
//
// With BINDLAB_SYNTH_DIR set to a folder written by core's synth_app example
// (`app.heapsnapshot` from `synth_app one`, `triple/` from `synth_app triple`), the
// analysis rows also run on those ~300 MB files. Fixtures are read when a row's arguments
// are made, never at load (a browser bundle loads this file without Node's modules).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { rotate, constant } = require('./inputs.js');

/** A folder of the repository, by its parts (joined when asked: a browser bundle has no `path`). */
const inRepository = (...parts) => path.join(__dirname, '..', ...parts);

/** A fixture snapshot's bytes, unzipped once per process. */
const fixture = (() => {
  const cache = new Map();
  return (name) => {
    if (!cache.has(name)) cache.set(name, zlib.gunzipSync(fs.readFileSync(inRepository('core', 'tests', 'fixtures', `${name}.heapsnapshot.gz`))));
    return cache.get(name);
  };
})();

/** The analysis triple as plain files (memlab reads files only), unzipped once per process
 * into a folder removed at exit: `{ baseline, target, final }` paths. */
const triple = (() => {
  let files = null;
  return () => {
    if (files === null) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-real-api-'));
      process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
      files = Object.fromEntries(['baseline', 'target', 'final'].map((name) => {
        const file = path.join(dir, `${name}.heapsnapshot`);
        fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(inRepository('test', 'fixtures', 'analysis', `${name}.heapsnapshot.gz`))));
        return [name, file];
      }));
    }
    return files;
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

/** Parses a file, computes dominators and retained sizes (the ten nodes retaining most),
 * and frees the handle: memlab's full loader, for memlab. */
async function analyzeAndFree(impl, file) {
  const snapshot = await impl.parseSnapshotAsync(file);
  const top = snapshot.topRetained(10);
  snapshot.free();
  return top;
}

/** Leaks across three files, sizes and traces measured in the final one (as memlab does). */
function findLeaksIn(impl, baseline, target, final) {
  return impl.findLeaksAsync(baseline, target, final, { measureIn: 'final' });
}

/** The analysis rows on one input set: `label` names it, `files()` gives its paths. */
function analysisRows(key, label, files) {
  return [
    {
      id: `analyze@${key}`, name: `parse + dominators + retained sizes (${label} target)`, uses: ['parseSnapshotAsync'], needs: ['node'], async: true,
      args: () => [constant(files().target)], call: analyzeAndFree,
    },
    {
      id: `findLeaks@${key}`, name: `findLeaks(baseline, target, final) (${label} triple)`, uses: ['findLeaksAsync'], needs: ['node'], async: true,
      args: () => { const { baseline, target, final } = files(); return [constant(baseline), constant(target), constant(final)]; }, call: findLeaksIn,
    },
  ];
}

/** BINDLAB_SYNTH_DIR, or undefined (and in a page, which has no `process`). */
const synthDir = () => globalThis.process?.env?.BINDLAB_SYNTH_DIR;

/** The synth_app outputs under BINDLAB_SYNTH_DIR: the ~300 MB file as the target, and the triple. */
function synthFiles() {
  const dir = synthDir();
  const inTriple = (name) => path.join(dir, 'triple', `${name}.heapsnapshot`);
  return { baseline: inTriple('baseline'), target: path.join(dir, 'app.heapsnapshot'), final: inTriple('final'), tripleTarget: inTriple('target') };
}

/** The synth rows: analysis on app.heapsnapshot, leaks on the generated triple. */
function synthRows() {
  if (!synthDir()) return [];
  const [analyze, leaks] = analysisRows('synth', 'synth_app ~300 MB', synthFiles);
  const tripleArgs = () => { const f = synthFiles(); return [constant(f.baseline), constant(f.tripleTarget), constant(f.final)]; };
  return [analyze, { ...leaks, name: 'findLeaks(baseline, target, final) (synth_app 217/267/241 MB triple)', args: tripleArgs }];
}

module.exports = {
  api: [
    { id: 'monitor-record', name: 'monitor.record(1 GC), no listener', uses: ['GcMonitor'], args: (o) => monitors(o, false), call: (impl, m, used, now) => m.record(4, used, now, 1.5) },
    { id: 'monitor-record-stats', name: 'monitor.record(1 GC) → stats event', uses: ['GcMonitor'], args: (o) => monitors(o, true), call: (impl, m, used, now) => m.record(4, used, now, 1.5) },
    { id: 'parseSnapshot', name: 'parseSnapshot(3 MB fixture)', uses: ['parseSnapshot'], needs: ['node'], args: () => [constant(fixture('before'))], call: parseAndFree },
    { id: 'summary-diff', name: 'summary.diff(5 MB fixture)', uses: ['parseSnapshot', 'diffSnapshots'], needs: ['node'], args: parsedPair, call: (impl, summary, after) => summary.diff(after) },
    { id: 'diffSnapshots', name: 'diffSnapshots(3 MB, 5 MB)', uses: ['diffSnapshots'], needs: ['node'], args: () => [constant(fixture('before')), constant(fixture('after'))], call: (impl, a, b) => impl.diffSnapshots(a, b) },
    ...analysisRows('fixture', '4.5 MB', triple),
    ...synthRows(),
  ],
};
