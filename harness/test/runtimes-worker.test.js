// The measuring loop every worker runs (worker-loop.mjs), on a host made up here: what it
// emits and in what order, which cases it skips and why (a function the implementation lacks,
// something the runtime lacks, an implementation the runtime cannot load), and errors. The
// timings themselves are not looked at, only that each measured case has them.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');

const load = () => import('../lib/worker-loop.mjs');

/** A case that calls `impl[fn]()`. */
const makeCase = (id, uses, needs = []) => ({ id, uses, needs, resultBytes: 0, args: () => [], call: (impl) => impl[uses[0]]() });

const CASES = [
  makeCase('g/plain', ['f']),
  makeCase('g/async', ['later']),
  makeCase('g/node-only', ['f'], ['node']),
  makeCase('g/absent', ['missingFunction']),
  makeCase('g/throws', ['boom']),
];
/** `later()` resolves on the next turn of the event loop; `pending` counts the unsettled ones. */
let pending = 0;
const IMPL = {
  f: () => 1,
  boom: () => { throw new Error('boom!'); },
  later: () => { pending++; return new Promise((resolve) => setTimeout(() => { pending--; resolve(2); }, 0)); },
};

/** A host over CASES and IMPL providing `provides`; `delayEmit` makes each emit resolve later, as a relay over a connection does. */
function fakeHost({ provides, unavailable, delayEmit = false }) {
  const messages = [];
  const loaded = [];
  const host = {
    emit: (message) => {
      if (!delayEmit) return void messages.push(message);
      return new Promise((resolve) => setTimeout(() => { messages.push(message); resolve(); }, 1));
    },
    describeRuntime: () => ({ name: 'fake' }),
    unavailable,
    loadImplementation: (name) => { loaded.push(name); return IMPL; },
    loadCases: () => CASES,
    summarize: (samples) => ({ n: samples.length }),
    emptyArgs: () => () => 1,
    provides,
  };
  return { host, messages, loaded };
}

const INPUT = { impl: 'x', filter: null, budget: { minCpuTimeNs: 1e5 } };
const brief = (m) => [m.type, m.case ?? null, m.missing ?? null, m.reason ?? m.message ?? null];

test('a runtime with Node runs the case needing it; missing functions and throws are reported per case', async () => {
  const { runWorkerInput } = await load();
  const { host, messages, loaded } = fakeHost({ provides: ['node'] });
  await runWorkerInput(INPUT, host);
  assert.deepEqual(loaded, ['x']);
  assert.deepEqual(messages.map(brief), [
    ['runtime', null, null, null],
    ['empty', null, null, null],
    ['result', 'g/plain', null, null],
    ['result', 'g/async', null, null],
    ['result', 'g/node-only', null, null],
    ['skip', 'g/absent', ['missingFunction'], null],
    ['error', 'g/throws', null, 'boom!'],
  ]);
  assert.deepEqual(messages[0].runtime, { name: 'fake' });
  assert.equal(pending, 0, 'every promise of the async case was awaited before the next case');
  assert.equal(messages.find((m) => m.case === 'g/async').batch <= 4, true);
  for (const m of messages.filter((m) => m.type === 'result' || m.type === 'empty')) assert.ok(m.stats.n >= 1);
});

test('a runtime without Node skips the case needing it, with the reason, and keeps the order of delayed emits', async () => {
  const { runWorkerInput } = await load();
  const { host, messages } = fakeHost({ provides: [], delayEmit: true });
  await runWorkerInput(INPUT, host);
  assert.deepEqual(messages.map(brief).map(([type, id, , reason]) => [type, id, reason]), [
    ['runtime', null, null],
    ['empty', null, null],
    ['result', 'g/plain', null],
    ['result', 'g/async', null],
    ['skip', 'g/node-only', 'needs node, which this runtime lacks'],
    ['skip', 'g/absent', null],
    ['error', 'g/throws', 'boom!'],
  ]);
});

