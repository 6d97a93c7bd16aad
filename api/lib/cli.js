// The `bindlab` command: offline snapshot diffs and summaries on one binding package, and
// the lab's `bench` / `repro` entry points when the harness is installed beside it.
// Usage errors exit 2 with the usage; bad input exits 1 with one line; progress for big
// files goes to stderr only.
'use strict';

const path = require('node:path');
const { parseArgs } = require('node:util');
const { spawnSync } = require('node:child_process');
const { fileChunks } = require('./files.js');

const USAGE = `usage: bindlab diff BEFORE.heapsnapshot AFTER.heapsnapshot [--top N] [--json] [--id-rule sameIdTypeAndName]
       bindlab summary FILE.heapsnapshot [--top N] [--json]
       bindlab leaks BASELINE TARGET FINAL [--top N] [--json] [--measure-in final] [--id-rule sameIdTypeAndName]
       bindlab bench [options]    the binding benchmarks (npm run bench), in a bindlab checkout
       bindlab repro [options]    the blog-post reproductions (npm run repro), likewise

  diff     classes ranked by size growth: objects allocated (+) and freed (-), bytes, and
           the shortest retainer path of one object; --json prints memwatch's HeapDiff JSON;
           --id-rule sameIdTypeAndName  an id whose type or name changed is freed + allocated
  summary  the classes with the largest self size in one snapshot
  leaks    memlab's find-leaks: objects allocated after BASELINE, present in TARGET and still
           alive in FINAL, grouped by class and retainer trace, ranked by retained size;
           --json prints the rows { what, count, retainedSize, trace }
           --measure-in final  sizes and traces from FINAL, as memlab (default: TARGET)
           --id-rule sameIdTypeAndName  an id whose type or name changed is a new object
  --top N  how many rows (default 20; 0 for all)`;

/** Files at least this large get progress lines on stderr. */
const PROGRESS_MIN_BYTES = 16 << 20;
/** How often progress is redrawn, in ms. */
const PROGRESS_EVERY_MS = 200;

/** How many files each snapshot command takes, and those counts in words. */
const FILES_OF = { diff: 2, summary: 1, leaks: 3 };
const FILE_WORDS = { 1: 'one file', 2: 'two files', 3: 'three files' };

/** A mistake in the command line: exit 2 with the usage. */
class UsageError extends Error {}

/** The lab scripts `bindlab bench|repro` run, relative to the harness package. */
const LAB_COMMANDS = { bench: 'cli.js', repro: 'repro.js' };

/** Parses `argv` (without the node and script paths) into `{ command, files, top, json, rest }`. */
function parseCommandLine(argv) {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help' };
  }
  if (command in LAB_COMMANDS) return { command, rest };
  const arity = FILES_OF[command];
  if (arity === undefined) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  const options = { top: { type: 'string' }, json: { type: 'boolean', default: false } };
  if (command === 'leaks') Object.assign(options, { 'measure-in': { type: 'string' } });
  if (command !== 'summary') Object.assign(options, { 'id-rule': { type: 'string' } });
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(oneLine(error));
  }
  const files = parsed.positionals;
  if (files.length !== arity) {
    throw new UsageError(`${command} takes ${FILE_WORDS[arity]}, got ${files.length}`);
  }
  const top = parsed.values.top === undefined ? 20 : Number(parsed.values.top);
  if (!Number.isSafeInteger(top) || top < 0) throw new UsageError(`--top must be a whole number >= 0, got ${parsed.values.top}`);
  const parsedCommand = { command, files, top: top === 0 ? Infinity : top, json: parsed.values.json };
  if (command === 'summary') return parsedCommand;
  const leakOptions = { measureIn: parsed.values['measure-in'], idRule: parsed.values['id-rule'] };
  for (const [flag, value, choices] of [
    ['--measure-in', leakOptions.measureIn, ['target', 'final']],
    ['--id-rule', leakOptions.idRule, ['sameId', 'sameIdTypeAndName']],
  ]) {
    if (value !== undefined && !choices.includes(value)) throw new UsageError(`${flag} must be ${choices.join(' or ')}, got ${value}`);
  }
  if (command === 'leaks') return { ...parsedCommand, leakOptions };
  return leakOptions.idRule === undefined ? parsedCommand : { ...parsedCommand, idRule: leakOptions.idRule };
}

