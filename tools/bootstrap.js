#!/usr/bin/env node
// Brings a clone to the point where `npm test` and `npm run bench` can run: checks the
// prerequisites, installs what is missing (wasm32 target, wasm-pack, the exact
// wasm-bindgen-cli that Cargo.lock pins, npm dependencies with a working wasm-opt) and
// builds both bindings in release mode, then the binding variants of issue 13
// (tools/lib/variant-builds.js; one that cannot be built is reported and skipped, the
// bootstrap still succeeds). Every step is skipped when already done, so a
// second run with nothing changed takes well under a second. Uses Node built-ins only:
// it runs before `npm install`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { fingerprint } = require('./lib/fingerprint.js');
const { ROOT, commandOutput: probe, readCargoLock, lockedVersions } = require('./lib/toolchain.js');
const { layOutPackages } = require('./lib/packages.js');
const { buildVariants } = require('./lib/variant-builds.js');

const STAMPS = path.join(ROOT, 'target', 'bindlab-stamps');
const WASM_PACK_VERSION = '0.15.1';
const WASM_TARGET = 'wasm32-unknown-unknown';

/** Prints one bootstrap line: what is being done, or what was found already done. */
function say(message) {
  process.stdout.write(`bootstrap: ${message}\n`);
}

/** Stops the bootstrap with a message that says what to do. */
function fail(message) {
  process.stderr.write(`bootstrap: error: ${message}\n`);
  process.exit(1);
}

