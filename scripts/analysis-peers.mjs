// Heap analysis on big generated snapshots, bindlab beside memlab and v8-heap-parser in
// one run: each contender in a process of its own under /usr/bin/time, so that its peak
// resident memory is its own; time is measured inside the process around the work.
//
//   cargo run --release -p bindlab-core --example synth_app -- one target/synth-app/app.heapsnapshot
//   cargo run --release -p bindlab-core --example synth_app -- triple target/synth-app/triple
//   node scripts/analysis-peers.mjs [DIR] [--runs N] [--only NAME,NAME] [--tasks analyze,leaks]    # DIR defaults to target/synth-app
//
// The native contender is core's analysis-peak example:
//   cargo build --release -p bindlab-core --example analysis-peak
//
// Tasks: `analyze` (parse + dominators + retained sizes of DIR/app.heapsnapshot; the
// answer shown is the largest retained size other than the root's) and `leaks`
// (three-snapshot leaks on DIR/triple, measured in the final snapshot; the answer is the
// leaked objects' retained total, or memlab's trace count). Prints a table and the
// machine's load (`uptime`) before and after; best of N runs (default 1).
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.join(path.dirname(SELF), '..');

/** Biggest retained size other than the root's, from `topRetained` rows. */
const largest = (rows) => rows[0]?.retainedSize ?? null;

/** Retained total of leak rows. */
const leakedBytes = (rows) => rows.reduce((sum, row) => sum + row.retainedSize, 0);

/** What each contender does for each task, in its own process: `load()` (untimed) gives
 * what the tasks get first; each task resolves with its answer. */
const CONTENDERS = {
  'bindlab native (analysis-peak)': {
    native: true,
    analyze: (file) => ['analyze', file],
    leaks: (b, t, f) => ['leaks', b, t, f, 'final'],
    answer: (stderr) => Number(/largest retained below the root: Some\((\d+)\)|(\d+) bytes retained/.exec(stderr)?.slice(1).find(Boolean)),
  },
  'bindlab napi': {
    load: () => require('@bindlab/napi'),
    analyze: (pkg, file) => analyzeWith(pkg, file),
    leaks: (pkg, b, t, f) => leakedBytes(pkg.findLeaks(b, t, f, { measureIn: 'final' })),
  },
  'bindlab wasm': {
    load: () => require('@bindlab/wasm'),
    analyze: (pkg, file) => analyzeWith(pkg, file),
    leaks: (pkg, b, t, f) => leakedBytes(pkg.findLeaks(b, t, f, { measureIn: 'final' })),
  },
  'memlab 2.0.5': {
    load: () => {
      require('@memlab/core').config.muteConsole = true;
      return { heapAnalysis: require('@memlab/heap-analysis'), peer: require('../bench-js/peers/memlab.js') };
    },
    analyze: async ({ heapAnalysis }, file) => {
      const heap = await heapAnalysis.getFullHeapFromFile(file);
      let best = 0;
      heap.nodes.forEach((node) => {
        if (node.nodeIndex !== 0 && node.retainedSize > best) best = node.retainedSize;
      });
      return best;
    },
    leaks: async ({ peer }, b, t, f) => (await peer.findLeaksAsync(b, t, f)).length,
  },
  '@vscode/v8-heap-parser 0.1.0 (wasm)': {
    load: () => require('../bench-js/peers/v8-heap-parser.js'),
    analyze: (peer, file) => {
      const snapshot = peer.parseSnapshot(file);
      const top = largest(snapshot.topRetained(1));
      snapshot.free();
      return top;
    },
  },
};

/** bindlab's parse + dominators (forced by topRetained) through one package. */
function analyzeWith(pkg, file) {
  const snapshot = pkg.parseSnapshot(file);
  const top = largest(snapshot.topRetained(10));
  snapshot.free();
  return top;
}

/** The child side: runs one contender's task, prints `{ seconds, cpuSeconds, answer }` as JSON
 * (CPU time of all the process's threads: on a loaded machine, closer to the unloaded time). */
