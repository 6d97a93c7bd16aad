// Run by test/runtimes.test.js in each runtime: both packages load and answer a probe, the
// offline diff of the committed fixtures and a HeapDiff; prints one JSON line.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const fixtures = path.join(__dirname, '..', '..', 'core', 'tests', 'fixtures');
const [before, after] = ['before', 'after'].map((side) => zlib.gunzipSync(fs.readFileSync(path.join(fixtures, `${side}.heapsnapshot.gz`))));

const report = {};
for (const name of ['@bindlab/napi', '@bindlab/wasm']) {
  const pkg = require(name);
  const diff = pkg.diffSnapshots(before, after);
  const hd = new pkg.HeapDiff();
  const kept = Array.from({ length: 2000 }, (_, i) => ({ i }));
  const live = hd.end();
  report[name] = {
    add: pkg.add(2, 3),
    allocated: diff.change.allocated_nodes,
    freed: diff.change.freed_nodes,
    heapDiffRows: live.change.details.length > 0 && kept.length === 2000,
  };
}
process.stdout.write(`${JSON.stringify(report)}\n`);
