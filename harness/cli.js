#!/usr/bin/env node
// `npm run bench`: measures every case on every implementation and prints a table of
// median nanoseconds per call. Options: --filter TEXT, --quick.
'use strict';

const { IMPLEMENTATIONS } = require('./lib/implementations.js');
const { runMatrix } = require('./lib/runner.js');
const { formatTable } = require('./lib/table.js');

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const options = {
  filter: option('--filter'),
  minCpuTimeNs: args.includes('--quick') ? 100e6 : 642e6,
};

async function main() {
  const impls = Object.keys(IMPLEMENTATIONS);
  const rows = await runMatrix(impls, options, (row) => process.stderr.write(`  measured ${row.impl} ${row.name}\n`));
  process.stdout.write(`\n${formatTable(rows, impls)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack}\n`);
  process.exit(1);
});
