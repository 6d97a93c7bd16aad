// The bootstrap's variant builds (tools/lib/variant-builds.js) on injected builds, with no
// compiler run: a variant is built only when its inputs' content hash changed or its output
// is gone; one whose toolchain piece is missing, or whose build fails, gets a note saying
// what to install or what failed, and the variants after it are still built.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { buildVariants } = require('../tools/lib/variant-builds.js');
const { buildDir, unavailableReason } = require('../variants/lib/built.js');
const { ROOT } = require('../tools/lib/toolchain.js');

/** A scratch input file under target/ (ignored by git) and two throwaway variant ids. */
const INPUT = path.join('target', 'variant-build-test', 'input.txt');
const IDS = ['test-build-missing', 'test-build-ok'];

/** A fake build of `id` whose steps write its output `out` (counted in `runs`). */
function fakeBuild(id, { missing = () => null, status = 0 } = {}) {
  return {
    id,
    inputs: [INPUT],
    outputs: ['out'],
    missing,
    steps: () => [{ command: 'fake', args: [id], writes: path.join(buildDir(id), 'out'), status }],
  };
}

/** Runs buildVariants over `builds` with in-memory stamps; what ran is recorded in `runs`. */
function buildWith(builds, stamps, runs) {
  return buildVariants({
    shared: 'rustc test',
    builds,
    stamps: { read: (name) => stamps.get(name) ?? null, write: (name, value) => stamps.set(name, value) },
    run(command, [id]) {
      runs.push(id);
      const step = builds.find((b) => b.id === id).steps()[0];
      if (step.status === 0) {
        fs.mkdirSync(path.dirname(step.writes), { recursive: true });
        fs.writeFileSync(step.writes, 'built');
      }
      return step.status;
    },
    say: () => {},
  });
}

test('variant builds: skipped when unchanged, rebuilt on a content change; a missing toolchain piece or a failed build is noted and the others still build', (t) => {
  t.after(() => {
    for (const id of IDS) fs.rmSync(path.join(ROOT, 'variants', id), { recursive: true, force: true });
    fs.rmSync(path.join(ROOT, path.dirname(INPUT)), { recursive: true, force: true });
  });
  fs.mkdirSync(path.join(ROOT, path.dirname(INPUT)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, INPUT), 'one');
  const stamps = new Map();
  const missing = () => 'needs the frobnicator: run `apt-get install frobnicator`';
  const builds = [fakeBuild(IDS[0], { missing }), fakeBuild(IDS[1])];

  let runs = [];
  const first = buildWith(builds, stamps, runs);
  assert.deepEqual(first.unavailable, [{ id: IDS[0], reason: missing() }]);
  assert.deepEqual(first.built, [IDS[1]], 'the variant after the unavailable one is built');
  assert.deepEqual(runs, [IDS[1]], 'nothing runs for the unavailable one');
  assert.equal(unavailableReason(IDS[0], 'out'), missing(), 'its loader reads what to install');
  assert.equal(unavailableReason(IDS[1], 'out'), null);

  runs = [];
  const second = buildWith([builds[1]], stamps, runs);
  assert.deepEqual([second.skipped, runs], [[IDS[1]], []], 'unchanged inputs: no build');

  fs.writeFileSync(path.join(ROOT, INPUT), 'two');
  runs = [];
  assert.deepEqual(buildWith([builds[1]], stamps, runs).built, [IDS[1]], 'changed content: rebuilt');
  assert.deepEqual(runs, [IDS[1]]);

  fs.rmSync(path.join(buildDir(IDS[1]), 'out'));
  runs = [];
  assert.deepEqual(buildWith([builds[1]], stamps, runs).built, [IDS[1]], 'output gone: rebuilt');

  const failing = fakeBuild(IDS[1], { status: 101 });
  fs.rmSync(path.join(buildDir(IDS[1]), 'out'));
  const failed = buildWith([failing], stamps, []);
  assert.equal(failed.unavailable.length, 1);
  assert.match(failed.unavailable[0].reason, /^failed to build: `fake test-build-ok` exited with 101$/);
  assert.match(unavailableReason(IDS[1], 'out'), /^failed to build/);
});

test('a build output is replaced through a new file, never rewritten in place under a process that loaded it', (t) => {
  const { replaceFile } = require('../tools/lib/replace-file.js');
  const dir = path.join(ROOT, 'target', 'replace-file-test');
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'addon.node');
  fs.writeFileSync(file, 'old');
  const held = fs.openSync(file, 'r'); // stands for the mapping of a loaded addon
  const before = fs.statSync(file).ino;
  replaceFile(file, (temporary) => fs.writeFileSync(temporary, 'new'));
  assert.notEqual(fs.statSync(file).ino, before, 'a new file took the name');
  assert.equal(fs.readFileSync(file, 'utf8'), 'new');
  const buffer = Buffer.alloc(3);
  fs.readSync(held, buffer, 0, 3, 0);
  fs.closeSync(held);
  assert.equal(buffer.toString(), 'old', 'what a process had open is unchanged');
  assert.deepEqual(fs.readdirSync(dir), ['addon.node'], 'no temporary file left');
});