/** Runs a command with inherited output; stops the bootstrap when it fails. */
function run(command, args, options = {}) {
  say(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) fail(`could not start ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function checkPrerequisites() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) fail(`Node ${process.versions.node} is too old: install Node 20 or newer.`);
  if (!probe('rustup', ['--version'])) {
    fail('rustup was not found on PATH: install Rust with rustup (https://rustup.rs), then open a new shell.');
  }
  if (!probe('cargo', ['--version'])) fail('cargo was not found on PATH: install a Rust toolchain with rustup.');
  if (!probe('cc', ['--version'])) fail('no C compiler/linker (cc) on PATH: install gcc (Debian: apt-get install gcc).');
}

function ensureWasmTarget() {
  const installed = probe('rustup', ['target', 'list', '--installed']) ?? '';
  if (installed.split('\n').includes(WASM_TARGET)) return;
  say(`installing the ${WASM_TARGET} target (needed to compile the wasm binding)`);
  run('rustup', ['target', 'add', WASM_TARGET]);
}

/** The folder where `cargo install` puts binaries, which may not be on PATH. */
function cargoBinDir() {
  const home = process.env.CARGO_HOME || path.join(require('node:os').homedir(), '.cargo');
  return path.join(home, 'bin');
}

/** The environment for the build tools: PATH with cargo's bin folder and node_modules/.bin in front. */
function toolEnv() {
  return { ...process.env, PATH: [cargoBinDir(), path.join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter) };
}

/** The version of a package pinned in Cargo.lock (the first, when it pins several). */
function lockedVersion(name) {
  const versions = lockedVersions(readCargoLock(), [name])[name];
  if (!versions) fail(`Cargo.lock does not pin ${name}`);
  return versions.split(', ')[0];
}

/** Installs a cargo tool unless `tool --version` already reports the wanted version. */
function ensureCargoTool(tool, crate, version, installArgs, why) {
  const env = toolEnv();
  const found = probe(tool, ['--version'], { env });
  if (found && found.split(/\s+/).includes(version)) return;
  say(`installing ${crate} ${version} (${why}; found: ${found ?? 'none'}); this takes about 2 minutes once`);
  run('cargo', ['install', crate, '--version', version, ...installArgs], { env });
}

function ensureNpmDependencies() {
  const inputs = ['package.json', 'package-lock.json', 'harness/package.json', 'bench-js/package.json',
    'wasm-binding/package.json', 'napi-binding/package.json', 'napi-binding/npm/linux-x64-gnu/package.json', 'api/package.json'];
  const stampFile = path.join(ROOT, 'node_modules', '.bindlab-stamp');
  const wanted = fingerprint(ROOT, inputs);
  if (readStamp(stampFile) === wanted) return;
  say('installing npm dependencies (node_modules is missing or older than package-lock.json)');
  // `npm ci` is not used: it insists on optional platform packages of @napi-rs/cli that the registry here lacks.
  run('npm', ['install', '--no-audit', '--no-fund'], { shell: process.platform === 'win32' });
  writeStamp(stampFile, fingerprint(ROOT, inputs)); // after: npm install may rewrite the lockfile
}

function readStamp(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function writeStamp(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, value);
}

/** Rust inputs shared by both bindings: the workspace manifest, the lock and the core. */
const SHARED_RUST_INPUTS = ['Cargo.toml', 'Cargo.lock', 'core/Cargo.toml', 'core/src'];

/** What both bindings are built from, computed once: the compiler and the shared Rust inputs. */
function sharedBuildInputs() {
  const rustc = probe('rustc', ['--version']) ?? 'unknown rustc';
  return `${rustc}\n${fingerprint(ROOT, SHARED_RUST_INPUTS)}`;
}

/** Builds one binding when its own inputs or the `shared` ones changed since its last build. */
function buildIfChanged(shared, name, inputs, outputs, build) {
  const wanted = `${shared}\n${fingerprint(ROOT, inputs)}`;
  const stampFile = path.join(STAMPS, `${name}.stamp`);
  const present = outputs.every((output) => fs.existsSync(path.join(ROOT, output)));
  if (present && readStamp(stampFile) === wanted) return;
  say(`building the ${name} binding in release mode (${present ? 'its sources changed' : 'not built yet'})`);
  build();
  writeStamp(stampFile, wanted);
}

function buildNapi(shared) {
  buildIfChanged(shared, 'napi', ['napi-binding/Cargo.toml', 'napi-binding/build.rs', 'napi-binding/src', 'napi-binding/package.json'],
    ['napi-binding/binding.js', 'napi-binding/binding.d.ts'],
    () => run(process.execPath, [path.join(ROOT, 'node_modules', '@napi-rs', 'cli', 'dist', 'cli.js'), 'build',
      '--platform', '--release', '--manifest-path', 'napi-binding/Cargo.toml', '--package-json-path', 'napi-binding/package.json',
      '--output-dir', 'napi-binding', '--js', 'binding.js', '--dts', 'binding.d.ts'],
    { env: toolEnv() }));
}

function buildWasm(shared) {
  buildIfChanged(shared, 'wasm', ['wasm-binding/Cargo.toml', 'wasm-binding/src'],
    ['wasm-binding/pkg/bindlab_wasm.js', 'wasm-binding/pkg/bindlab_wasm_bg.wasm', 'wasm-binding/pkg-web/bindlab_wasm.js'],
    () => {
      // Node's glue, and the browser's (ES module, loads the .wasm with fetch); cargo builds once.
      for (const [target, dir] of [['nodejs', 'pkg'], ['web', 'pkg-web']]) {
        run('wasm-pack', ['build', 'wasm-binding', '--release', '--target', target, '--out-dir', dir,
          '--out-name', 'bindlab_wasm', '--no-pack'], { env: toolEnv() });
      }
    });
}

/** Builds the binding variants (tools/lib/variant-builds.js) whose inputs changed; one
 * that cannot be built is reported and left out, and the bootstrap goes on. */
function buildVariantsIfChanged() {
  const rustc = probe('rustc', ['--version']) ?? 'unknown rustc';
  buildVariants({
    shared: rustc,
    stamps: { read: (name) => readStamp(path.join(STAMPS, `${name}.stamp`)), write: (name, value) => writeStamp(path.join(STAMPS, `${name}.stamp`), value) },
    run: (command, args) => {
      say(`$ ${command} ${args.join(' ')}`);
      const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: toolEnv() });
      return result.error ? -1 : result.status;
    },
    say,
  });
}

/** Lays the builds out as npm packages (tools/lib/packages.js), each slow step only
 * when its inputs changed since it last succeeded. */
function layOut() {
  const stampOf = (name) => path.join(STAMPS, `${name}.stamp`);
  const written = layOutPackages({
    stale: (name, inputs) => readStamp(stampOf(name)) !== fingerprint(ROOT, inputs),
    done: (name, inputs) => writeStamp(stampOf(name), fingerprint(ROOT, inputs)),
  });
  for (const file of written) say(`wrote ${path.relative(ROOT, file)}`);
}

function main() {
  const started = Date.now();
  checkPrerequisites();
  ensureWasmTarget();
  ensureNpmDependencies();
  ensureCargoTool('wasm-pack', 'wasm-pack', WASM_PACK_VERSION, ['--locked'],
    'the wasm binding is built with wasm-pack');
  // Without --locked: the registry here lacks a version that wasm-bindgen-cli's lock file pins.
  ensureCargoTool('wasm-bindgen', 'wasm-bindgen-cli', lockedVersion('wasm-bindgen'), [],
    'wasm-pack needs the exact wasm-bindgen-cli that Cargo.lock pins, or it tries to download one');
  const shared = sharedBuildInputs();
  buildNapi(shared);
  buildWasm(shared);
  layOut();
  buildVariantsIfChanged();
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
