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
  const run = spawnSync(runtime.command, runtime.args(SMOKE, ''), { encoding: 'utf8', cwd: path.join(__dirname, '..') });
  assert.equal(run.status, 0, `${runtime.name}:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

const expected = smoke(resolveRuntime('node'));

for (const name of RUNTIMES) {
  test(`${name}: both packages load and give the same answers as this Node`, () => {
    const runtime = resolveRuntime(name, { say: (line) => process.stderr.write(`${line}\n`) });
    assert.deepEqual(smoke(runtime), expected);
  });
}
