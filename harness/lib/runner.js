// Runs the selected cases on each implementation, one child process per
// implementation, so that none warms or pollutes another.
'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');

const WORKER = path.join(__dirname, 'worker.mjs');

/** Runs the worker for one implementation; resolves with its result rows. */
function runImplementation(impl, options, onRow) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, impl, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const rows = [];
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      for (const line of lines.filter(Boolean)) {
        const row = JSON.parse(line);
        rows.push(row);
        onRow(row);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(rows) : reject(new Error(`the ${impl} worker exited with ${code}`))));
  });
}

/** Runs every implementation in turn; resolves with all rows. */
async function runMatrix(impls, options, onRow = () => {}) {
  const rows = [];
  for (const impl of impls) rows.push(...(await runImplementation(impl, options, onRow)));
  return rows;
}

module.exports = { runMatrix };
