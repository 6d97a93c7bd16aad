// The JavaScript runtimes a worker can run in. `--runtime` takes one or a comma-separated list
// of `NAME` or `NAME:PATH`, or `all`: `node` (the Node running the harness), `node@18|20|22|24|26`,
// `bun` or `deno` (the last three kinds installed on first use from npm, runtime-cache.js), and
// `chromium` (the system's, driven by playwright-core: browser/chromium.js). A process
// runtime's launcher turns the worker script and its input into a command line; `NAME:PATH`
// runs that launcher with another executable (e.g. `node:/opt/node22/bin/node`).
'use strict';

const { INSTALLABLE, ensureRuntime } = require('./runtime-cache.js');
const { findChromium } = require('./browser/chromium.js');

/** --expose-gc: mitata collects garbage before each case; without a gc() it allocates 1 GiB instead. */
const V8_FLAGS = ['--expose-gc'];

/**
 * Process launcher kind → the flags it runs a worker with and the arguments that run a script
 * with its input.
 */
const LAUNCHERS = {
  node: { flags: V8_FLAGS, args: (script, input) => [...V8_FLAGS, script, input] },
  // Bun has no V8 flags; its gc() is Bun.gc, which mitata and the front use.
  bun: { flags: [], args: (script, input) => [script, input] },
  // -A: the worker reads files and loads the napi addon (--allow-read, --allow-ffi).
  deno: {
    flags: ['-A', `--v8-flags=${V8_FLAGS.join(',')}`],
    args: (script, input) => ['run', '-A', `--v8-flags=${V8_FLAGS.join(',')}`, script, input],
  },
};

/** The flags Chromium's pages run with: V8's gc() for the worker, as the processes have. */
const CHROMIUM_FLAGS = [`--js-flags=${V8_FLAGS.join(' ')}`];

/** What each runtime kind offers a case beyond the binding (a case's `needs`): Node's modules. */
const PROVIDES = { node: ['node'], bun: ['node'], deno: ['node'], chromium: [] };

/** The runtimes `--runtime all` measures: the supported Node majors, Bun, Deno and Chromium. */
const ALL = ['node@22', 'node@24', 'node@26', 'bun', 'deno', 'chromium'];

/** The kind of runtime `name` (`node@22` is a node), or undefined. */
function kindOf(name) {
  if (name === 'chromium') return 'chromium';
  const kind = name.split('@')[0];
  return kind in LAUNCHERS && (name === kind || name in INSTALLABLE) ? kind : undefined;
}

/** Every runtime name `--runtime` accepts (besides `all`). */
const RUNTIME_NAMES = ['node', ...Object.keys(INSTALLABLE), 'chromium'];

/**
 * Resolves `NAME` or `NAME:PATH` to `{ name, kind, command, args(script, input), flags, provides }`
 * (`args` only for process runtimes; `flags`: those a worker is launched with), installing an npm runtime on first use (`say` reports it)
 * and finding Chromium; throws for an unknown name or a missing Chromium.
 */
function resolveRuntime(spec = 'node', { say } = {}) {
  const at = spec.indexOf(':');
  const name = at < 0 ? spec : spec.slice(0, at);
  const kind = kindOf(name);
  if (!kind) throw new Error(`unknown runtime "${name}" (known: ${RUNTIME_NAMES.join(', ')}, or all)`);
  const given = at >= 0 ? spec.slice(at + 1) : null;
  const provides = PROVIDES[kind];
  if (kind === 'chromium') return { name, kind, command: given ?? findChromium(), flags: CHROMIUM_FLAGS, provides };
  const command = given ?? (name === 'node' ? process.execPath : ensureRuntime(name, { say }));
  return { name, kind, command, args: LAUNCHERS[kind].args, flags: LAUNCHERS[kind].flags, provides };
}

/** The runtime specs of a `--runtime` value: a comma-separated list, `all` standing for ALL; throws on a repeated name. */
function runtimeSpecs(value = 'node') {
  const specs = value.split(',').map((s) => s.trim()).filter(Boolean).flatMap((s) => (s === 'all' ? ALL : [s]));
  if (specs.length === 0) throw new Error('--runtime needs at least one runtime name');
  const names = specs.map((s) => s.split(':')[0]);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new Error(`--runtime names ${repeated} twice`);
  return specs;
}

/** Resolves every runtime of a `--runtime` value (see runtimeSpecs and resolveRuntime). */
function resolveRuntimes(value, options) {
  return runtimeSpecs(value).map((spec) => resolveRuntime(spec, options));
}

/**
 * Describes the runtime this code runs in: name, version, engine (V8 or JavaScriptCore) and
 * its version, V8 version (null on Bun, whose `process.versions.v8` is the Node-API
 * compatibility figure, not an engine), executable and flags.
 */
function describeRuntime() {
  const { versions, execPath, execArgv, env } = process;
  const common = { executable: execPath, flags: execArgv, nodeOptions: env.NODE_OPTIONS ?? null };
  if (versions.bun) return { name: 'bun', version: versions.bun, engine: 'JavaScriptCore', engineVersion: versions.webkit ?? null, v8: null, ...common };
  const name = globalThis.Deno ? 'deno' : 'node';
  return { name, version: versions[name], engine: 'V8', engineVersion: versions.v8, v8: versions.v8, ...common };
}

module.exports = { resolveRuntime, resolveRuntimes, runtimeSpecs, describeRuntime, RUNTIME_NAMES, ALL };