/** Megabytes (10^6 bytes), one decimal. */
const mb = (bytes) => (bytes / 1e6).toFixed(1);

/** Reports bytes read of one file on `err` (a writable with `isTTY`): redrawn in place
 * on a terminal, a line every few seconds elsewhere, and a closing line. */
function progressMeter(err, label, total, clock = () => performance.now()) {
  const started = clock();
  let shown = started;
  let read = 0;
  const line = () => {
    const seconds = (clock() - started) / 1000;
    const rate = seconds > 0 ? ` ${mb(read / seconds)} MB/s` : '';
    return `${label}: ${mb(read)} of ${mb(total)} MB${rate}`;
  };
  const every = err.isTTY ? PROGRESS_EVERY_MS : 10 * PROGRESS_EVERY_MS;
  return {
    /** Counts `n` more bytes read. */
    add(n) {
      read += n;
      const now = clock();
      if (now - shown < every) return;
      shown = now;
      err.write(err.isTTY ? `\r${line()}\x1b[K` : `${line()}\n`);
    },
    /** Bytes counted so far. */
    read: () => read,
    /** Writes the closing line. */
    done() {
      err.write(err.isTTY ? `\r${line()}\x1b[K\n` : `${line()}\n`);
    },
  };
}

/** One input file as chunks (files.js), with progress on `err` when it is big. */
function input(file, err) {
  let meter = null;
  return fileChunks(file, (bytes, total) => {
    if (meter === null && total >= PROGRESS_MIN_BYTES) meter = progressMeter(err, file, total);
    meter?.add(bytes);
    if (meter && meter.read() === total) meter.done();
  });
}

/** Rows of cells as aligned text; `right` lists the right-aligned column indexes. */
function table(header, rows, right) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const cell = (text, i) => (right.includes(i) ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  return all.map((row) => row.map(cell).join('  ').trimEnd()).join('\n');
}

/** A retainer path as one line, from the root to the class's object. */
function retainerLine(retainers, what) {
  if (retainers.length === 0) return '';
  return [...retainers.map(({ node, edge }) => `${node} -${edge}->`), what].join(' ');
}

/** Signed byte count with memwatch's units. */
const signedSize = (bytes, size) => (bytes > 0 ? `+${size}` : bytes < 0 ? size.replace(/^-?/, '-') : size);

/** The ranked diff table: classes by size growth, largest first. */
function diffTable(diff, top) {
  const rows = [...diff.change.details]
    .sort((a, b) => b.size_bytes - a.size_bytes || a.what.localeCompare(b.what))
    .slice(0, top)
    .map((d) => [d.what, `+${d['+']}`, `-${d['-']}`, signedSize(d.size_bytes, d.size), retainerLine(d.retainers, d.what)]);
  const { before, after, change } = diff;
  const heading = `before ${before.nodes} nodes, ${before.size}; after ${after.nodes} nodes, ${after.size}; `
    + `change ${signedSize(change.size_bytes, change.size)} (${change.allocated_nodes} allocated, ${change.freed_nodes} freed)`;
  return `${heading}\n\n${table(['class', '+', '-', 'bytes', 'retained by (one object)'], rows, [1, 2, 3])}\n`;
}

/** The `top` classes of `snapshot` with the largest self size (all for Infinity). */
const classesOf = (snapshot, top) => snapshot.topClasses(Number.isFinite(top) ? top : 2 ** 32 - 1);

/** The summary table: the classes with the largest self size. */
function summaryTable(snapshot, top) {
  const classes = classesOf(snapshot, top);
  const heading = `${snapshot.nodeCount} nodes, ${snapshot.edgeCount} edges, ${snapshot.totalSize} bytes of objects`;
  const rows = classes.map((c) => [c.name, String(c.count), String(c.selfSize)]);
  return `${heading}\n\n${table(['class', 'count', 'self size (bytes)'], rows, [1, 2])}\n`;
}

/** A leak trace as one line, from the objects' holder towards the root:
 * `(array)[0] → Map.table → Global.cache → (GC roots)[0]`. */
function traceLine(trace) {
  return trace.map(({ edge, node }) => (edge === '…' ? `… ${node}` : edge.startsWith('[') ? `${node}${edge}` : `${node}.${edge}`)).join(' → ');
}

