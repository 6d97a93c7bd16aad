// The packages as a user gets them: `npm pack` of each workspace package, installed from
// the tarballs alone into a new project outside the repository (no registry, no repo
// paths), then the examples the README shows on both packages (and typechecked strictly),
// both module systems, and `npx bindlab`.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const PACKAGES = ['@bindlab/api', '@bindlab/napi', '@bindlab/napi-linux-x64-gnu', '@bindlab/wasm'];
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-pack-'));
const PROJECT = path.join(WORK, 'project');
test.after(() => fs.rmSync(WORK, { recursive: true, force: true }));

/** Runs a command, failing the test with its output when it fails; returns stdout. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Writes, beside each example, its twin on @bindlab/wasm (`x.cjs` → `x.wasm.cjs`): the
 * examples name @bindlab/napi, and say the other package works the same. */
function withWasmTwins(dir) {
  for (const file of fs.readdirSync(dir).filter((name) => /^[a-z]+\.[cm]js$/.test(name))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    fs.writeFileSync(path.join(dir, file.replace(/\./, '.wasm.')), text.replaceAll("'@bindlab/napi'", "'@bindlab/wasm'"));
  }
}

/** Typechecks every example in `dir` as a strict consumer would (TypeScript 5 over the
 * installed packages' declarations, `module: nodenext`, JavaScript checked). */
function typecheck(dir) {
  const config = {
    compilerOptions: {
      strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true,
      allowJs: true, checkJs: true, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    },
    include: ['*.cjs', '*.mjs'],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '--project', dir], dir);
}

/** `npm pack` of every package into WORK: name → the files the tarball holds. */
function pack() {
  const args = ['pack', ...PACKAGES.flatMap((name) => ['-w', name]), '--pack-destination', WORK, '--json'];
  return Object.fromEntries(JSON.parse(run('npm', args, ROOT)).map((p) => [p.name, p.files.map((f) => f.path)]));
}

test('the packed packages install from their tarballs alone and run the examples', () => {
  const contents = pack();
  assert.ok(contents['@bindlab/napi'].includes('binding.js'), 'napi-rs loader');
  assert.ok(contents['@bindlab/napi-linux-x64-gnu'].includes('bindlab.linux-x64-gnu.node'), 'the platform package holds the .node file');
  assert.ok(!contents['@bindlab/napi'].some((file) => file.endsWith('.node')), 'the main package leaves the .node file to the platform package');
  for (const file of ['pkg/bindlab_wasm_bg.wasm', 'pkg/bindlab_wasm.js', 'raw.js', 'guard.js', 'web/dist/bindlab.mjs', 'web/dist/bindlab_wasm_bg.wasm']) {
    assert.ok(contents['@bindlab/wasm'].includes(file), `@bindlab/wasm packs ${file}`);
  }
  for (const [name, files] of Object.entries(contents)) {
    assert.ok(!files.some((file) => /(^|\/)(src|Cargo\.toml|target)(\/|$)/.test(file)), `${name} packs no Rust sources`);
  }

  fs.mkdirSync(PROJECT);
  fs.writeFileSync(path.join(PROJECT, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const tarballs = fs.readdirSync(WORK).filter((file) => file.endsWith('.tgz')).map((file) => path.join(WORK, file));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', ...tarballs], PROJECT);
  for (const example of fs.readdirSync(path.join(ROOT, 'examples'))) {
    fs.copyFileSync(path.join(ROOT, 'examples', example), path.join(PROJECT, example));
  }
  for (const side of ['before', 'after']) {
    const gz = fs.readFileSync(path.join(ROOT, 'core', 'tests', 'fixtures', `${side}.heapsnapshot.gz`));
    fs.writeFileSync(path.join(PROJECT, `${side}.heapsnapshot`), zlib.gunzipSync(gz));
  }

  withWasmTwins(PROJECT);
  for (const variant of ['', '.wasm']) {
    const out = run(process.execPath, [`memwatch${variant}.cjs`], PROJECT);
    assert.match(out, /grown classes: .*\bObject\b/, `memwatch${variant}.cjs: the HeapDiff sees the 5000 objects kept`);
    const offline = run(process.execPath, [`offline${variant}.mjs`, 'before.heapsnapshot', 'after.heapsnapshot'], PROJECT);
    assert.match(offline, /^Array 12 15 67\.54 kb\n/);
    assert.match(offline, /61917 nodes; largest class: /);
  }
  typecheck(PROJECT);

  const table = run('npx', ['--no', 'bindlab', 'diff', 'before.heapsnapshot', 'after.heapsnapshot', '--top', '2'], PROJECT);
  assert.match(table, /\nNative\s+\+71\s+-67\s+\+3\.9 mb\s+Node \/ Environment/);
  const resolved = run(process.execPath, ['-p', "require.resolve('@bindlab/napi')"], PROJECT).trim();
  assert.ok(resolved.startsWith(fs.realpathSync(PROJECT)), `loaded from the project, not the repo: ${resolved}`);
});
