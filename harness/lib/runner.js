// Runs the selected cases on each implementation, one child process per implementation
// and repeat, so that none warms or pollutes another. With several repeats the whole
// matrix runs again, the implementation order rotated each time.
'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');

const WORKER = path.join(__dirname, 'worker.mjs');

/** Runs one worker process with `input`; resolves with its messages, passing each to `onMessage` as it arrives. */
function runWorker(runtime, input, onMessage = () => {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(runtime.command, runtime.args(WORKER, JSON.stringify(input)), { stdio: ['ignore', 'pipe', 'inherit'] });
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
    child.on('error', (error) => reject(new Error(`could not start ${runtime.command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(messages);
      else reject(new Error(`the ${input.impl ?? 'describe'} worker (${runtime.name}) ${signal ? `was killed by ${signal}` : `exited with ${code}`}`));
    });
  });
}

/** Asks the runtime to describe itself (name, version, V8, flags) without measuring anything. */
async function describeRuntimeOf(runtime) {
  const [message] = await runWorker(runtime, { describeOnly: true });
  return message.runtime;
}

/** The implementation order of repeat `r` (0-based): `impls` rotated left by `r`. */
function orderForRepeat(impls, r) {
  const shift = r % impls.length;
  return [...impls.slice(shift), ...impls.slice(0, shift)];
}

/**
 * Measures `impls` × the cases matching `filter`, `repeat` times, each (implementation,
 * repeat) in its own process. `onMessage(process, message)` sees every message as it arrives.
 * Resolves with one record per process: `{ impl, repeat, runtime, empty, results, skips, errors }`.
 */
async function runMatrix({ runtime, impls, repeat, filter, budget }, onMessage = () => {}) {
  const processes = [];
  for (let r = 0; r < repeat; r++) {
    for (const impl of orderForRepeat(impls, r)) {
      const where = { impl, repeat: r };
      const messages = await runWorker(runtime, { impl, filter, budget }, (message) => onMessage(where, message));
      const ofType = (type) => messages.filter((m) => m.type === type);
      processes.push({
        ...where,
        runtime: ofType('runtime')[0].runtime,
        empty: ofType('empty')[0].stats,
        results: ofType('result').map(({ case: id, stats, batch, guard }) => ({ case: id, stats, batch, guard })),
        skips: ofType('skip').map(({ case: id, missing }) => ({ case: id, missing })),
        errors: ofType('error').map(({ case: id, message }) => ({ case: id, message })),
      });
    }
  }
  return processes;
}

module.exports = { runMatrix, describeRuntimeOf, orderForRepeat };
