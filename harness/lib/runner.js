// Runs the selected cases on each runtime × implementation, each worker in a process of its
// own (a Chromium worker in a browser context of its own: browser/chromium.js), so that none
// warms or pollutes another. With several repeats the whole matrix runs again, the
// implementation order rotated each time; within a repeat the runtimes take turns, so that a
// burst of load on the machine falls on all of them alike.
'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');
const { loadCases } = require('./cases.js');
const { openChromium } = require('./browser/chromium.js');
const { IMPLEMENTATIONS } = require('./implementations.js');

const WORKER = path.join(__dirname, 'worker.mjs');

/**
 * A worker still running after this long is killed and its unreported cases become errors: a
 * whole quick pass of one implementation takes well under a minute, and a hung worker (a case
 * that never settles) would otherwise stall the whole matrix.
 */
const WORKER_TIMEOUT_MS = 15 * 60_000;

/**
 * Runs one worker process of `runtime` with `input`, passing each message to `onMessage` as it
 * arrives; resolves with `{ messages, failure }`, `failure` saying how the process ended when it
 * did not exit cleanly (else null), killed once it has run `timeoutMs`. Rejects only when the
 * process cannot be started.
 */
function runProcess(runtime, input, onMessage = () => {}, timeoutMs = WORKER_TIMEOUT_MS) {
  return new Promise((resolve, reject) => {
    const child = spawn(runtime.command, runtime.args(WORKER, JSON.stringify(input)), { stdio: ['ignore', 'pipe', 'inherit'] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const messages = [];
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      for (const line of lines.filter(Boolean)) {
        const message = JSON.parse(line);
        messages.push(message);
        onMessage(message);
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${runtime.command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const how = timedOut ? `was stopped after ${timeoutMs / 1000} s` : signal ? `was killed by ${signal}` : `exited with ${code}`;
      resolve({ messages, failure: code === 0 && !timedOut ? null : `the ${input.impl ?? 'describe'} worker (${runtime.name}) ${how}` });
    });
  });
}

/**
 * The hosts of `runtimes` (from resolveRuntimes): runtime name → `{ run(input, onMessage), close() }`,
 * `run` resolving with `{ messages, failure }` as runProcess does, a worker stopped after `timeoutMs`.
 * A Chromium host is a browser session, opened here once for the whole matrix; its workers get
 * the ids of the selected cases, which they cannot select by themselves, and the road of their
 * implementation (see browser/page.mjs).
 */
async function openHosts(runtimes, timeoutMs = WORKER_TIMEOUT_MS) {
  const hosts = new Map();
  try {
    for (const runtime of runtimes) {
      if (runtime.kind === 'chromium') {
        const session = await openChromium(runtime);
        const page = (input) => ({ ...input, caseIds: loadCases(input.filter).map((c) => c.id), road: IMPLEMENTATIONS[input.impl]?.road ?? null });
        const run = (input, onMessage) => session.run(page(input), onMessage, timeoutMs);
        hosts.set(runtime.name, { run, close: session.close });
      } else {
        hosts.set(runtime.name, { run: (input, onMessage) => runProcess(runtime, input, onMessage, timeoutMs), close: async () => {} });
      }
    }
    return hosts;
  } catch (error) {
    await closeHosts(hosts);
    throw error;
  }
}

/** Closes every host of `hosts`. */
async function closeHosts(hosts) {
  await Promise.all([...hosts.values()].map((host) => host.close()));
}

/**
 * Asks each runtime to describe itself without measuring anything; resolves with
 * `{ <runtime name>: { name, version, engine, engineVersion, v8, executable, flags, nodeOptions } }`,
 * `name` being the runtime's name as given (`node@22`), `flags` those its workers are launched
 * with (Deno's process.execArgv does not show them).
 */
async function describeRuntimes(runtimes) {
  const hosts = await openHosts(runtimes);
  try {
    const described = {};
    for (const runtime of runtimes) {
      const { messages: [message], failure } = await hosts.get(runtime.name).run({ describeOnly: true });
      if (!message) throw new Error(`${runtime.name} could not describe itself: ${failure}`);
      described[runtime.name] = { ...message.runtime, name: runtime.name, flags: runtime.flags };
    }
    return described;
  } finally {
    await closeHosts(hosts);
  }
}

/** Describes one runtime, as describeRuntimes does. */
async function describeRuntimeOf(runtime) {
  return (await describeRuntimes([runtime]))[runtime.name];
}

/** The implementation order of repeat `r` (0-based): `impls` rotated left by `r`. */
function orderForRepeat(impls, r) {
  const shift = r % impls.length;
  return [...impls.slice(shift), ...impls.slice(0, shift)];
}

/**
 * The process record of one worker run from its `messages`; when it ended with `failure`, each
 * of `caseIds` it did not report on is an error carrying that failure.
 */
function processRecord(where, { messages, failure }, caseIds) {
  const ofType = (type) => messages.filter((m) => m.type === type);
  const reported = new Set(messages.map((m) => m.case));
  const lost = failure ? caseIds.filter((id) => !reported.has(id)).map((id) => ({ case: id, message: failure })) : [];
  return {
    ...where,
    empty: ofType('empty')[0]?.stats ?? null,
    results: ofType('result').map(({ case: id, stats, batch, guard }) => ({ case: id, stats, batch, guard })),
    skips: ofType('skip').map(({ case: id, missing, reason }) => ({ case: id, missing, ...(reason && { reason }) })),
    errors: [...ofType('error').map(({ case: id, message }) => ({ case: id, message })), ...lost],
  };
}

/**
 * The cases of `runtime` × `impl` that run `r` (0-based) leaves out under `slowCases`
 * (`{ callNs, repeat }`, or null for none): from run `slowCases.repeat` on, those whose fastest
 * median in the earlier runs (`processes`) was `callNs` or more. The runs repeat to find the
 * speed a process's JIT reaches on nanosecond calls; a call of 10 µs or more shows its speed
 * in every process alike, and its samples were two fifths of a default run's time.
 */
function slowCasesOmitted(processes, runtime, impl, r, slowCases) {
  if (!slowCases || r < slowCases.repeat) return [];
  const fastest = new Map();
  for (const proc of processes) {
    if (proc.runtime !== runtime || proc.impl !== impl) continue;
    for (const { case: id, stats } of proc.results) fastest.set(id, Math.min(fastest.get(id) ?? Infinity, stats.p50));
  }
  return [...fastest].filter(([, median]) => median >= slowCases.callNs).map(([id]) => id);
}

/**
 * Measures `runtimes` × `impls` × the cases matching `filter`, `repeat` times, each (runtime,
 * implementation, repeat) in its own worker; under `slowCases` (see slowCasesOmitted) the slow
 * cases only in the first runs. `onMessage(where, message)` sees every message as it
 * arrives, `where` being `{ runtime, impl, repeat, omitted }` (the runtime's name; how many cases
 * this run leaves out). Resolves with one record
 * per worker: `{ runtime, impl, repeat, empty, results, skips, errors }` (`empty` null when the
 * implementation cannot run there: then every case is a skip with its `reason`). A worker that
 * crashes, or runs longer than `timeoutMs` (default WORKER_TIMEOUT_MS), costs only its own cases,
 * each an error saying how it ended. A single `runtime` may be given instead of `runtimes`.
 */
async function runMatrix({ runtimes: given, runtime: single, impls, repeat, filter, budget, slowCases = null, timeoutMs }, onMessage = () => {}) {
  const runtimes = given ?? [single];
  const hosts = await openHosts(runtimes, timeoutMs);
  const caseIds = loadCases(filter).map((c) => c.id);
  try {
    const processes = [];
    for (let r = 0; r < repeat; r++) {
      for (const runtime of runtimes) {
        for (const impl of orderForRepeat(impls, r)) {
          const omit = slowCasesOmitted(processes, runtime.name, impl, r, slowCases);
          const where = { runtime: runtime.name, impl, repeat: r, omitted: omit.length };
          const outcome = await hosts.get(runtime.name).run({ impl, filter, budget, omit }, (message) => onMessage(where, message));
          processes.push(processRecord({ runtime: where.runtime, impl, repeat: r }, outcome, caseIds.filter((id) => !omit.includes(id))));
        }
      }
    }
    return processes;
  } finally {
    await closeHosts(hosts);
  }
}

module.exports = { runMatrix, describeRuntimes, describeRuntimeOf, orderForRepeat, slowCasesOmitted };
