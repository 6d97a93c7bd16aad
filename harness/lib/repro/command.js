// `npm run repro` (`node harness/cli.js repro`): every claim of the seed posts
// (bench-js/repro/), on each runtime `--runtime` names — a claim with an experiment in its
// own child process (../child-runner.js), a timed claim through the harness's worker
// processes (timing.js) — judged confirmed / refuted / inconclusive / differs from the
// measured evidence; the `repro` section of results.json (see harness/SCHEMA.md), written
// to results/<timestamp>-repro/ with report.md and report.html.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const registry = require('@bindlab/bench-js');
const { runChild, environmentOf } = require('../child-runner.js');
const { resolveRuntimes } = require('../runtimes.js');
const { parseOptions } = require('../options.js');
const { buildResults, serializeResults } = require('../results.js');
const { terminalReport } = require('../report/terminal.js');
const { markdownReport } = require('../report/markdown.js');
const { htmlReport } = require('../report/html.js');
const { outcomeOf, checkClaim, OUTCOMES } = require('./judge.js');
const { timeClaim } = require('./timing.js');

/** The version of the `repro` section's layout. */
const REPRO_VERSION = 1;
const ROOT = path.resolve(__dirname, '../../..');

const USAGE = `usage: npm run repro -- [options]   (or: node harness/cli.js repro [options])
  --filter TEXT     only the claims whose id contains TEXT
  --runtime SPEC    the runtimes to reproduce on, as for npm run bench (default: node; e.g. node@22,bun,deno or all)
  --quick           timed claims in one short process per row: indicative outcomes
  --out DIR         where to write results.json, report.md and report.html (default: results/<timestamp>-repro)
  --json            print the results document on stdout instead of the outcomes
  --help            this text`;

/** The measurement a claim's evidence comes from, in `runtime`: `{ evidence, uncertainty, timing }`, `{ unmeasurable }` or `{ error }`. */
async function measureClaim(claim, runtime, timing) {
  if (claim.timing) return timeClaim(claim, runtime, timing);
  const answer = await runChild(runtime, { kind: 'repro', id: claim.id, binding: claim.binding, params: claim.params });
  return answer.measures ? { evidence: answer.measures } : answer;
}

/** A claim's result record from its measurement. */
function claimResult(claim, runtime, measured, ms, indicative) {
  const judged = measured.unmeasurable ? { outcome: OUTCOMES.unmeasurable, rules: [] }
    : measured.error ? { outcome: OUTCOMES.failed, rules: [] } : outcomeOf(claim, measured.evidence, measured.uncertainty);
  return {
    id: claim.id,
    runtime: runtime.name,
    seed: claim.seed,
    claim: claim.claim,
    binding: claim.binding,
    experiment: claim.experiment ? claim.experiment.measure.name : 'timing',
    params: claim.params ?? null,
    ms,
    outcome: judged.outcome,
    rules: judged.rules,
    evidence: measured.evidence ?? null,
    error: measured.error ?? null,
    ...(measured.timing ? { timing: measured.timing } : {}),
    ...(measured.unmeasurable ? { unmeasurable: measured.unmeasurable } : {}),
    ...(indicative && claim.timing && measured.evidence ? { indicative: true } : {}),
  };
}

/** How timed claims are timed: the bench's default mode (8 processes), or its quick mode (one). */
function timingMode(quick) {
  const { repeat, budget } = parseOptions(quick ? ['--quick'] : []);
  return { repeat, budget };
}

/**
 * Runs each claim on each of `runtimes`, timed claims in the bench's default mode, or its
 * quick mode when `quick` (their outcomes then indicative). `onClaim(result)` sees each as it
 * finishes. Resolves with the `repro` section.
 */
async function runRepro({ claims, runtimes, quick = false }, onClaim = () => {}) {
  const { repeat, budget } = timingMode(quick);
  const results = [];
  for (const runtime of runtimes) {
    for (const claim of claims.map(checkClaim)) {
      const started = Date.now();
      const measured = await measureClaim(claim, runtime, { repeat, budget });
      const result = claimResult(claim, runtime, measured, Date.now() - started, quick);
      results.push(result);
      onClaim(result);
    }
  }
  return { version: REPRO_VERSION, claims: results };
}

/** A claim's outcome line for the progress log. */
function outcomeLine(r) {
  const why = r.error ? `: ${r.error}` : r.unmeasurable ? `: ${r.unmeasurable}` : '';
  const e = r.evidence;
  const ratio = r.timing && e ? ` (ratio ${e.ratio.toFixed(2)}; slower in ${e.slowerShare * r.timing.ratios.length}, faster in ${e.fasterShare * r.timing.ratios.length} of ${r.timing.ratios.length} processes)` : '';
  return `  ${r.outcome}${r.indicative ? ' (indicative)' : ''} ${r.id} on ${r.runtime}${ratio} (${r.ms} ms)${why}`;
}

/**
 * The repro command on `argv` (the arguments after `repro`): runs the selected claims,
 * writes results.json, report.md and report.html, prints the outcomes (or the document with
 * --json). Resolves with the exit code: 1 only when an experiment could not run — never
 * because a claim is refuted; 2 for bad usage.
 */
async function runReproCommand(argv, say = (line) => process.stderr.write(`${line}\n`)) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        filter: { type: 'string' }, runtime: { type: 'string', default: 'node' }, quick: { type: 'boolean', default: false },
        out: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    say(`repro: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const claims = values.filter ? registry.repro.filter((c) => c.id.includes(values.filter)) : registry.repro;
  if (claims.length === 0) throw new Error(`no reproduction matches --filter "${values.filter}"`);
  const runtimes = resolveRuntimes(values.runtime, { say });
  const environment = await environmentOf(runtimes);
  say(`repro: ${claims.length} claims on ${runtimes.map((r) => r.name).join(', ')}, each in its own processes${values.quick ? ' (quick: indicative)' : ''}`);
  const repro = await runRepro({ claims, runtimes, quick: values.quick }, (r) => say(outcomeLine(r)));
  const options = { quick: values.quick, ...timingMode(values.quick), filter: values.filter ?? null, impls: ['napi', 'wasm'], runtime: values.runtime };
  const doc = { ...buildResults({ options, environment, cases: [], processes: [] }), repro };
  const dir = values.out ? path.resolve(values.out) : path.join(ROOT, 'results', `${environment.date.replace(/[:.]/g, '-')}-repro`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.json'), serializeResults(doc));
  fs.writeFileSync(path.join(dir, 'report.md'), markdownReport(doc));
  fs.writeFileSync(path.join(dir, 'report.html'), htmlReport(doc));
  process.stdout.write(values.json ? serializeResults(doc) : `${terminalReport(doc)}\n`);
  say(`repro: wrote ${path.relative(process.cwd(), dir) || '.'}/{results.json,report.md,report.html}`);
  return repro.claims.some((c) => c.error) ? 1 : 0;
}

module.exports = { runRepro, runReproCommand, REPRO_VERSION };
