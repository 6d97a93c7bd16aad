// Both packages in worker_threads: four workers load them at once and use them (a probe,
// a class, a parse and a diff), and a worker terminated in the middle of a parse leaves
// the other workers and the main thread working.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { Worker } = require('node:worker_threads');
const { LABS, SNAPSHOT } = require('./bindings.js');

/** A worker's body: loads the package, works, and reports; with `loop`, parses forever. */
const BODY = `
const { parentPort, workerData } = require('node:worker_threads');
const { labApi } = require(workerData.implementations);
const m = labApi(require(workerData.pkg));
const work = () => {
  const snap = m.parseSnapshot(workerData.snapshot);
  const diff = m.diffSnapshots(workerData.snapshot, workerData.snapshot);
  const result = { add: m.add(2, 3), counter: new m.Counter(41).increment(), nodes: snap.nodeCount, change: diff.change.size_bytes };
  snap.free();
  return result;
};
if (workerData.loop) {
  parentPort.postMessage('parsing');
  for (;;) m.parseSnapshot(workerData.snapshot).free();
}
parentPort.postMessage(work());
`;

/** The harness's loader module, through which a worker reads the package's lab API. */
const IMPLEMENTATIONS = require.resolve('../harness/lib/implementations.js');

/** Starts a worker running BODY over package `pkg`. */
const start = (pkg, loop = false) => new Worker(BODY, { eval: true, workerData: { pkg, implementations: IMPLEMENTATIONS, snapshot: SNAPSHOT, loop } });

/** The first message of `worker`, or its error. */
const firstMessage = (worker) => new Promise((resolve, reject) => {
  worker.once('message', resolve);
  worker.once('error', reject);
});

for (const [name, binding] of Object.entries(LABS)) {
  const pkg = `@bindlab/${name}`;
  const expected = { add: 5, counter: 42, nodes: binding.parseSnapshot(SNAPSHOT).nodeCount, change: 0 };

  test(`${name}: four workers load the package at once and each works`, async () => {
    const workers = Array.from({ length: 4 }, () => start(pkg));
    const results = await Promise.all(workers.map(firstMessage));
    for (const result of results) assert.deepEqual(result, expected);
    await Promise.all(workers.map((w) => w.terminate()));
  });

  test(`${name}: terminating a worker in the middle of a parse leaves the others and the main thread working`, async () => {
    const parser = start(pkg, true);
    assert.equal(await firstMessage(parser), 'parsing');
    const others = Array.from({ length: 3 }, () => start(pkg));
    await parser.terminate();
    const results = await Promise.all(others.map(firstMessage));
    for (const result of results) assert.deepEqual(result, expected);
    await Promise.all(others.map((w) => w.terminate()));
    assert.equal(binding.parseSnapshot(SNAPSHOT).nodeCount, expected.nodes);
    assert.equal(binding.add(1, 2), 3);
    const again = start(pkg);
    assert.deepEqual(await firstMessage(again), expected);
    await again.terminate();
  });
}
