// How the binding variants of issue 13 are built (variants/<id>/), each only when its own
// inputs changed: a content hash over its sources, its Cargo.lock, the shared core and the
// compiler, as the two packages are built. Each variant's files land in variants/<id>/build/,
// where its loader looks. A variant that cannot be built here, for a missing toolchain piece
// or a failed build, gets a note there (variants/lib/built.js) saying what to install or
// what failed, and the others are built all the same: the bench then skips that variant.
// Node built-ins only: the bootstrap uses it.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { ROOT, commandOutput } = require('./toolchain.js');
const { fingerprint } = require('./fingerprint.js');
const { replaceFile } = require('./replace-file.js');
const { buildDir, unavailableNote } = require('../../variants/lib/built.js');

/** The core every variant is built over (the root Cargo.lock does not pin it for them). */
const CORE = ['core/Cargo.toml', 'core/src'];

/** The file name a cdylib crate `crate` gets from cargo on this platform. */
function cdylibName(crate) {
  const stem = crate.replace(/-/g, '_');
  if (process.platform === 'win32') return `${stem}.dll`;
  return process.platform === 'darwin' ? `lib${stem}.dylib` : `lib${stem}.so`;
}

/** A variant built by plain `cargo build --release` of one crate of a workspace, its
 * library copied to `build/<node>` (a Node-API addon is a shared library named .node). */
function cargoVariant({ id, workspace, crate, node, inputs }) {
  const targetDir = path.join(workspace, 'target');
  return {
    id,
    inputs: [...inputs, path.join(workspace, 'Cargo.toml'), path.join(workspace, 'Cargo.lock'), ...CORE],
    outputs: [node],
    missing: () => null,
    steps: () => [
      { command: 'cargo', args: ['build', '--release', '--manifest-path', path.join(workspace, 'Cargo.toml'), '-p', crate] },
      { copy: [path.join(targetDir, 'release', cdylibName(crate)), path.join(buildDir(id), node)] },
    ],
  };
}

/** The Rust target napi-rs builds Node-API-in-WebAssembly for. */
const WASI_TARGET = 'wasm32-wasip1-threads';

/** The napi binding's own inputs (H-lab's crate, built unchanged for the wasm target). */
const NAPI_BINDING = ['napi-binding/Cargo.toml', 'napi-binding/build.rs', 'napi-binding/src', 'napi-binding/package.json', 'Cargo.toml', 'Cargo.lock'];

/** The emnapi variant: the napi binding built with napi-rs's CLI for wasm32-wasip1-threads
 * (it links emnapi's Node-API library from the `emnapi` npm package and writes the loader). */
const EMNAPI = {
  id: 'emnapi',
  inputs: [...NAPI_BINDING, ...CORE],
  outputs: ['bindlab.wasi.cjs', 'bindlab.wasm32-wasi.wasm'],
  missing(run, say) {
    const installed = () => (commandOutput('rustup', ['target', 'list', '--installed']) ?? '').split('\n').includes(WASI_TARGET);
    if (!installed()) {
      say(`installing the ${WASI_TARGET} target (the emnapi variant is the napi binding built for it)`);
      if (run('rustup', ['target', 'add', WASI_TARGET]) !== 0 || !installed()) {
        return `needs the ${WASI_TARGET} Rust target: run \`rustup target add ${WASI_TARGET}\``;
      }
    }
    for (const pkg of ['emnapi', '@napi-rs/wasm-runtime', '@emnapi/runtime', '@emnapi/core']) {
      if (!fs.existsSync(path.join(ROOT, 'node_modules', pkg, 'package.json'))) {
        return `needs the npm package ${pkg}: run \`npm install\` (it is a devDependency)`;
      }
    }
    return null;
  },
  steps: () => [
    {
      command: process.execPath,
      args: [path.join(ROOT, 'node_modules', '@napi-rs', 'cli', 'dist', 'cli.js'), 'build', '--platform', '--release',
        '--target', WASI_TARGET, '--manifest-path', 'napi-binding/Cargo.toml', '--package-json-path', 'napi-binding/package.json',
        '--target-dir', 'target/emnapi', '--output-dir', path.join('variants', 'emnapi', 'build'),
        '--js', 'binding.js', '--dts', 'binding.d.ts'],
    },
  ],
};

