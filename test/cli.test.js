// The `bindlab` command on both packages: the ranked diff and the summary of the committed
// fixtures, memwatch's JSON with --json, the leaks of the committed analysis triple, exit 2
// with the usage for bad usage, exit 1 with one line for bad input, and progress on
// stderr only.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawnSync } = require('node:child_process');
const { BINDINGS } = require('./bindings.js');
const { main, parseCommandLine, progressMeter, diffTable, leaksTable } = require('@bindlab/api/lib/cli.js');

const FIXTURES = path.join(__dirname, '..', 'core', 'tests', 'fixtures');
const PINNED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'fixture-diff.json'), 'utf8'));
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-cli-'));
const BEFORE = path.join(DIR, 'before.heapsnapshot');
const AFTER = path.join(DIR, 'after.heapsnapshot');
fs.writeFileSync(BEFORE, zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, 'before.heapsnapshot.gz'))));
fs.writeFileSync(AFTER, zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, 'after.heapsnapshot.gz'))));
const TRIPLE = ['baseline', 'target', 'final'].map((name) => {
  const file = path.join(DIR, `${name}.heapsnapshot`);
  const gz = path.join(__dirname, 'fixtures', 'analysis', `${name}.heapsnapshot.gz`);
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(gz)));
  return file;
});
test.after(() => fs.rmSync(DIR, { recursive: true, force: true }));

/** A writable that keeps what is written. */
function sink(isTTY = false) {
  const chunks = [];
  return { isTTY, write: (text) => chunks.push(text), text: () => chunks.join('') };
}

/** Runs the command in-process on `pkg`: `{ code, out, err }`. */
async function run(pkg, ...argv) {
  const io = { out: sink(), err: sink() };
  const code = await main(pkg, argv, io);
  return { code, out: io.out.text(), err: io.err.text() };
}

for (const [name, pkg] of Object.entries(BINDINGS)) {
  test(`${name}: bindlab diff prints the classes ranked by size growth, with a retainer path`, async () => {
    const { code, out, err } = await run(pkg, 'diff', BEFORE, AFTER, '--top', '3');
    assert.equal(code, 0, err);
    assert.equal(err, '', 'small files get no progress lines');
    const ranked = [...PINNED.change.details].sort((a, b) => b.size_bytes - a.size_bytes).slice(0, 3);
    const lines = out.trimEnd().split('\n');
    assert.match(lines[0], new RegExp(`^before ${PINNED.before.nodes} nodes, .*${PINNED.change.allocated_nodes} allocated, ${PINNED.change.freed_nodes} freed`));
    assert.match(lines[2], /^class\s+\+\s+-\s+bytes\s+retained by/);
    assert.equal(lines.length, 3 + ranked.length);
    ranked.forEach((row, i) => {
      const cells = lines[3 + i].split(/\s{2,}/);
      assert.deepEqual(cells.slice(0, 4), [row.what, `+${row['+']}`, `-${row['-']}`, `+${row.size}`]);
      assert.ok(cells[4].startsWith(row.retainers[0].node), cells[4]);
      assert.ok(cells[4].endsWith(`-${row.retainers.at(-1).edge}-> ${row.what}`), cells[4]);
    });
  });

  test(`${name}: bindlab diff --json prints memwatch's HeapDiff, the pinned one`, async () => {
    const { code, out } = await run(pkg, 'diff', '--json', BEFORE, AFTER);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), PINNED);
  });

  test(`${name}: bindlab summary lists the largest classes of one snapshot`, async () => {
    const { code, out } = await run(pkg, 'summary', BEFORE, '--top', '4', '--json');
    assert.equal(code, 0);
    const expected = pkg.parseSnapshot(BEFORE);
    try {
      assert.deepEqual(JSON.parse(out), {
        nodeCount: expected.nodeCount, edgeCount: expected.edgeCount, totalSize: expected.totalSize,
        classes: expected.topClasses(4),
      });
    } finally {
      expected.free();
    }
    const table = await run(pkg, 'summary', BEFORE, '--top', '4');
    assert.equal(table.out.trimEnd().split('\n').length, 3 + 4);
  });

  test(`${name}: bad input exits 1 with one line naming the file and the byte offset`, async () => {
    const cut = path.join(DIR, `${name}-cut.heapsnapshot`);
    fs.writeFileSync(cut, fs.readFileSync(AFTER).subarray(0, 5000));
    for (const [argv, pattern] of [
      [['diff', BEFORE, cut], new RegExp(`^bindlab diff: ${cut}: .*byte 5000`)],
      [['summary', path.join(DIR, 'missing')], /^bindlab summary: .*missing: ENOENT/],
      [['summary', DIR], /^bindlab summary: .*: not a regular file/],
    ]) {
      const { code, out, err } = await run(pkg, ...argv);
      assert.equal(code, 1, argv.join(' '));
      assert.equal(out, '');
      assert.match(err, pattern);
      assert.equal(err.trimEnd().split('\n').length, 1, err);
    }
  });
}

