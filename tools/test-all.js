#!/usr/bin/env node
// `npm test`: the Rust tests (`cargo test --workspace`) then the JavaScript tests
// (`node --test`), each printing its own summary. Exits non-zero when either fails.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
/** Folders holding JavaScript tests (`*.test.js` / `*.test.mjs`). */
const JS_TEST_DIRS = ['test', 'harness/test', 'bench-js/test'];

/** Lists the JavaScript test files under the test folders, sorted. */
function jsTestFiles() {
  return JS_TEST_DIRS.flatMap((dir) => {
    const full = path.join(ROOT, dir);
    if (!fs.existsSync(full)) return [];
    return fs.readdirSync(full).filter((name) => /\.test\.m?js$/.test(name)).sort().map((name) => path.join(dir, name));
  });
}

/** Runs one test runner with inherited output; returns true when it passed. */
function runStep(title, command, args) {
  process.stdout.write(`\n== ${title}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.error) process.stderr.write(`could not start ${command}: ${result.error.message}\n`);
  return result.status === 0;
}

const rust = runStep('Rust tests', 'cargo', ['test', '--workspace']);
const js = runStep('JavaScript tests', process.execPath, ['--test', '--test-reporter=spec', '--expose-gc', ...jsTestFiles()]);
process.stdout.write(`\nnpm test: Rust ${rust ? 'passed' : 'FAILED'}, JavaScript ${js ? 'passed' : 'FAILED'}\n`);
process.exit(rust && js ? 0 : 1);
