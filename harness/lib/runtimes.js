// The JavaScript runtimes a worker can run in. A launcher turns the worker script and its
// input into a command line. `--runtime NAME` picks one: `node` (the Node running the
// harness), `node@18|20|22|24|26`, `bun` or `deno`, the last three kinds installed on first
// use from npm (runtime-cache.js); `--runtime NAME:PATH` runs that launcher with another
// executable (e.g. `node:/opt/node22/bin/node`).
'use strict';

const { INSTALLABLE, ensureRuntime } = require('./runtime-cache.js');

/** --expose-gc: mitata collects garbage before each case; without a gc() it allocates 1 GiB instead. */
const V8_FLAGS = ['--expose-gc'];

/** Launcher kind → the arguments that run a script with its input. */
const LAUNCHERS = {
  node: (script, input) => [...V8_FLAGS, script, input],
  // Bun has no V8 flags; its gc() is Bun.gc, which mitata and the front use.
  bun: (script, input) => [script, input],
  // -A: the worker reads files and loads the napi addon (--allow-read, --allow-ffi).
  deno: (script, input) => ['run', '-A', `--v8-flags=${V8_FLAGS.join(',')}`, script, input],
};

/** The launcher kind of runtime `name` (`node@22` is a node), or undefined. */
function kindOf(name) {
  const kind = name.split('@')[0];
  return kind in LAUNCHERS && (name === kind || name in INSTALLABLE) ? kind : undefined;
}

/** Every runtime name `--runtime` accepts. */
const RUNTIME_NAMES = ['node', ...Object.keys(INSTALLABLE)];

/**
 * Resolves `NAME` or `NAME:PATH` to `{ name, command, args(script, input) }`, installing an
 * npm runtime on first use (`say` reports it); throws for an unknown name.
 */
function resolveRuntime(spec = 'node', { say } = {}) {
  const at = spec.indexOf(':');
  const name = at < 0 ? spec : spec.slice(0, at);
  const kind = kindOf(name);
  if (!kind) throw new Error(`unknown runtime "${name}" (known: ${RUNTIME_NAMES.join(', ')})`);
  const command = at >= 0 ? spec.slice(at + 1) : name === 'node' ? process.execPath : ensureRuntime(name, { say });
  return { name, command, args: LAUNCHERS[kind] };
}

/** Describes the runtime this code runs in: name, version, V8 version, executable and flags. */
function describeRuntime() {
  const { versions, execPath, execArgv, env } = process;
  const [name, version] = versions.bun ? ['bun', versions.bun] : globalThis.Deno ? ['deno', versions.deno] : ['node', versions.node];
  return { name, version, v8: versions.v8 ?? null, executable: execPath, flags: execArgv, nodeOptions: env.NODE_OPTIONS ?? null };
}

module.exports = { resolveRuntime, describeRuntime, RUNTIME_NAMES };
