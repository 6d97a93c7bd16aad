// The one child-process runner of the lifetime lab and the reproductions: each run
// (experiment × binding × variant, or one claim) in a fresh process of its runtime, whose
// launcher passes --expose-gc where the runtime has it, so that it starts from a clean heap
// and can force collections; collects its one-line JSON answer, or why it could not run.
'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');
const { describeRuntimes } = require('./runner.js');
const { collectEnvironment } = require('./environment.js');

/** The child entry (harness/lib/child.mjs). */
const CHILD = path.join(__dirname, 'child.mjs');
/** The longest one run may take before it counts as failed. */
const RUN_TIMEOUT_MS = 120_000;

/**
 * Runs the child in a fresh `runtime` process with `input` (`{ kind, id, binding, params }`)
 * as its JSON argument; resolves with the parsed last stdout line — `{ measures, series }`
 * or `{ unmeasurable }` — or `{ error }` when it failed or exceeded `timeoutMs`. A runtime
 * that starts no processes (a browser page) answers `{ unmeasurable }` at once.
 */
function runChild(runtime, input, timeoutMs = RUN_TIMEOUT_MS) {
  if (typeof runtime.args !== 'function') return Promise.resolve({ unmeasurable: `${runtime.name} starts no child process with forced GCs and Node-API` });
  return new Promise((resolve) => {
    const child = spawn(runtime.command, runtime.args(CHILD, JSON.stringify(input)), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk) => { out += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk) => { err += chunk; });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ error: `could not start ${runtime.command}: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop();
      if (code === 0 && last) {
        try {
          return resolve(JSON.parse(last));
        } catch (error) {
          return resolve({ error: `unreadable answer: ${error.message}` });
        }
      }
      const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` (over ${timeoutMs} ms?)` : ''}` : `exited with ${code}`;
      const cause = err.replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((line) => /Error|error:/.test(line)) ?? err.trim().split('\n').pop() ?? '';
      resolve({ error: `${why}: ${cause.trim()}` });
    });
  });
}

/** The environment record of a run on `runtimes`: each described by its own worker, keyed by the name it was asked for (`node@22`). */
async function environmentOf(runtimes) {
  return collectEnvironment(await describeRuntimes(runtimes));
}

module.exports = { runChild, environmentOf, CHILD };