async function child([name, task, ...files]) {
  const contender = CONTENDERS[name];
  const loaded = contender.load();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const answer = await contender[task](loaded, ...files);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { user, system } = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: (user + system) / 1e6, answer })}\n`);
}

/** core's analysis-peak example, which the native contender runs. */
const NATIVE = path.join(ROOT, 'target', 'release', 'examples', 'analysis-peak');

/** One run of `name`'s `task` in a child under /usr/bin/time: `{ seconds, cpuSeconds, answer, peakRss }`, or `{ error }`.
 * The native contender's times are /usr/bin/time's (its start-up is a millisecond), the others' their own. */
function runOnce(name, task, files) {
  const contender = CONTENDERS[name];
  if (contender.native && !fs.existsSync(NATIVE)) return { error: 'not built: cargo build --release -p bindlab-core --example analysis-peak' };
  const command = contender.native ? [NATIVE, ...contender[task](...files)] : [process.execPath, SELF, '--child', name, task, ...files];
  const timeFile = path.join(os.tmpdir(), `bindlab-analysis-peers-${process.pid}.time`);
  const run = spawnSync('/usr/bin/time', ['-f', '%M %e %U %S', '-o', timeFile, ...command], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const [peakKb, wall, user, system] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  fs.rmSync(timeFile, { force: true });
  if (run.status !== 0) return { error: (run.stderr || `exit ${run.status}`).trim().split('\n').slice(-3).join(' | ') };
  const measured = contender.native
    ? { seconds: wall, cpuSeconds: user + system, answer: contender.answer(run.stderr) }
    : JSON.parse(run.stdout.trim().split('\n').pop());
  return { ...measured, peakRss: peakKb * 1024 };
}

/** Best of `runs` runs (by time), with the highest peak seen. */
function measure(name, task, files, runs) {
  const results = Array.from({ length: runs }, () => runOnce(name, task, files));
  const ok = results.filter((r) => !r.error);
  if (ok.length === 0) return results[0];
  const best = ok.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...best, peakRss: Math.max(...ok.map((r) => r.peakRss)) };
}

const mb = (bytes) => bytes / 1e6;

/** The table of one task: time, CPU time, MB/s over the files' bytes, peak RSS and its multiple of the largest file. */
function report(task, files, rows) {
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const largestFile = Math.max(...files.map((f) => fs.statSync(f).size));
  console.log(`\n${task}: ${files.map((f) => `${path.relative(ROOT, f)} (${mb(fs.statSync(f).size).toFixed(1)} MB)`).join(', ')}`);
  console.log('| contender | seconds | CPU seconds | MB/s | peak RSS (MB) | RSS / largest file | answer |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, r] of rows) {
    if (r.error) {
      console.log(`| ${name} | failed: ${r.error} | | | | | |`);
      continue;
    }
    console.log(`| ${name} | ${r.seconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${(mb(bytes) / r.seconds).toFixed(1)} | ${mb(r.peakRss).toFixed(0)} | ${(r.peakRss / largestFile).toFixed(2)}x | ${r.answer} |`);
  }
}

async function main(argv) {
  if (argv[0] === '--child') return child(argv.slice(1));
  const option = (flag) => {
    const at = argv.indexOf(flag);
    return at < 0 ? null : argv.splice(at, 2)[1];
  };
  const runs = Number(option('--runs') ?? 1);
  const only = option('--only')?.split(',') ?? null;
  const chosen = option('--tasks')?.split(',') ?? null;
  const dir = path.resolve(argv[0] ?? path.join(ROOT, 'target', 'synth-app'));
  const tasks = {
    analyze: [path.join(dir, 'app.heapsnapshot')],
    leaks: ['baseline', 'target', 'final'].map((n) => path.join(dir, 'triple', `${n}.heapsnapshot`)),
  };
  console.log(`uptime before: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  for (const [task, files] of Object.entries(tasks)) {
    if (chosen && !chosen.includes(task)) continue;
    const missing = files.filter((f) => !fs.existsSync(f));
    if (missing.length > 0) {
      console.log(`\n${task}: skipped, missing ${missing.join(', ')} (see the commands at the top of this script)`);
      continue;
    }
    const names = Object.keys(CONTENDERS).filter((name) => CONTENDERS[name][task] && (!only || only.some((o) => name.includes(o))));
    report(task, files, names.map((name) => [name, measure(name, task, files, runs)]));
  }
  console.log(`\nuptime after: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