test('an implementation the runtime cannot load is never loaded: every case is skipped with the reason, no empty loop', async () => {
  const { runWorkerInput } = await load();
  const { host, messages, loaded } = fakeHost({ provides: [], unavailable: (name) => (name === 'x' ? 'needs Node-API, which a browser lacks' : null) });
  await runWorkerInput(INPUT, host);
  assert.deepEqual(loaded, []);
  assert.deepEqual(messages.map(brief), [
    ['runtime', null, null, null],
    ...CASES.map((c) => ['skip', c.id, [], 'x needs Node-API, which a browser lacks']),
  ]);
});

test('describeOnly: the runtime message and nothing else', async () => {
  const { runWorkerInput } = await load();
  const { host, messages, loaded } = fakeHost({ provides: [] });
  await runWorkerInput({ describeOnly: true }, host);
  assert.deepEqual(messages.map((m) => m.type), ['runtime']);
  assert.deepEqual(loaded, []);
});

test('a worker leaves out the cases its input omits, without a message for them', async () => {
  const { runWorkerInput } = await load();
  const { host, messages } = fakeHost({ provides: ['node'] });
  await runWorkerInput({ ...INPUT, omit: ['g/async', 'g/throws'] }, host);
  assert.deepEqual(messages.filter((m) => m.case).map((m) => m.case), ['g/plain', 'g/node-only', 'g/absent']);
});

test('a worker process that dies costs only its own cases: each unreported one is an error saying how it ended', async () => {
  const { runMatrix } = require('../lib/runner.js');
  const { loadCases } = require('../lib/cases.js');
  const [first, ...rest] = loadCases('call/add').map((c) => c.id);
  assert.ok(rest.length > 0);
  // A stand-in worker: describes itself, reports the first case, then exits with status 3.
  const lines = [{ type: 'runtime', runtime: { name: 'fake' } }, { type: 'result', case: first, stats: { n: 1 }, batch: 4, guard: null }];
  const script = `for (const line of ${JSON.stringify(lines.map((l) => JSON.stringify(l)))}) console.log(line); process.exit(3);`;
  const crashing = { name: 'fake', kind: 'node', command: process.execPath, args: () => ['-e', script], flags: [], provides: ['node'] };
  const survivor = { ...crashing, name: 'other', args: () => ['-e', script.replace('process.exit(3)', 'process.exit(0)')] };
  const records = await runMatrix({ runtimes: [crashing, survivor], impls: ['js'], repeat: 1, filter: 'call/add', budget: { minCpuTimeNs: 1e5 } });
  assert.deepEqual(records.map((r) => [r.runtime, r.results.map((x) => x.case), r.errors]), [
    ['fake', [first], rest.map((id) => ({ case: id, message: 'the js worker (fake) exited with 3' }))],
    ['other', [first], []],
  ]);
});

test('a slow call is sampled minSamples times once its budget is spent (mitata alone takes 12)', async () => {
  const { runWorkerInput } = await load();
  const run = async (budget) => {
    const { host, messages } = fakeHost({ provides: ['node'] });
    host.loadCases = () => [CASES.find((c) => c.id === 'g/async')];
    await runWorkerInput({ ...INPUT, budget }, host);
    return messages.find((m) => m.case === 'g/async').stats.n;
  };
  // Each call waits for a timer (a millisecond or more), ten times the 0.1 ms budget.
  assert.equal(await run({ minCpuTimeNs: 1e5, minSamples: 3 }), 3);
  assert.equal(await run({ minCpuTimeNs: 1e5 }), 12);
});

test('a worker that runs past the time limit is stopped, and its cases are errors saying so', async () => {
  const { runMatrix } = require('../lib/runner.js');
  const { loadCases } = require('../lib/cases.js');
  const ids = loadCases('call/add').map((c) => c.id);
  const hanging = { name: 'stuck', kind: 'node', command: process.execPath, args: () => ['-e', 'setInterval(() => {}, 1000)'], flags: [], provides: ['node'] };
  const [record] = await runMatrix({ runtimes: [hanging], impls: ['js'], repeat: 1, filter: 'call/add', budget: { minCpuTimeNs: 1e5 }, timeoutMs: 200 });
  assert.deepEqual(record.errors, ids.map((id) => ({ case: id, message: 'the js worker (stuck) was stopped after 0.2 s' })));
});
