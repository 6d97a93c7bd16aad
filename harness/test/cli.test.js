// End to end through a child process: the runner, the reports and --compare's refusal.
// Tiny runs (`--quick`, one case, plain JS only) so that each finishes in seconds.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { validateResults, serializeResults } = require('../lib/results.js');
const { orderForRepeat, slowCasesOmitted } = require('../lib/runner.js');
const { parseOptions } = require('../lib/options.js');
const { makeDoc, environment } = require('./fixture.js');

const CLI = path.join(__dirname, '..', 'cli.js');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-cli-'));

/** Runs the CLI with `args`; returns its status, stdout and stderr. */
function bench(...args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('the default is eight runs of 80 ms a case, --quick one of 40 ms, and --repeat overrides either', () => {
  const runs = (...args) => [parseOptions(args).repeat, parseOptions(args).budget.minCpuTimeNs];
  assert.deepEqual(runs(), [8, 80e6]);
  assert.deepEqual(runs('--quick'), [1, 40e6]);
  assert.deepEqual(runs('--repeat', '2'), [2, 80e6]);
  assert.deepEqual(runs('--quick', '--repeat', '3'), [3, 40e6]);
  assert.throws(() => parseOptions(['--repeat', '0']), /--repeat needs a whole number ≥ 1, not "0"/);
});

test('--quick --filter call/noop --impl js measures one case and writes the three reports', () => {
  const out = tmp();
  const run = bench('--quick', '--filter', 'call/noop', '--impl', 'js', '--json', '--out', out);
  assert.equal(run.status, 0, run.stderr);
  const doc = validateResults(JSON.parse(run.stdout));
  assert.deepEqual(doc.results.map((r) => [r.impl, r.case]), [['js', 'call/noop']]);
  assert.equal(doc.emptyLoops.length, 1);
  assert.equal(doc.environment.runtime.name, 'node');
  assert.ok(doc.environment.runtime.flags.includes('--expose-gc'));
  assert.match(run.stderr, /\[2\/2\] js run 1: call\/noop: /);
  assert.deepEqual(fs.readdirSync(out).sort(), ['report.html', 'report.md', 'results.json']);
  assert.match(fs.readFileSync(path.join(out, 'report.md'), 'utf8'), /\| noop\(\) \|/);
});

test('--repeat 2 runs every process twice and combines the runs', () => {
  const run = bench('--quick', '--repeat', '2', '--filter', 'noop', '--impl', 'js', '--json', '--out', tmp());
  assert.equal(run.status, 0, run.stderr);
  const doc = JSON.parse(run.stdout);
  assert.equal(doc.emptyLoops.length, 2);
  assert.equal(doc.results[0].repeatMedians.length, 2);
  assert.equal(typeof doc.results[0].stats.repeatSpread, 'number');
});

test('each repeat rotates the implementation order', () => {
  assert.deepEqual(orderForRepeat(['a', 'b', 'c'], 0), ['a', 'b', 'c']);
  assert.deepEqual(orderForRepeat(['a', 'b', 'c'], 1), ['b', 'c', 'a']);
  assert.deepEqual(orderForRepeat(['a', 'b', 'c'], 4), ['b', 'c', 'a']);
});

test('from the run slowCases names on, a case whose fastest median so far was slow is left out', () => {
  const record = (impl, repeat, medians) => ({ runtime: 'node', impl, repeat, results: Object.entries(medians).map(([id, p50]) => ({ case: id, stats: { p50 } })) });
  const processes = [
    record('wasm', 0, { fast: 10, slow: 2e5, edge: 1e5, once: 3e5 }),
    record('wasm', 1, { fast: 12, slow: 1.5e5, edge: 9e4 }),
    record('napi', 0, { fast: 20, slow: 50 }),
  ];
  const slowCases = { callNs: 1e5, repeat: 2 };
  // Run 1 is still one of the first two: nothing left out.
  assert.deepEqual(slowCasesOmitted(processes, 'node', 'wasm', 1, slowCases), []);
  // edge's fastest median (90 µs) is under 100 µs; `once` was slow in the one run it reported.
  assert.deepEqual(slowCasesOmitted(processes, 'node', 'wasm', 2, slowCases).sort(), ['once', 'slow']);
  // Per implementation and runtime: napi's `slow` is fast.
  assert.deepEqual(slowCasesOmitted(processes, 'node', 'napi', 2, slowCases), []);
  assert.deepEqual(slowCasesOmitted(processes, 'deno', 'wasm', 2, slowCases), []);
  assert.deepEqual(slowCasesOmitted(processes, 'node', 'wasm', 5, null), []);
  // The default run leaves out cases of 10 µs or more after 4 runs; --quick has one run and no rule.
  assert.deepEqual(parseOptions([]).slowCases, { callNs: 1e4, repeat: 4 });
  assert.equal(parseOptions(['--quick']).slowCases, null);
});

test('--compare refuses a baseline from another machine, before measuring anything', () => {
  const dir = tmp();
  const baseline = path.join(dir, 'elsewhere.json');
  fs.writeFileSync(baseline, serializeResults(makeDoc({ env: environment({ cpu: 'Some Other CPU' }) })));
  const run = bench('--quick', '--filter', 'noop', '--impl', 'js', '--compare', baseline, '--out', path.join(dir, 'out'));
  assert.equal(run.status, 2);
  assert.match(run.stderr, /REFUSING to compare/);
  assert.match(run.stderr, /CPU model differs: Some Other CPU \(baseline\)/);
  assert.equal(fs.existsSync(path.join(dir, 'out')), false);
});

test('--compare --force compares anyway, with a warning', () => {
  const dir = tmp();
  const baseline = path.join(dir, 'elsewhere.json');
  fs.writeFileSync(baseline, serializeResults(makeDoc({ env: environment({ cpu: 'Some Other CPU' }) })));
  const run = bench('--quick', '--filter', 'noop', '--impl', 'js', '--compare', baseline, '--force', '--json', '--out', path.join(dir, 'out'));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /warning, comparing anyway/);
  const { comparison } = JSON.parse(run.stdout);
  assert.deepEqual(comparison.rows.map((r) => [r.impl, r.case]), [['js', 'call/noop']]);
});

test('bad options are refused with the usage text', () => {
  const run = bench('--impl', 'rust');
  assert.equal(run.status, 1);
  assert.match(run.stderr, /unknown implementation rust/);
  assert.match(bench('--filter', 'no such case').stderr, /no case matches/);
  assert.match(bench('--bogus').stderr, /usage: npm run bench/);
});

test('repro and results are subcommands of the one CLI', () => {
  const repro = bench('repro', '--help');
  assert.equal(repro.status, 0, repro.stderr);
  assert.match(repro.stdout, /usage: npm run repro/);
  const results = bench('results');
  assert.equal(results.status, 1);
  assert.match(results.stderr, /results: expected one results\.json, got 0/);
});
