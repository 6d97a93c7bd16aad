#!/usr/bin/env node
// `npm run bench`: measures every case on every implementation (each in its own process),
// writes results.json, report.md and report.html under results/<timestamp>/, and prints a
// table per group (or, with --json, the results document). Progress goes to stderr.
// Options: see lib/options.js or `--help`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parseOptions, USAGE } = require('./lib/options.js');
const { loadCases, describeCase } = require('./lib/cases.js');
const { resolveRuntime } = require('./lib/runtimes.js');
const { runMatrix, describeRuntimeOf } = require('./lib/runner.js');
const { collectEnvironment } = require('./lib/environment.js');
const { buildResults, readResults, serializeResults } = require('./lib/results.js');
const { incomparabilities, compareResults } = require('./lib/compare.js');
const { formatTime } = require('./lib/report/format.js');
const { terminalReport } = require('./lib/report/terminal.js');
const { markdownReport } = require('./lib/report/markdown.js');
const { htmlReport } = require('./lib/report/html.js');
const { runLifetimeCommand, labFailed } = require('./lib/lifetime/command.js');

const ROOT = path.resolve(__dirname, '..');
const say = (line) => process.stderr.write(`${line}\n`);

/** A progress reporter for runMatrix: one stderr line per finished measurement, with a count and the elapsed time. */
function progress(total) {
  const started = Date.now();
  let done = 0;
  return ({ impl, repeat }, message) => {
    if (message.type === 'runtime') return;
    done++;
    const what = message.type === 'empty' ? 'empty loop'
      : message.type === 'result' ? `${message.case}: ${formatTime(message.stats.p50)}`
        : message.type === 'skip' ? `${message.case}: skipped (no ${message.missing.join(', ')})`
          : `${message.case}: ERROR ${message.message}`;
    const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    say(`${elapsed}s [${String(done).padStart(String(total).length)}/${total}] ${impl} run ${repeat + 1}: ${what}`);
  };
}

/** Writes results.json, report.md and report.html to `dir`. */
function writeReports(dir, doc) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.json'), serializeResults(doc));
  fs.writeFileSync(path.join(dir, 'report.md'), markdownReport(doc));
  fs.writeFileSync(path.join(dir, 'report.html'), htmlReport(doc));
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) return void process.stdout.write(`${USAGE}\n`);
  if (options.lifetime) return lifetime(options);
  const cases = loadCases(options.filter).map(describeCase);
  if (cases.length === 0) throw new Error(`no case matches --filter "${options.filter}"`);
  const runtime = resolveRuntime(options.runtime, { say });
  const baseline = options.compare ? readResults(options.compare) : null;

  const environment = collectEnvironment(await describeRuntimeOf(runtime));
  if (baseline) {
    const reasons = incomparabilities(baseline.environment, environment);
    if (reasons.length && !options.force) {
      say(`bench: REFUSING to compare with ${options.compare}: its timings come from elsewhere.`);
      for (const reason of reasons) say(`  ${reason}`);
      say('Run it again on this machine and runtime, or pass --force to compare anyway.');
      process.exitCode = 2;
      return;
    }
    for (const reason of reasons) say(`bench: warning, comparing anyway (--force): ${reason}`);
  }

  const { quick, repeat, filter, impls, budget } = options;
  const recorded = { quick, repeat, filter, impls, runtime: options.runtime, budget };
  const total = (cases.length + 1) * options.impls.length * options.repeat;
  say(`bench: ${cases.length} cases x ${options.impls.length} implementations x ${options.repeat} run(s) on ${runtime.name} ${environment.runtime.version}`);
  const processes = await runMatrix({ ...recorded, runtime }, progress(total));
  const doc = buildResults({ options: recorded, environment, cases, processes });
  if (baseline) doc.comparison = compareResults(baseline, doc);

  const dir = options.out ? path.resolve(options.out) : path.join(ROOT, 'results', environment.date.replace(/[:.]/g, '-'));
  writeReports(dir, doc);
  process.stdout.write(options.json ? serializeResults(doc) : `\n${terminalReport(doc)}\n`);
  say(`bench: wrote ${path.relative(process.cwd(), dir) || '.'}/{results.json,report.md,report.html}`);
  if (doc.errors.length) process.exitCode = 1;
}

/** `npm run bench -- lifetime`: the lifetime lab, written and printed like a timing run. */
async function lifetime(options) {
  const doc = await runLifetimeCommand(options, resolveRuntime(options.runtime, { say }), say);
  const dir = options.out ? path.resolve(options.out) : path.join(ROOT, 'results', doc.createdAt.replace(/[:.]/g, '-'));
  writeReports(dir, doc);
  process.stdout.write(options.json ? serializeResults(doc) : `\n${terminalReport(doc)}\n`);
  say(`bench: wrote ${path.relative(process.cwd(), dir) || '.'}/{results.json,report.md,report.html}`);
  if (labFailed(doc)) process.exitCode = 1;
}

main().catch((error) => {
  say(`bench: ${error.message}`);
  process.exitCode = 1;
});
