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
  makeCase('g/node-only', ['f'], ['node']),
  makeCase('g/absent', ['missingFunction']),
  makeCase('g/throws', ['boom']),
];
const IMPL = { f: () => 1, boom: () => { throw new Error('boom!'); } };

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
    ['result', 'g/node-only', null, null],
    ['skip', 'g/absent', ['missingFunction'], null],
    ['error', 'g/throws', null, 'boom!'],
  ]);
  assert.deepEqual(messages[0].runtime, { name: 'fake' });
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
