#!/usr/bin/env node
// `npm run repro`: runs every reproduction of the seed posts (bench-js/repro/), prints each
// outcome with its evidence, and writes results/<timestamp>/{results.json,report.md,report.html}.
// Exits non-zero only when an experiment could not run — never because a claim is refuted.
// Options: --filter TEXT (claim ids containing TEXT), --out DIR, --json.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { runRepro } = require('./lib/repro/command.js');
const { resolveRuntime } = require('./lib/runtimes.js');
const { describeRuntimeOf } = require('./lib/runner.js');
const { collectEnvironment } = require('./lib/environment.js');
const { buildResults, serializeResults } = require('./lib/results.js');
const { terminalReport } = require('./lib/report/terminal.js');
const { markdownReport } = require('./lib/report/markdown.js');
const { htmlReport } = require('./lib/report/html.js');

const ROOT = path.resolve(__dirname, '..');
const say = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const { values } = parseArgs({ options: { filter: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const all = require('@bindlab/bench-js/repro/index.js');
  const claims = values.filter ? all.filter((c) => c.id.includes(values.filter)) : all;
  if (claims.length === 0) throw new Error(`no reproduction matches --filter "${values.filter}"`);
  const runtime = resolveRuntime('node');
  const environment = collectEnvironment(await describeRuntimeOf(runtime));
  say(`repro: ${claims.length} claims, each in its own process`);
  const repro = await runRepro({ claims, runtime }, (r) => say(`  ${r.outcome} ${r.id} (${r.ms} ms)${r.error ? `: ${r.error}` : ''}`));
  const options = { quick: false, repeat: 1, filter: values.filter ?? null, impls: ['napi', 'wasm'], runtime: 'node', budget: { minCpuTimeNs: 0 } };
  const doc = { ...buildResults({ options, environment, cases: [], processes: [] }), repro };
  const dir = values.out ? path.resolve(values.out) : path.join(ROOT, 'results', `${environment.date.replace(/[:.]/g, '-')}-repro`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.json'), serializeResults(doc));
  fs.writeFileSync(path.join(dir, 'report.md'), markdownReport(doc));
  fs.writeFileSync(path.join(dir, 'report.html'), htmlReport(doc));
  process.stdout.write(values.json ? serializeResults(doc) : `${terminalReport(doc)}\n`);
  say(`repro: wrote ${path.relative(process.cwd(), dir) || '.'}/{results.json,report.md,report.html}`);
  if (repro.claims.some((c) => c.error)) process.exitCode = 1;
}

main().catch((error) => {
  say(`repro: ${error.message}`);
  process.exitCode = 1;
});
