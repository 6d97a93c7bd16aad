// Reading the build toolchain from the repository: a command's output and the crate
// versions Cargo.lock pins. Node built-ins only: the bootstrap uses it before `npm install`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs a command in the repository; its trimmed stdout, or null when it cannot start or fails. */
function commandOutput(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** The repository's Cargo.lock text, or '' when there is none. */
function readCargoLock() {
  try {
    return fs.readFileSync(path.join(ROOT, 'Cargo.lock'), 'utf8');
  } catch {
    return '';
  }
}

/** The versions Cargo.lock text pins for each of `names` (several joined by ", "; absent names left out). */
function lockedVersions(lockText, names) {
  const versions = {};
  for (const [, name, version] of lockText.matchAll(/\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g)) {
    if (names.includes(name)) versions[name] = versions[name] ? `${versions[name]}, ${version}` : version;
  }
  return versions;
}

module.exports = { ROOT, commandOutput, readCargoLock, lockedVersions };
