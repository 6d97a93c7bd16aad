// A smoke matrix on every runtime people use: each Node major, Bun and Deno (installed from
// npm into the runtime cache on first use) loads both packages and gets the same answers as
// the Node running the tests. Bun and Deno run the napi package on their own Node-API.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { resolveRuntime } = require('../harness/lib/runtimes.js');

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
