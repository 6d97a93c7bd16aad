// A smoke matrix on every runtime people use: each Node major, Bun and Deno (installed from
// npm into the runtime cache on first use) loads both packages and gets the same answers as
// the Node running the tests. Bun and Deno run the napi package on their own Node-API. Then
// the bench worker on each of them and on Chromium measures a small matrix (a few call cases,
// a short budget): every implementation the runtime can load yields a row per case, and
// Chromium skips napi with its reason, and runs emnapi (napi-rs's browser loader) when that
// variant is built, else skips it with the reason it has on Node. Only what was measured is
// checked, never how fast.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { resolveRuntime } = require('../harness/lib/runtimes.js');
const { runMatrix, describeRuntimes } = require('../harness/lib/runner.js');
const { loadCases } = require('../harness/lib/cases.js');
const { VARIANTS } = require('../harness/lib/variants.js');
const { openChromium } = require('../harness/lib/browser/chromium.js');

const SMOKE = path.join(__dirname, 'smoke', 'packages.cjs');
const RUNTIMES = ['node@22', 'node@24', 'node@26', 'bun', 'deno'];

/** What the smoke script prints in `runtime`. */
function smoke(runtime) {
  const run = spawnSync(runtime.command, runtime.args(SMOKE, ''), { encoding: 'utf8', cwd: path.join(__dirname, '..'), timeout: 120_000 });
  assert.equal(run.status, 0, `${runtime.name}:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

/** Runtimes that report no GCs, where a 'stats' listener is warned about instead of firing. */
const NO_GC_EVENTS = new Set(['bun', 'deno']);

const here = smoke(resolveRuntime('node'));

test('this Node: a stats listener fires after gc() on both packages', () => {
  assert.deepEqual(Object.values(here).map((r) => r.stats), ['fired', 'fired']);
});

for (const name of RUNTIMES) {
  test(`${name}: both packages load and give the same answers as this Node`, () => {
    const runtime = resolveRuntime(name, { say: (line) => process.stderr.write(`${line}\n`) });
    const stats = NO_GC_EVENTS.has(name) ? 'warned' : 'fired';
    const expected = Object.fromEntries(Object.entries(here).map(([pkg, r]) => [pkg, { ...r, stats }]));
    assert.deepEqual(smoke(runtime), expected);
  });
}

/** The small bench matrix: the add cases of the call group on plain JS and both bindings. */
const MATRIX = { impls: ['js', 'wasm', 'napi'], repeat: 1, filter: 'call/add', budget: { minCpuTimeNs: 2e6 } };
const CHROMIUM_SKIP = !fs.existsSync('/usr/bin/chromium') && '/usr/bin/chromium is absent (Debian: apt-get install -y chromium)';

/** What a bench matrix of `impls` on `name` measured: impl → the case ids with a result, and the skips. */
async function benchOn(name, impls = MATRIX.impls) {
  const runtime = resolveRuntime(name, { say: (line) => process.stderr.write(`${line}\n`) });
  const processes = await runMatrix({ ...MATRIX, impls, runtimes: [runtime] });
  const described = (await describeRuntimes([runtime]))[name];
  const measured = Object.fromEntries(processes.map((p) => [p.impl, p.results.filter((r) => r.stats.n >= 1).map((r) => r.case)]));
  return { processes, described, measured };
}

const ADD_CASES = loadCases(MATRIX.filter).map((c) => c.id);

for (const name of RUNTIMES) {
  test(`${name}: the bench worker measures every binding, napi on the runtime's own Node-API`, async () => {
    assert.ok(ADD_CASES.length >= 2, `the filter ${MATRIX.filter} selects ${ADD_CASES.join(', ')}`);
    const { processes, described, measured } = await benchOn(name);
    assert.deepEqual(measured, { js: ADD_CASES, wasm: ADD_CASES, napi: ADD_CASES });
    assert.deepEqual(processes.flatMap((p) => [...p.errors, ...p.skips]), []);
    assert.ok(processes.every((p) => p.runtime === name && p.empty.n >= 1));
    const engine = name === 'bun' ? { engine: 'JavaScriptCore', v8: null } : { engine: 'V8', v8: described.engineVersion };
    assert.deepEqual({ name: described.name, engine: described.engine, v8: described.v8 }, { name, ...engine });
  });
}

/** Why the emnapi variant is not built here, or null (variants.js, as the Node worker reads it). */
const EMNAPI_MISSING = VARIANTS.emnapi.unavailable();

/** The skips a worker reports for every case of `ids`, for `reason`. */
const skipsOf = (ids, reason) => ids.map((id) => ({ case: id, missing: [], reason }));

test('chromium: the page worker measures plain JS, wasm and emnapi (when built), and skips napi with the reason', { skip: CHROMIUM_SKIP }, async () => {
  const { processes, described, measured } = await benchOn('chromium', [...MATRIX.impls, 'emnapi']);
  assert.deepEqual(measured, { js: ADD_CASES, wasm: ADD_CASES, napi: [], emnapi: EMNAPI_MISSING ? [] : ADD_CASES });
  const napi = processes.find((p) => p.impl === 'napi');
  assert.equal(napi.empty, null);
  assert.deepEqual(napi.skips, skipsOf(ADD_CASES, 'napi needs Node-API, which a browser lacks'));
  assert.deepEqual(processes.find((p) => p.impl === 'emnapi').skips, EMNAPI_MISSING ? skipsOf(ADD_CASES, `emnapi ${EMNAPI_MISSING}`) : []);
  assert.deepEqual(processes.flatMap((p) => p.errors), []);
  assert.match(described.version, /^\d+\.\d+\.\d+\.\d+$/);
  assert.equal(described.engine, 'V8');
});

test('chromium: the api cases needing Node\'s modules (the fixture snapshots) are skipped with the reason, the others run', { skip: CHROMIUM_SKIP }, async () => {
  const api = loadCases('api/');
  const needing = api.filter((c) => c.needs.includes('node')).map((c) => c.id);
  const others = api.filter((c) => !c.needs.includes('node')).map((c) => c.id);
  assert.ok(needing.length > 0 && others.length > 0, `api cases: ${api.map((c) => c.id)}`);
  const [wasm] = await runMatrix({ ...MATRIX, impls: ['wasm'], filter: 'api/', runtimes: [resolveRuntime('chromium')] });
  assert.deepEqual(wasm.skips.map((s) => [s.case, s.reason]), needing.map((id) => [id, 'needs node, which this runtime lacks']));
  assert.deepEqual(wasm.results.map((r) => r.case), others);
  assert.deepEqual(wasm.errors, []);
});

test('chromium: without the emnapi build the page has no emnapi, and its worker skips every case with the reason', { skip: CHROMIUM_SKIP }, async () => {
  const reason = 'is not built yet: run `node tools/bootstrap.js`';
  const session = await openChromium(resolveRuntime('chromium'), { emnapiMissing: reason });
  try {
    const input = { impl: 'emnapi', filter: MATRIX.filter, budget: MATRIX.budget, caseIds: ADD_CASES, road: 'wasm' };
    const { messages, failure } = await session.run(input);
    assert.equal(failure, null);
    assert.deepEqual(messages.slice(1), skipsOf(ADD_CASES, `emnapi ${reason}`).map((skip) => ({ type: 'skip', ...skip })));
  } finally {
    await session.close();
  }
});
