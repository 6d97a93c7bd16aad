// What a result was measured on, recorded with every result: machine, runtime (as the
// worker described itself), Rust toolchain, binding crate and npm package versions, git
// commit, date.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
/** The crates whose versions decide what the bindings cost. */
const CRATES = ['napi', 'napi-derive', 'napi-sys', 'wasm-bindgen', 'js-sys'];
/** The npm packages that build, load or time the implementations. */
const PACKAGES = ['@bindlab/wasm', '@bindlab/napi', '@bindlab/bench-js', '@bindlab/harness', 'mitata', '@napi-rs/cli', 'binaryen'];

/** Runs a command in the repository; its trimmed stdout, or null when it cannot run. */
function output(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** The versions Cargo.lock text pins for each of `names` (several joined by ", "; absent names left out). */
function lockedVersions(lockText, names) {
  const versions = {};
  for (const [, name, version] of lockText.matchAll(/\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g)) {
    if (names.includes(name)) versions[name] = versions[name] ? `${versions[name]}, ${version}` : version;
  }
  return versions;
}

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
  let lock = '';
  try {
    lock = fs.readFileSync(path.join(ROOT, 'Cargo.lock'), 'utf8');
  } catch { /* no Cargo.lock: no crate versions to report */ }
  const status = output('git', ['status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    machine: describeMachine(),
    runtime,
    rustc: output('rustc', ['-V']),
    crates: lockedVersions(lock, CRATES),
    packages: packageVersions(PACKAGES),
    git: { commit: output('git', ['rev-parse', 'HEAD']), dirty: status === null ? null : status !== '' },
  };
}

module.exports = { collectEnvironment, lockedVersions };
