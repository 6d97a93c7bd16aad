// What a result was measured on, recorded with every result: machine, runtime (as the
// worker described itself), Rust toolchain, binding crate and npm package versions, git
// commit, date.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, commandOutput: output, readCargoLock, lockedVersions } = require('../../tools/lib/toolchain.js');

/** The crates whose versions decide what the bindings cost. */
const CRATES = ['napi', 'napi-derive', 'napi-sys', 'wasm-bindgen', 'js-sys'];
/** The npm packages that build, load or time the implementations. */
const PACKAGES = ['@bindlab/wasm', '@bindlab/napi', '@bindlab/bench-js', '@bindlab/harness', 'mitata', '@napi-rs/cli', 'binaryen'];

/** The installed version of each npm package in `names` (null when not installed). */
function packageVersions(names) {
  return Object.fromEntries(names.map((name) => {
    try {
      return [name, JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version];
    } catch {
      return [name, null];
    }
  }));
}

/** The machine: CPU model, logical core count and speed, OS and memory. */
function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: { model: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, speedMHz: cpus[0]?.speed ?? null },
    os: { platform: os.platform(), type: os.type(), release: os.release(), arch: os.arch() },
    memoryBytes: os.totalmem(),
  };
}

/** The full environment record, around `runtime` (what the worker process reported about itself). */
function collectEnvironment(runtime) {
  const status = output('git', ['status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    machine: describeMachine(),
    runtime,
    rustc: output('rustc', ['-V']),
    crates: lockedVersions(readCargoLock(), CRATES),
    packages: packageVersions(PACKAGES),
    git: { commit: output('git', ['rev-parse', 'HEAD']), dirty: status === null ? null : status !== '' },
  };
}

module.exports = { collectEnvironment };
