#!/usr/bin/env node
// `npm run soak`: the leak soak. Each package runs, in its own `node --expose-gc` child,
// fixed-count loops over the committed fixtures (core/tests/fixtures/*.heapsnapshot.gz):
// parse and free (bytes, and a stream), an offline diff, and HeapDiff both ways. After
// a warm-up, memory is read at evenly spaced checkpoints (after full GCs). The table gives
// the growth per iteration of RSS, the JS heap and external memory: the least-squares
// slope over the second half of the checkpoints. A leak grows all along, so it shows there;
// the allocator's one-off steps (RSS rising to a plateau as it keeps freed pages) mostly
// fall in the first half. "rss in total" is the whole run's growth, steps included.
// Options: --quick (a tenth of the iterations), --filter TEXT (the loops whose name contains
// TEXT), --json (the measurements, with every checkpoint's reading, on stdout).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawn } = require('node:child_process');
const { Readable } = require('node:stream');
const { parseArgs } = require('node:util');

const FIXTURES = path.join(__dirname, '..', 'core', 'tests', 'fixtures');
const PACKAGES = ['napi', 'wasm'];
/** Memory readings, checkpoints after the warm-up, and the share of iterations that warm up. */
const METRICS = ['rss', 'heapUsed', 'external'];
const CHECKPOINTS = 16;
const WARM_UP = 0.1;

/** The loops: a name, iterations, and one iteration over the fixtures. */
const LOOPS = [
  { name: 'parseSnapshot(bytes), free()', iterations: 1200, run: (pkg, f) => pkg.parseSnapshot(f.after).free() },
  { name: 'parseSnapshotAsync(Readable stream), free()', iterations: 300, run: async (pkg, f) => (await pkg.parseSnapshotAsync(Readable.from(f.pieces(f.after)))).free() },
  { name: 'diffSnapshots(bytes, bytes)', iterations: 200, run: (pkg, f) => pkg.diffSnapshots(f.before, f.after) },
  { name: 'new HeapDiff(), end()', iterations: 30, run: (pkg) => new pkg.HeapDiff().end() },
  { name: 'HeapDiff.startAsync(), endAsync()', iterations: 30, run: async (pkg) => (await pkg.HeapDiff.startAsync()).endAsync() },
];

/** The least-squares slope of `ys` over `xs`. */
function slope(xs, ys) {
  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
  const [mx, my] = [mean(xs), mean(ys)];
  const covariance = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0);
  return covariance / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
}

/** Full GCs after a turn of the event loop (finalizers and Node-API releases run there). */
async function settle() {
  await new Promise(setImmediate);
  globalThis.gc();
  globalThis.gc();
}

/** One loop in this process: warm-up, then `CHECKPOINTS` + 1 readings; each metric's
 * growth per iteration (slope over the second half) and in total (last minus first). */
async function soakLoop(pkg, fixtures, loop, iterations) {
  const warmUp = Math.max(1, Math.round(iterations * WARM_UP));
  const between = Math.max(1, Math.ceil((iterations - warmUp) / CHECKPOINTS));
  for (let i = 0; i < warmUp; i++) await loop.run(pkg, fixtures);
  const xs = [];
  const readings = [];
  for (let done = 0; xs.length <= CHECKPOINTS; done += between) {
    if (done > 0) for (let i = 0; i < between; i++) await loop.run(pkg, fixtures);
    await settle();
    xs.push(done);
    readings.push(process.memoryUsage());
  }
  const half = Math.floor(CHECKPOINTS / 2);
  const growth = Object.fromEntries(METRICS.map((m) => [m, {
    perIteration: slope(xs.slice(half), readings.slice(half).map((r) => r[m])),
    total: readings.at(-1)[m] - readings[0][m],
  }]));
  return { loop: loop.name, iterations: warmUp + xs.at(-1), warmUp, growth, checkpoints: xs.map((x, i) => ({ after: warmUp + x, ...readings[i] })) };
}

/** The child: the loops whose name contains `filter`, on one package; prints one JSON line. */
async function child(name, scale, filter) {
  if (typeof globalThis.gc !== 'function') throw new Error('soak: the child needs --expose-gc');
  const pkg = require(`@bindlab/${name}`);
  const gz = (which) => path.join(FIXTURES, `${which}.heapsnapshot.gz`);
  const fixtures = {
    before: zlib.gunzipSync(fs.readFileSync(gz('before'))),
    after: zlib.gunzipSync(fs.readFileSync(gz('after'))),
    /** `bytes` in 64 KiB pieces, as a file stream gives them (a gunzip stream would add
     * zlib's allocations on the thread pool, whose freed pages glibc keeps per thread). */
    *pieces(bytes) {
      for (let at = 0; at < bytes.length; at += 1 << 16) yield bytes.subarray(at, at + (1 << 16));
    },
  };
  const results = [];
  for (const loop of LOOPS.filter((l) => l.name.includes(filter))) {
    const started = performance.now();
    results.push(await soakLoop(pkg, fixtures, loop, Math.max(CHECKPOINTS + 2, Math.round(loop.iterations * scale))));
    process.stderr.write(`  ${name}: ${loop.name}: ${results.at(-1).iterations} iterations in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  process.stdout.write(`${JSON.stringify({ package: name, node: process.version, loops: results })}\n`);
}

/** Runs the child for one package; resolves with its parsed result. */
function runChild(name, scale, filter) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', __filename, '--child', name, '--scale', String(scale), '--filter', filter], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk) => { out += chunk; });
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`soak: the ${name} child ${signal ? `was killed by ${signal}` : `exited with ${code}`}`));
    });
  });
}

/** Bytes with a sign, in B, KiB or MiB. */
function formatBytes(bytes) {
  const sign = bytes < 0 ? '-' : '+';
  const size = Math.abs(bytes);
  if (size >= 1 << 20) return `${sign}${(size / (1 << 20)).toFixed(1)} MiB`;
  if (size >= 1 << 10) return `${sign}${(size / (1 << 10)).toFixed(1)} KiB`;
  return `${sign}${Math.round(size)} B`;
}

/** The results as a Markdown table. */
function table(results) {
  const header = ['package', 'loop', 'iterations', ...METRICS.map((m) => `${m} / iteration`), 'rss in total'];
  const rows = results.flatMap((r) => r.loops.map((l) => [
    r.package, l.loop, String(l.iterations), ...METRICS.map((m) => formatBytes(l.growth[m].perIteration)), formatBytes(l.growth.rss.total),
  ]));
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      scale: { type: 'string', default: '1' },
      quick: { type: 'boolean', default: false },
      filter: { type: 'string', default: '' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.child) return child(values.child, Number(values.scale), values.filter);
  if (!LOOPS.some((l) => l.name.includes(values.filter))) throw new Error(`soak: no loop matches --filter "${values.filter}"`);
  const scale = values.quick ? 0.1 : 1;
  process.stderr.write(`soak: ${LOOPS.length} loops on ${PACKAGES.join(' and ')}, each package in its own process (growth measured after a ${WARM_UP * 100} % warm-up, at ${CHECKPOINTS} checkpoints)\n`);
  const results = [];
  for (const name of PACKAGES) results.push(await runChild(name, scale, values.filter));
  process.stdout.write(values.json ? `${JSON.stringify(results, null, 2)}\n` : `${table(results)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
