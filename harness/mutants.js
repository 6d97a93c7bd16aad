#!/usr/bin/env node
// A sampled mutation run over the harness's verdict code (see MUTANTS.md): applies each declared
// mutation alone to a temporary copy of harness/, runs the verdict tests there, and prints which
// mutants the tests killed and the score. The working tree is never written to.
// Usage: node harness/mutants.js [TEXT]   (TEXT keeps the mutants whose file or change contains it)
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const MUTANTS = require('./mutants-list.js');

const HARNESS = __dirname;
const NODE_MODULES = path.join(HARNESS, '..', 'node_modules');

/** The tests run against every mutant (paths inside harness/). */
const TESTS = ['compare', 'crossover', 'choosing', 'stats', 'report', 'report-matrix', 'results', 'breakdown', 'sampling']
  .map((name) => `test/${name}.test.js`);

/** A mutant whose tests run longer than this is counted as killed (it hangs). */
const TIMEOUT_MS = 120_000;

/** Refuses a mutation whose search text is not in its file exactly once: the list must follow the code. */
function checkMutant({ file, from }) {
  const source = fs.readFileSync(path.join(HARNESS, file), 'utf8');
  const count = source.split(from).length - 1;
  if (count !== 1) throw new Error(`mutants-list.js: ${JSON.stringify(from)} occurs ${count} times in ${file}, not once`);
}

/** Runs TESTS in the copy at `root`; true when they pass. */
function testsPass(root) {
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=dot', ...TESTS], { cwd: root, encoding: 'utf8', timeout: TIMEOUT_MS });
  return run.status === 0;
}

/** Applies `mutant` to the copy at `root`, runs the tests, restores the file; true when the tests caught it. */
function killed(root, { file, from, to }) {
  const target = path.join(root, file);
  const original = fs.readFileSync(target, 'utf8');
  fs.writeFileSync(target, original.replace(from, () => to));
  try {
    return !testsPass(root);
  } finally {
    fs.writeFileSync(target, original);
  }
}

function main(filter) {
  const mutants = MUTANTS.filter((m) => !filter || m.file.includes(filter) || m.from.includes(filter) || m.to.includes(filter));
  if (mutants.length === 0) throw new Error(`no mutant matches ${JSON.stringify(filter)}`);
  mutants.forEach(checkMutant);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-mutants-'));
  try {
    const root = path.join(dir, 'harness');
    fs.cpSync(HARNESS, root, { recursive: true });
    fs.symlinkSync(NODE_MODULES, path.join(dir, 'node_modules'));
    // The repository folders the harness reads beside it: the build tooling (toolchain.js) and the variants' loaders (variants.js).
    for (const sibling of ['tools', 'variants']) fs.symlinkSync(path.join(HARNESS, '..', sibling), path.join(dir, sibling));
    if (!testsPass(root)) throw new Error('the tests fail without any mutation: fix them first');
    const survivors = [];
    mutants.forEach((mutant, i) => {
      const caught = killed(root, mutant);
      if (!caught) survivors.push(mutant);
      process.stdout.write(`${caught ? 'killed  ' : 'SURVIVED'} ${i + 1}/${mutants.length} ${mutant.file}: ${mutant.from} → ${mutant.to}\n`);
    });
    const score = mutants.length - survivors.length;
    process.stdout.write(`\n${score} of ${mutants.length} mutants killed (${((100 * score) / mutants.length).toFixed(1)}%)\n`);
    for (const m of survivors) process.stdout.write(`  survived: ${m.file}: ${m.why}\n`);
    return survivors.length === 0 ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main(process.argv[2]);
} catch (error) {
  process.stderr.write(`mutants: ${error.message}\n`);
  process.exitCode = 2;
}
