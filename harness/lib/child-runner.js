// Runs one child process per lifetime run (experiment × binding × variant), each with
// --expose-gc so that it starts from a clean heap and can force collections; collects its
// one-line JSON answer, or why it could not run.
'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');

/**
 * Runs `script` in a fresh `runtime` process with `input` as its JSON argument; resolves
 * with the parsed last stdout line, or `{ error }` when it failed or exceeded `timeoutMs`.
 */
function runChild(runtime, script, input, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(runtime.command, runtime.args(script, JSON.stringify(input)), { stdio: ['ignore', 'pipe', 'pipe'] });
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
      const cause = err.split('\n').find((line) => /Error|error:/.test(line)) ?? err.trim().split('\n').pop() ?? '';
      resolve({ error: `${why}: ${cause.trim()}` });
    });
  });
}

/** The child entry of the lifetime lab. */
const LIFETIME_CHILD = path.join(__dirname, 'child.js');

module.exports = { runChild, LIFETIME_CHILD };
