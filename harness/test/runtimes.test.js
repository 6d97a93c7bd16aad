// Runtime names, launchers and the npm runtime cache: where it lives, that an installed
// runtime is reused without running npm, and that unknown names are refused with the list.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { cacheDir, ensureRuntime, INSTALLABLE } = require('../lib/runtime-cache.js');
const { resolveRuntime, RUNTIME_NAMES } = require('../lib/runtimes.js');

test('the cache is $BINDLAB_RUNTIMES, else under $XDG_CACHE_HOME, else ~/.cache', () => {
  assert.equal(cacheDir({ BINDLAB_RUNTIMES: '/r', XDG_CACHE_HOME: '/x' }), '/r');
  assert.equal(cacheDir({ XDG_CACHE_HOME: '/x' }), path.join('/x', 'bindlab', 'runtimes'));
  assert.equal(cacheDir({}), path.join(os.homedir(), '.cache', 'bindlab', 'runtimes'));
});

test('an installed runtime is found where its package puts the binary, with no npm run', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-runtimes-'));
  try {
    const env = { BINDLAB_RUNTIMES: root, PATH: '' }; // no npm on PATH: an install attempt would fail
    for (const [name, { spec, binaries }] of Object.entries(INSTALLABLE)) {
      const binary = path.join(root, spec.replace('@', '-'), 'node_modules', binaries.at(-1));
      fs.mkdirSync(path.dirname(binary), { recursive: true });
      fs.writeFileSync(binary, '');
      assert.equal(ensureRuntime(name, { env }), binary, name);
    }
    assert.throws(() => ensureRuntime('node@19', { env }), /no npm package is known for runtime "node@19" \(known: node@18, /);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a failed install says what failed and leaves nothing half-installed', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-runtimes-'));
  try {
    assert.throws(() => ensureRuntime('bun', { env: { BINDLAB_RUNTIMES: root, PATH: '' } }), /installing bun failed \(npm install bun@/);
    assert.deepEqual(fs.readdirSync(root), []);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('launchers: node gets --expose-gc, deno its permissions and V8 flags, bun neither', () => {
  assert.deepEqual(resolveRuntime('node').args('w.mjs', '{}'), ['--expose-gc', 'w.mjs', '{}']);
  assert.deepEqual(resolveRuntime('deno:/bin/deno').args('w.mjs', '{}'), ['run', '-A', '--v8-flags=--expose-gc', 'w.mjs', '{}']);
  assert.deepEqual(resolveRuntime('bun:/bin/bun').args('w.mjs', '{}'), ['w.mjs', '{}']);
  assert.deepEqual(resolveRuntime('node@22:/opt/n22').args('w.mjs', '{}'), ['--expose-gc', 'w.mjs', '{}']);
  assert.equal(resolveRuntime('node').command, process.execPath);
  assert.throws(() => resolveRuntime('chakra'), new RegExp(`unknown runtime "chakra" \\(known: ${RUNTIME_NAMES.join(', ')}\\)`));
  assert.throws(() => resolveRuntime('node@19:/x'), /unknown runtime "node@19"/);
});
