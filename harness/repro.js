#!/usr/bin/env node
// `npm run repro`: the same as `node harness/cli.js repro` (harness/lib/repro/command.js).
require('./lib/repro/command.js').runReproCommand(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => { process.stderr.write(`repro: ${error.message}\n`); process.exitCode = 1; });
