// Runtime names, lists and launchers, finding Chromium, and the npm runtime cache: where it
// lives, that an installed runtime is reused without running npm, and that unknown names are
// refused with the list.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { cacheDir, ensureRuntime, INSTALLABLE } = require('../lib/runtime-cache.js');
const { resolveRuntime, resolveRuntimes, runtimeSpecs, RUNTIME_NAMES, ALL } = require('../lib/runtimes.js');
const { findChromium } = require('../lib/browser/chromium.js');

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

test('launchers: node gets --expose-gc, deno its permissions and V8 flags, bun neither; each records the flags it launches with', () => {
  assert.deepEqual(resolveRuntime('node').args('w.mjs', '{}'), ['--expose-gc', 'w.mjs', '{}']);
  assert.deepEqual(resolveRuntime('deno:/bin/deno').args('w.mjs', '{}'), ['run', '-A', '--v8-flags=--expose-gc', 'w.mjs', '{}']);
  assert.deepEqual(resolveRuntime('bun:/bin/bun').args('w.mjs', '{}'), ['w.mjs', '{}']);
  assert.deepEqual(resolveRuntime('node@22:/opt/n22').args('w.mjs', '{}'), ['--expose-gc', 'w.mjs', '{}']);
  assert.deepEqual(['node', 'deno:/bin/deno', 'bun:/bin/bun'].map((spec) => resolveRuntime(spec).flags),
    [['--expose-gc'], ['-A', '--v8-flags=--expose-gc'], []]);
  assert.equal(resolveRuntime('node').command, process.execPath);
  assert.deepEqual(resolveRuntime('chromium:/opt/chrome').flags, ['--js-flags=--expose-gc']);
  assert.equal(resolveRuntime('chromium:/opt/chrome').args, undefined, 'a browser has no command line for the worker');
  assert.throws(() => resolveRuntime('chakra'), new RegExp(`unknown runtime "chakra" \\(known: ${RUNTIME_NAMES.join(', ')}, or all\\)`));
  assert.throws(() => resolveRuntime('node@19:/x'), /unknown runtime "node@19"/);
});

test('--runtime takes a list, and all stands for Node 22, 24 and 26, Bun, Deno and Chromium', () => {
  assert.deepEqual(runtimeSpecs('node'), ['node']);
  assert.deepEqual(runtimeSpecs(' node@22, bun ,deno:/x '), ['node@22', 'bun', 'deno:/x']);
  assert.deepEqual(ALL, ['node@22', 'node@24', 'node@26', 'bun', 'deno', 'chromium']);
  assert.deepEqual(runtimeSpecs('all'), ALL);
  assert.deepEqual(runtimeSpecs('node,all'), ['node', ...ALL]);
  assert.throws(() => runtimeSpecs('bun,all'), /--runtime names bun twice/);
  assert.throws(() => runtimeSpecs(' , '), /--runtime needs at least one runtime name/);
  assert.deepEqual(resolveRuntimes('node,bun:/b,chromium:/c').map((r) => [r.name, r.kind, r.command]),
    [['node', 'node', process.execPath], ['bun', 'bun', '/b'], ['chromium', 'chromium', '/c']]);
  assert.throws(() => resolveRuntimes('node,chakra'), /unknown runtime "chakra"/);
});

test('Chromium is chromium on PATH, else the system path; missing, the error says how to install it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-chromium-'));
  try {
    const onPath = path.join(dir, 'chromium');
    const system = path.join(dir, 'system-chromium');
    assert.throws(() => findChromium({ PATH: dir }, system),
      /no Chromium found \(looked for chromium on PATH and .*system-chromium\); install it with `apt-get install -y chromium` \(as root/);
    fs.writeFileSync(system, '', { mode: 0o755 });
    assert.equal(findChromium({ PATH: dir }, system), system);
    fs.writeFileSync(onPath, '', { mode: 0o644 });
    assert.equal(findChromium({ PATH: dir }, system), system, 'a chromium that is not executable is passed over');
    fs.chmodSync(onPath, 0o755);
    assert.equal(findChromium({ PATH: dir }, system), onPath);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