/** The ranked leak table: `5000 × Widget  380000  retained by (array)[0] → Map.table → …`. */
function leaksTable(rows, top) {
  const shown = rows.slice(0, top);
  const total = rows.reduce((sum, row) => sum + row.retainedSize, 0);
  const heading = `${rows.length} leak ${rows.length === 1 ? 'group' : 'groups'}, ${total} bytes retained`;
  const cells = shown.map((row) => [`${row.count} × ${row.what}`, String(row.retainedSize), traceLine(row.trace)]);
  return `${heading}\n\n${table(['objects', 'retained (bytes)', 'retained by'], cells, [1])}\n`;
}

/** Runs `bench` or `repro` from the harness installed beside the package. */
function runLab(command, rest, io) {
  let script;
  try {
    script = path.join(path.dirname(require.resolve('@bindlab/harness/package.json')), LAB_COMMANDS[command]);
  } catch {
    io.err.write(`bindlab ${command}: needs a bindlab checkout (the harness is not installed with the packages); `
      + 'clone bindlab and run `npm run bench` there\n');
    return 1;
  }
  const flags = command === 'bench' ? ['--expose-gc'] : [];
  const run = spawnSync(process.execPath, [...flags, script, ...rest], { stdio: 'inherit' });
  return run.status ?? 1;
}

/**
 * Runs the `bindlab` command line `argv` on `pkg` (a binding package's exports); `io`
 * holds `out` and `err` writables. Resolves to the exit code.
 */
async function main(pkg, argv, io = { out: process.stdout, err: process.stderr }) {
  let options;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err.write(`bindlab: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.command === 'help') {
    io.out.write(`${USAGE}\n`);
    return 0;
  }
  if (options.command in LAB_COMMANDS) return runLab(options.command, options.rest, io);
  try {
    io.out.write(await report(pkg, options, io.err));
    return 0;
  } catch (error) {
    io.err.write(`bindlab ${options.command}: ${oneLine(error)}\n`);
    return 1;
  }
}

/** The text `diff`, `summary` or `leaks` prints. */
async function report(pkg, { command, files, top, json, idRule, leakOptions }, err) {
  if (command === 'leaks') return leaksReport(pkg, files, top, json, leakOptions, err);
  const [first, second] = files;
  const snapshot = await parseFile(pkg, first, err);
  if (command === 'diff') {
    let summary;
    try {
      summary = snapshot.summarize(undefined, idRule === 'sameIdTypeAndName');
    } finally {
      snapshot.free();
    }
    try {
      const after = await parseFile(pkg, second, err);
      try {
        const diff = summary.diff(after);
        return json ? `${JSON.stringify(diff, null, 2)}\n` : diffTable(diff, top);
      } finally {
        after.free();
      }
    } finally {
      summary.free();
    }
  }
  try {
    if (!json) return summaryTable(snapshot, top);
    const { nodeCount, edgeCount, totalSize } = snapshot;
    const classes = classesOf(snapshot, top);
    return `${JSON.stringify({ nodeCount, edgeCount, totalSize, classes }, null, 2)}\n`;
  } finally {
    snapshot.free();
  }
}

/** The text `leaks` prints: the files streamed through `findLeaksAsync`; an error names
 * the file (the parser's words, with the byte offset) or the option. */
async function leaksReport(pkg, files, top, json, leakOptions, err) {
  let rows;
  try {
    rows = await pkg.findLeaksAsync(...files.map((file) => input(file, err)), leakOptions);
  } catch (error) {
    const side = ['baseline', 'target', 'final'].findIndex((which) => error.message?.includes(`: ${which} (`));
    throw side < 0 ? error : new Error(`${files[side]}: ${(error.cause ?? error).message}`);
  }
  if (json) return `${JSON.stringify(rows.slice(0, top), null, 2)}\n`;
  return leaksTable(rows, top);
}

/** Parses one file, streamed; an error names the file and keeps the parser's own words
 * (with the byte offset), not the API call's. */
async function parseFile(pkg, file, err) {
  try {
    return await pkg.parseSnapshotAsync(input(file, err));
  } catch (error) {
    throw new Error(`${file}: ${(error.cause ?? error).message}`);
  }
}

/** An error's message on one line (the user sees no stack trace). */
function oneLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}

module.exports = { main, parseCommandLine, progressMeter, diffTable, summaryTable, leaksTable, USAGE };
