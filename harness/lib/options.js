// The command line of `npm run bench` (harness/cli.js): parsing, checking and the time
// budget of each mode.
'use strict';

const { parseArgs } = require('node:util');
const { IMPLEMENTATIONS } = require('./implementations.js');
const { VARIANTS } = require('./variants.js');
const { RUNTIME_NAMES, ALL, runtimeSpecs } = require('./runtimes.js');
const { cacheDir } = require('./runtime-cache.js');

/**
 * Cases whose call takes `callNs` or more run in the first `repeat` runs only (runner.js's
 * slowCasesOmitted): their speed does not hang on the JIT's choices in one process.
 */
const SLOW_CASES = { callNs: 1e4, repeat: 4 };

/**
 * The tuning constants of a run, all here. Each mode's runs of the matrix (`repeat`, one
 * process per runtime and implementation per run) and mitata's stopping rule per case and run:
 * at least `minCpuTimeNs` of timed calls and `minSamples` samples. A process fixes its JIT's
 * choices for a case once, and those, with bursts of load, make a nanosecond call's median
 * differ between processes by up to 2x; the default therefore runs eight short processes and
 * reports the fastest (see combineRepeats in stats.js). `minSamples` only matters for calls
 * slower than the budget allows 12 of (mitata's own least): the api group's snapshot analyses
 * take 50-300 ms a call, and 12 samples of each, on every binding and runtime, were most of a
 * run; the median of 5 (3 in a quick run) is still one of the fastest-of-several per process.
 */
const MODES = {
  quick: { repeat: 1, budget: { minCpuTimeNs: 40e6, minSamples: 3 }, slowCases: null },
  default: { repeat: 8, budget: { minCpuTimeNs: 80e6, minSamples: 5 }, slowCases: SLOW_CASES },
};

/**
 * The implementations a run measures unless `--impl` names others: all but the variants
 * (issue 13's, each a build of its own) and the peers (other tools, seconds a call), which
 * run when named or with `--impl all`.
 */
const DEFAULT_IMPLS = Object.keys(IMPLEMENTATIONS).filter((name) => !(name in VARIANTS) && IMPLEMENTATIONS[name].role !== 'peer');

const USAGE = `usage: npm run bench -- [lifetime | results FILE | repro] [options]
  lifetime           run the object-lifetime lab (bench-js/lifetime/) instead of the timing matrix;
                     --quick gives its tiny parameters, --filter matches experiment ids
  results FILE [--out F]  write the measured-figures document (RESULTS.md beside FILE) from a saved results.json
  repro [options]    the reproductions of the seed posts (npm run repro; node harness/cli.js repro --help)
  --quick            one run, 40 ms of timed calls per case (and 3 samples at least)
  --repeat K         run the whole matrix K times, implementation order rotated each time, and report
                     the fastest run of each case (default: 8, or 1 with --quick); each run gives a
                     case 80 ms of timed calls and 5 samples at least (40 ms and 3 with --quick);
                     a case whose call takes ${SLOW_CASES.callNs / 1e3} µs or more runs in the first ${SLOW_CASES.repeat} runs only
  --filter TEXT      only the cases whose "group/name" contains TEXT
  --impl A,B         these implementations, or all (default: ${DEFAULT_IMPLS.join(', ')});
                     known: ${Object.keys(IMPLEMENTATIONS).join(', ')}
  --runtime LIST     the runtimes to measure in, comma-separated, each NAME or NAME:PATH
                     (default: node, this one); all = ${ALL.join(',')}
                     NAME is one of ${RUNTIME_NAMES.join(', ')};
                     the Node majors, Bun and Deno are installed from npm on first use,
                     into ${cacheDir()}; chromium is the system's (chromium on PATH
                     or /usr/bin/chromium): there napi rows and cases needing Node's modules are skipped
  --json             print the results document on stdout instead of the tables
  --compare FILE     compare with a saved results.json (refused across machines or runtimes)
  --force            compare even so
  --out DIR          where to write results.json, report.md and report.html
                     (default: results/<timestamp>)
  --help             this text`;

/** Parses the CLI arguments into options; throws an Error carrying the usage text when they are wrong. */
function parseOptions(argv) {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        quick: { type: 'boolean', default: false },
        repeat: { type: 'string' },
        filter: { type: 'string' },
        impl: { type: 'string' },
        runtime: { type: 'string', default: 'node' },
        json: { type: 'boolean', default: false },
        compare: { type: 'string' },
        force: { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new Error(`${error.message}\n${USAGE}`);
  }
  const unknownCommand = positionals.find((p) => p !== 'lifetime');
  if (unknownCommand !== undefined) throw new Error(`unknown command "${unknownCommand}" (known: lifetime)\n${USAGE}`);
  const mode = values.quick ? MODES.quick : MODES.default;
  const repeat = values.repeat === undefined ? mode.repeat : Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat needs a whole number ≥ 1, not "${values.repeat}"\n${USAGE}`);
  const named = values.impl?.split(',').map((s) => s.trim());
  const impls = !named ? DEFAULT_IMPLS : named.includes('all') ? Object.keys(IMPLEMENTATIONS) : named;
  const unknown = impls.filter((name) => !IMPLEMENTATIONS[name]);
  if (unknown.length) throw new Error(`unknown implementation ${unknown.join(', ')} (known: ${Object.keys(IMPLEMENTATIONS).join(', ')})`);
  try {
    runtimeSpecs(values.runtime);
  } catch (error) {
    throw new Error(`${error.message}\n${USAGE}`);
  }
  return {
    help: values.help,
    lifetime: positionals.includes('lifetime'),
    quick: values.quick,
    repeat,
    filter: values.filter ?? null,
    impls: Object.keys(IMPLEMENTATIONS).filter((name) => impls.includes(name)),
    runtime: values.runtime,
    json: values.json,
    compare: values.compare ?? null,
    force: values.force,
    out: values.out ?? null,
    budget: mode.budget,
    slowCases: mode.slowCases,
  };
}

module.exports = { parseOptions, USAGE };