/** Every variant's build, in the order the bootstrap builds them. */
const VARIANT_BUILDS = [
  cargoVariant({ id: 'napi-compat', workspace: 'variants', crate: 'bindlab-napi-compat', node: 'bindlab_napi_compat.node', inputs: ['variants/napi-compat'] }),
  cargoVariant({ id: 'neon', workspace: 'variants', crate: 'bindlab-neon', node: 'bindlab_neon.node', inputs: ['variants/neon'] }),
  cargoVariant({ id: 'napi-v2', workspace: 'variants/napi-v2', crate: 'bindlab-napi-v2', node: 'bindlab_napi_v2.node', inputs: ['variants/napi-v2/src', 'variants/napi-v2/build.rs'] }),
  cargoVariant({ id: 'napi-3.12', workspace: 'variants/napi-3.12', crate: 'bindlab-napi-3-12', node: 'bindlab_napi_3_12.node', inputs: ['variants/napi-3.12/src', 'variants/napi-3.12/build.rs', 'variants/napi-v2/src'] }),
  EMNAPI,
];

/** Runs one step of a build; resolves with null, or with what failed. */
function runStep(step, run) {
  if (step.copy) {
    const [from, to] = step.copy.map((file) => path.resolve(ROOT, file));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    replaceFile(to, (temporary) => fs.copyFileSync(from, temporary));
    return null;
  }
  const status = run(step.command, step.args);
  return status === 0 ? null : `failed to build: \`${path.basename(step.command)} ${step.args.join(' ')}\` exited with ${status}`;
}

/**
 * Builds each variant whose inputs changed since its last successful build (or whose output
 * is gone). `shared` is what every build depends on (the compiler); `stamps` reads and writes
 * the stamp of a name; `run(command, args)` runs a command with inherited output and returns
 * its exit status; `say` prints a bootstrap line. Returns `{ built, skipped, unavailable }`:
 * ids, and `{ id, reason }` for the variants that could not be built.
 */
function buildVariants({ shared, stamps, run, say, builds = VARIANT_BUILDS }) {
  const outcome = { built: [], skipped: [], unavailable: [] };
  for (const build of builds) {
    const stampName = `variant-${build.id}`;
    const wanted = `${shared}\n${fingerprint(ROOT, build.inputs)}`;
    const present = build.outputs.every((file) => fs.existsSync(path.join(buildDir(build.id), file)));
    if (present && stamps.read(stampName) === wanted) {
      outcome.skipped.push(build.id);
      continue;
    }
    fs.rmSync(unavailableNote(build.id), { force: true });
    const reason = build.missing(run, say) ?? buildOnce(build, run, say, present);
    if (reason) {
      fs.mkdirSync(buildDir(build.id), { recursive: true });
      fs.writeFileSync(unavailableNote(build.id), `${reason}\n`);
      say(`variant ${build.id} not built: ${reason} (the others still run; the bench skips it)`);
      outcome.unavailable.push({ id: build.id, reason });
      continue;
    }
    stamps.write(stampName, wanted);
    outcome.built.push(build.id);
  }
  return outcome;
}

/** Runs a build's steps in order; null when all succeeded, else what failed. */
function buildOnce(build, run, say, present) {
  say(`building the ${build.id} variant in release mode (${present ? 'its sources changed' : 'not built yet'})`);
  const started = Date.now();
  for (const step of build.steps()) {
    const failed = runStep(step, run);
    if (failed) return failed;
  }
  say(`built the ${build.id} variant in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return null;
}

module.exports = { VARIANT_BUILDS, WASI_TARGET, buildVariants };
