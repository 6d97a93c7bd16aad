// Run by test/runtimes.test.js in each runtime: both packages load and answer a probe, the
// offline diff of the committed fixtures and a HeapDiff, and a 'stats' listener either
// fires after gc() or is warned about (where the runtime reports no GCs); prints one JSON line.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const fixtures = path.join(__dirname, '..', '..', 'core', 'tests', 'fixtures');
const [before, after] = ['before', 'after'].map((side) => zlib.gunzipSync(fs.readFileSync(path.join(fixtures, `${side}.heapsnapshot.gz`))));

/** 'fired' when a 'stats' event follows gc(), 'warned' when adding the listener warned that
 * none will come. */
function statsAfterGc(pkg) {
  return new Promise((resolve) => {
    const onWarning = (warning) => {
      if (warning.code === 'BINDLAB_NO_GC_EVENTS') done('warned');
    };
    const onStats = () => done('fired');
    const done = (outcome) => {
      process.off('warning', onWarning);
      pkg.off('stats', onStats);
      resolve(outcome);
    };
    process.on('warning', onWarning);
    pkg.on('stats', onStats);
    pkg.gc();
  });
}

(async () => {
  const report = {};
  for (const name of ['@bindlab/napi', '@bindlab/wasm']) {
    const pkg = require(name);
    const diff = pkg.diffSnapshots(before, after);
    const hd = new pkg.HeapDiff();
    const kept = Array.from({ length: 2000 }, (_, i) => ({ i }));
    const live = hd.end();
    report[name] = {
      add: pkg.lab.add(2, 3), // a probe: under `lab`
      allocated: diff.change.allocated_nodes,
      freed: diff.change.freed_nodes,
      heapDiffRows: live.change.details.length > 0 && kept.length === 2000,
      stats: await statsAfterGc(pkg),
    };
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
})();
