// What a result was measured on, recorded with every result: machine, runtimes (as their
// workers described themselves), Rust toolchain, binding crate and npm package versions, each
// implementation's road and library version, git commit, date.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, commandOutput: output, readCargoLock, lockedVersions } = require('../../tools/lib/toolchain.js');
const { IMPLEMENTATIONS } = require('./implementations.js');

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

/** The Cargo.lock at `lock` (relative to the repository), or the workspace's when none is named; null when unreadable. */
function lockText(lock) {
  if (!lock) return readCargoLock();
  try {
    return fs.readFileSync(path.join(ROOT, lock), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Per implementation, its road (`wasm`, `node-api`, or null for plain JS) and the library it
 * is built with at the version its lockfile pins: `{ road, library, version }` (library and
 * version null when the implementation declares none, version null when its lockfile lacks it).
 */
function describeImplementations(implementations = IMPLEMENTATIONS) {
  return Object.fromEntries(Object.entries(implementations).map(([name, { road, library }]) => {
    const text = library ? lockText(library.lock) : null;
    const version = text ? lockedVersions(text, [library.crate])[library.crate] ?? null : null;
    return [name, { road: road ?? null, library: library?.name ?? null, version }];
  }));
}

/**
 * The full environment record around `runtimes`, what each runtime's worker reported about
 * itself, keyed by runtime name (one description alone stands for itself under its own name).
 * `runtime` is the first of them, as version 2 of results.json recorded its only one.
 */
function collectEnvironment(runtimes) {
  const described = typeof runtimes.name === 'string' ? { [runtimes.name]: runtimes } : runtimes;
  const status = output('git', ['status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    machine: describeMachine(),
    runtime: Object.values(described)[0],
    runtimes: described,
    rustc: output('rustc', ['-V']),
    crates: lockedVersions(readCargoLock(), CRATES),
    packages: packageVersions(PACKAGES),
    implementations: describeImplementations(),
    git: { commit: output('git', ['rev-parse', 'HEAD']), dirty: status === null ? null : status !== '' },
  };
}

module.exports = { collectEnvironment };