for (const [name, pkg] of Object.entries(BINDINGS)) {
  test(`${name}: bindlab leaks ranks the leak groups of three snapshots, with a trace each`, async () => {
    const expected = pkg.findLeaks(...TRIPLE);
    const { code, out, err } = await run(pkg, 'leaks', ...TRIPLE, '--top', '2');
    assert.equal(code, 0, err);
    const lines = out.trimEnd().split('\n');
    const total = expected.reduce((sum, row) => sum + row.retainedSize, 0);
    assert.equal(lines[0], `${expected.length} leak groups, ${total} bytes retained`);
    assert.match(lines[2], /^objects\s+retained \(bytes\)\s+retained by$/);
    assert.equal(lines.length, 5);
    expected.slice(0, 2).forEach((row, i) => {
      const cells = lines[3 + i].split(/\s{2,}/);
      assert.deepEqual(cells.slice(0, 2), [`${row.count} × ${row.what}`, String(row.retainedSize)]);
    });
  });

  test(`${name}: bindlab leaks --json prints the rows, and the options reach findLeaks`, async () => {
    const json = await run(pkg, 'leaks', '--json', '--top', '0', ...TRIPLE, '--measure-in', 'final', '--id-rule', 'sameIdTypeAndName');
    assert.equal(json.code, 0, json.err);
    const options = { measureIn: 'final', idRule: 'sameIdTypeAndName' };
    assert.equal(json.out, `${JSON.stringify(pkg.findLeaks(...TRIPLE, options), null, 2)}\n`);
  });

  test(`${name}: bindlab leaks names the file that fails to parse`, async () => {
    const { code, err } = await run(pkg, 'leaks', TRIPLE[0], TRIPLE[1], BEFORE + '.missing');
    assert.equal(code, 1);
    assert.match(err, new RegExp(`^bindlab leaks: ${BEFORE}\\.missing: ENOENT`));
  });
}

test('leaks usage: three files, known option values, exit 2', async () => {
  for (const argv of [['leaks', 'a', 'b'], ['leaks', 'a', 'b', 'c', '--measure-in', 'middle'], ['leaks', 'a', 'b', 'c', '--id-rule', 'x']]) {
    const { code, err } = await run(BINDINGS.napi, ...argv);
    assert.equal(code, 2, argv.join(' '));
    assert.match(err, /^bindlab: (leaks takes three files, got 2|--measure-in must be target or final|--id-rule must be)/);
  }
});

test('the leak table writes each trace from the holder towards the root', () => {
  const rows = [{ what: 'Widget', count: 5000, retainedSize: 380000, trace: [{ edge: '[0]', node: '(array)' }, { edge: 'table', node: 'Map' }, { edge: '…', node: 'global' }] }];
  const lines = leaksTable(rows, 20).trimEnd().split('\n');
  assert.equal(lines[0], '1 leak group, 380000 bytes retained');
  assert.match(lines[3], /^5000 × Widget\s+380000\s+\(array\)\[0\] → Map\.table → … global$/);
});

