#!/usr/bin/env node
// `npm run bench`: measures every case on every implementation in every runtime asked for
// (each in its own worker), writes results.json, report.md and report.html under
// results/<timestamp>/, and prints the report (or, with --json, the results document).
// Progress goes to stderr. Subcommands:
//   lifetime                       the object-lifetime lab instead of the timing matrix
//   repro [--filter --runtime ...]  the reproductions of the seed posts (npm run repro)
//   results FILE [--out TARGET]    the measured-figures document (RESULTS.md beside FILE, or
//                                  TARGET) generated from a saved results.json
// Options: see lib/options.js or `--help`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { parseOptions, USAGE } = require('./lib/options.js');
const { loadCases, describeCase } = require('./lib/cases.js');
const { resolveRuntimes } = require('./lib/runtimes.js');
const { runMatrix, describeRuntimes } = require('./lib/runner.js');
const { collectEnvironment } = require('./lib/environment.js');
const { buildResults, readResults, serializeResults } = require('./lib/results.js');
const { incomparabilities, compareResults } = require('./lib/compare.js');
const { formatTime } = require('./lib/report/format.js');
const { terminalReport } = require('./lib/report/terminal.js');
const { markdownReport } = require('./lib/report/markdown.js');
const { htmlReport } = require('./lib/report/html.js');
const { writeResultsDocument } = require('./lib/report/results-document.js');
const { runLifetimeCommand, labFailed } = require('./lib/lifetime/command.js');
const { runReproCommand } = require('./lib/repro/command.js');

const ROOT = path.resolve(__dirname, '..');
const say = (line) => process.stderr.write(`${line}\n`);

/** What one worker message says, for the progress line. */
function describeMessage(message) {
  if (message.type === 'empty') return 'empty loop';
  if (message.type === 'result') return `${message.case}: ${formatTime(message.stats.p50)}`;
  if (message.type === 'skip') return `${message.case}: skipped (${message.reason ?? `no ${message.missing.join(', ')}`})`;
  return `${message.case}: ERROR ${message.message}`;
}

/**
 * A progress reporter for runMatrix: one stderr line per finished measurement, with a count out
 * of `total` (less the cases each run leaves out), the elapsed time and (with several runtimes) the runtime.
 */
function progress(total, severalRuntimes) {
  const started = Date.now();
  let done = 0;
  return ({ runtime, impl, repeat, omitted }, message) => {
    if (message.type === 'runtime') {
      total -= omitted;
      return;
    }
    done++;
    const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    const where = `${severalRuntimes ? `${runtime} ` : ''}${impl} run ${repeat + 1}`;
    say(`${elapsed}s [${String(done).padStart(String(total).length)}/${total}] ${where}: ${describeMessage(message)}`);
  };
}

/** Writes results.json, report.md and report.html to `dir`. */
function writeReports(dir, doc) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.json'), serializeResults(doc));
  fs.writeFileSync(path.join(dir, 'report.md'), markdownReport(doc));
  fs.writeFileSync(path.join(dir, 'report.html'), htmlReport(doc));
}

/** Writes the reports of `doc` to --out (or results/<its date>) and prints them, as every measuring command does. */
function publish(options, doc, stamp) {
  const dir = options.out ? path.resolve(options.out) : path.join(ROOT, 'results', stamp.replace(/[:.]/g, '-'));
  writeReports(dir, doc);
  process.stdout.write(options.json ? serializeResults(doc) : `\n${terminalReport(doc)}\n`);
  say(`bench: wrote ${path.relative(process.cwd(), dir) || '.'}/{results.json,report.md,report.html}`);
}

/** Refuses (exit 2) a baseline whose timings come from elsewhere, unless --force; returns whether to go on. */
function checkBaseline(options, baseline, environment) {
  const reasons = incomparabilities(baseline.environment, environment);
  if (reasons.length && !options.force) {
    say(`bench: REFUSING to compare with ${options.compare}: its timings come from elsewhere.`);
    for (const reason of reasons) say(`  ${reason}`);
    say('Run it again on this machine and runtime, or pass --force to compare anyway.');
    process.exitCode = 2;
    return false;
  }
  for (const reason of reasons) say(`bench: warning, comparing anyway (--force): ${reason}`);
  return true;
}

/** The timing matrix: every case × implementation × runtime. */
async function bench(options) {
  const cases = loadCases(options.filter).map(describeCase);
  if (cases.length === 0) throw new Error(`no case matches --filter "${options.filter}"`);
  const runtimes = resolveRuntimes(options.runtime, { say });
  const baseline = options.compare ? readResults(options.compare) : null;
  const environment = collectEnvironment(await describeRuntimes(runtimes));
  if (baseline && !checkBaseline(options, baseline, environment)) return;

  const { quick, repeat, filter, impls, budget, slowCases } = options;
  const recorded = { quick, repeat, filter, impls, runtime: options.runtime, budget, slowCases };
  const total = (cases.length + 1) * impls.length * repeat * runtimes.length;
  const versions = Object.entries(environment.runtimes).map(([name, r]) => `${name} ${r.version}`).join(', ');
  say(`bench: ${cases.length} cases x ${impls.length} implementations x ${repeat} run(s) on ${versions}`);
  const processes = await runMatrix({ ...recorded, runtimes }, progress(total, runtimes.length > 1));
  const doc = buildResults({ options: recorded, environment, cases, processes });
  if (baseline) doc.comparison = compareResults(baseline, doc);
  publish(options, doc, environment.date);
  if (doc.errors.length) process.exitCode = 1;
}

/** `npm run bench -- lifetime`: the lifetime lab, written and printed like a timing run. */
async function lifetime(options) {
  const doc = await runLifetimeCommand(options, say);
  publish(options, doc, doc.createdAt);
  if (labFailed(doc)) process.exitCode = 1;
}

const RESULTS_USAGE = 'usage: node harness/cli.js results RESULTS_JSON [--out TARGET]   (default TARGET: RESULTS.md beside RESULTS_JSON)';

/** `results FILE [--out TARGET]`: writes the measured-figures document of a saved results.json. */
function results(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (error) {
    throw new Error(`results: ${error.message}\n${RESULTS_USAGE}`);
  }
  if (parsed.positionals.length !== 1) throw new Error(`results: expected one results.json, got ${parsed.positionals.length}\n${RESULTS_USAGE}`);
  const written = writeResultsDocument(parsed.positionals[0], parsed.values.out, ROOT);
  say(`bench: wrote ${path.relative(process.cwd(), written)}`);
}

/** `repro [options]`: the reproductions of the seed posts (their own options; harness/lib/repro/command.js). */
async function repro(argv) {
  process.exitCode = await runReproCommand(argv, say);
}

/** Subcommand name → what it runs, given the arguments after it; the others go to the option parser. */
const SUBCOMMANDS = { results, repro };

async function main() {
  const [first, ...rest] = process.argv.slice(2);
  if (SUBCOMMANDS[first]) return SUBCOMMANDS[first](rest);
  const options = parseOptions(process.argv.slice(2));
  if (options.help) return void process.stdout.write(`${USAGE}\n`);
  return options.lifetime ? lifetime(options) : bench(options);
}

main().catch((error) => {
  say(`bench: ${error.message}`);
  process.exitCode = 1;
});
