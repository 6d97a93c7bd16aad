// The JavaScript runtimes a worker can run in. A launcher turns the worker script and its
// input into a command line; adding Bun, Deno or another Node means adding a launcher here.
// `--runtime NAME` picks one; `--runtime NAME:PATH` runs that launcher with another
// executable (e.g. `node:/opt/node22/bin/node`).
'use strict';

/** Runtime name → launcher: its default executable and the arguments that run a script. */
const RUNTIMES = {
  node: {
    executable: process.execPath,
    // --expose-gc: mitata collects garbage before each case; without a gc() it allocates 1 GiB instead.
    flags: ['--expose-gc'],
    args(script, input) {
      return [...this.flags, script, input];
    },
  },
};

/** Resolves `NAME` or `NAME:PATH` to `{ name, command, args(script, input) }`; throws for an unknown name. */
function resolveRuntime(spec = 'node') {
  const at = spec.indexOf(':');
  const name = at < 0 ? spec : spec.slice(0, at);
  const launcher = RUNTIMES[name];
  if (!launcher) throw new Error(`unknown runtime "${name}" (known: ${Object.keys(RUNTIMES).join(', ')})`);
  const command = at < 0 ? launcher.executable : spec.slice(at + 1);
  return { name, command, args: (script, input) => launcher.args(script, input) };
}

/** Describes the runtime this code runs in: name, version, V8 version, executable and flags. */
function describeRuntime() {
  const { versions, execPath, execArgv, env } = process;
  const [name, version] = versions.bun ? ['bun', versions.bun] : globalThis.Deno ? ['deno', versions.deno] : ['node', versions.node];
  return { name, version, v8: versions.v8 ?? null, executable: execPath, flags: execArgv, nodeOptions: env.NODE_OPTIONS ?? null };
}

module.exports = { resolveRuntime, describeRuntime };