test('bad usage exits 2 with the usage, on stderr', async () => {
  for (const argv of [['frobnicate'], ['diff', BEFORE], ['summary'], ['diff', 'a', 'b', '--top', '-1'],
    ['summary', 'a', '--top', 'x'], ['diff', 'a', 'b', '--colour']]) {
    const { code, out, err } = await run(BINDINGS.napi, ...argv);
    assert.equal(code, 2, argv.join(' '));
    assert.equal(out, '');
    assert.match(err, /^bindlab: .*\nusage: bindlab diff/);
  }
  const help = await run(BINDINGS.napi, '--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /^usage: bindlab diff/);
});

test('the command line parses into the command, files and options', () => {
  assert.deepEqual(parseCommandLine(['diff', 'a', 'b']), { command: 'diff', files: ['a', 'b'], top: 20, json: false });
  assert.deepEqual(parseCommandLine(['diff', '--id-rule', 'sameIdTypeAndName', 'a', 'b']), {
    command: 'diff', files: ['a', 'b'], top: 20, json: false, idRule: 'sameIdTypeAndName',
  });
  assert.throws(() => parseCommandLine(['diff', '--id-rule', 'byName', 'a', 'b']), /--id-rule must be sameId or sameIdTypeAndName, got byName/);
  assert.throws(() => parseCommandLine(['diff', '--measure-in', 'final', 'a', 'b']), /measure-in/);
  assert.deepEqual(parseCommandLine(['summary', '--top', '0', 'a']), { command: 'summary', files: ['a'], top: Infinity, json: false });
  assert.deepEqual(parseCommandLine(['bench', '--quick']), { command: 'bench', rest: ['--quick'] });
  assert.deepEqual(parseCommandLine([]), { command: 'help' });
});

test('progress: redrawn in place on a terminal at most every 200 ms, a line every 2 s elsewhere', () => {
  /** What a meter on `err` writes for 10 chunks of 10 MB, read `stepMs` apart on a fake clock. */
  const drive = (err, label, stepMs) => {
    let now = 0;
    const meter = progressMeter(err, label, 100e6, () => now);
    for (let i = 0; i < 10; i++) {
      now += stepMs;
      meter.add(10e6);
    }
    meter.done();
    return err.text();
  };
  const frames = drive(sink(true), 'big.heapsnapshot', 100).split('\r').filter(Boolean);
  assert.equal(frames.length, 5 + 1, 'every other chunk redraws, plus the closing line');
  assert.equal(frames.at(-1), 'big.heapsnapshot: 100.0 of 100.0 MB 100.0 MB/s\x1b[K\n');
  assert.deepEqual(drive(sink(false), 'big', 500).split('\n').filter(Boolean), [
    'big: 40.0 of 100.0 MB 20.0 MB/s', 'big: 80.0 of 100.0 MB 20.0 MB/s', 'big: 100.0 of 100.0 MB 20.0 MB/s',
  ]);
});

test('the diff table ranks by bytes, ties by name, and --top cuts it', () => {
  const row = (what, bytes) => ({ what, size_bytes: bytes, size: `${bytes} bytes`, '+': 1, '-': 0, retainers: [] });
  const diff = {
    before: { nodes: 1, size: '1 bytes' }, after: { nodes: 2, size: '2 bytes' },
    change: { size_bytes: 1, size: '1 bytes', allocated_nodes: 1, freed_nodes: 0, details: [row('B', 5), row('A', 5), row('C', -7), row('D', 9)] },
  };
  const names = diffTable(diff, 3).trimEnd().split('\n').slice(3).map((line) => line.split(/\s+/)[0]);
  assert.deepEqual(names, ['D', 'A', 'B']);
  assert.match(diffTable(diff, Infinity), /\nC\s+\+1\s+-0\s+-7 bytes/);
});

test('the installed bin runs the command: npx-style, exit code and output', () => {
  for (const pkg of ['napi-binding', 'wasm-binding']) {
    const bin = path.join(__dirname, '..', pkg, 'bin', 'bindlab.js');
    const ok = spawnSync(process.execPath, [bin, 'diff', BEFORE, AFTER, '--top', '1'], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /\nNative\s+\+71\s+-67/);
    const bad = spawnSync(process.execPath, [bin, 'diff', BEFORE], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('bindlab bench and bindlab repro run the harness entry points npm run bench / repro use', () => {
  const bin = path.join(__dirname, '..', 'napi-binding', 'bin', 'bindlab.js');
  const bench = spawnSync(process.execPath, [bin, 'bench', '--help'], { encoding: 'utf8' });
  assert.equal(bench.status, 0, bench.stderr);
  assert.match(bench.stdout, /^usage: npm run bench -- /);
  const repro = spawnSync(process.execPath, [bin, 'repro', '--filter', 'no-such-claim'], { encoding: 'utf8' });
  assert.notEqual(repro.status, 0);
  assert.match(repro.stderr, /no reproduction matches --filter "no-such-claim"/);
});
