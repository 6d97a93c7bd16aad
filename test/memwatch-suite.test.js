// memwatch's own test suite (main.test.js of @airbnb/node-memwatch 3.0.0, run with vitest
// as its package does) against each bindlab package in place of memwatch's native module.
// The suite is fetched from the npm registry (npm's cache after the first run), not kept
// in this repository; it runs under target/ (git-ignored) so that `vitest` resolves.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const SUITE = '@airbnb/node-memwatch@3.0.0';
const WORK = path.join(ROOT, 'target', 'memwatch-suite');

/** Runs a command; fails with its output when it fails. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** memwatch's main.test.js, from its published tarball. */
function memwatchSuite() {
  fs.mkdirSync(WORK, { recursive: true });
  const [{ filename }] = JSON.parse(run('npm', ['pack', SUITE, '--prefer-offline', '--json', '--pack-destination', WORK], WORK));
  run('tar', ['xzf', filename, 'package/main.test.js'], WORK);
  return fs.readFileSync(path.join(WORK, 'package', 'main.test.js'), 'utf8');
}

test(`${SUITE}'s own tests pass on both packages`, () => {
  const suite = memwatchSuite();
  for (const pkg of ['@bindlab/napi', '@bindlab/wasm']) {
    const dir = path.join(WORK, pkg.split('/')[1]);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.test.js'), suite);
    // The suite imports memwatch from './include'; here that is the bindlab package.
    fs.writeFileSync(path.join(dir, 'include.js'), `module.exports = require('${pkg}');\n`);
    const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }; // plain text, whatever the terminal
    const result = spawnSync(process.execPath, [vitest, 'run', '--root', dir, '--reporter', 'verbose'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(result.status, 0, `${pkg}:\n${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /Tests\s+6 passed \(6\)/, `${pkg}: all six of memwatch's tests ran`);
  }
});
