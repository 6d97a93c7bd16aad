// "Choosing a binding": the verdicts' ties and ranges, and the sentences of the report's section,
// on made-up medians run through the real verdict, sweep and report code.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { chooseBindings } = require('../lib/verdict.js');
const { compareSweeps } = require('../lib/crossover.js');
const { medianLookup } = require('../lib/results.js');
const { MIN_CHANGE } = require('../lib/stats.js');
const { choosingSection } = require('../lib/report/choosing.js');
const { makeDoc, CASES } = require('./fixture.js');

/** A median lookup over `{ impl: { caseId: ns } }`. */
const lookup = (table) => (id, impl) => table[impl]?.[id];

/** A case of `group` that is not part of a sweep. */
const single = (group, name) => ({ id: `${group}/${name}`, group, name, uses: [], sweep: null, resultBytes: 0 });

/** The fixture's three-size sweep (16 B, 256 B, 4 KiB) with `a` and `b` the medians of wasm and napi. */
function sweepDoc(a, b) {
  const sweep = CASES.filter((c) => c.sweep);
  const table = { wasm: {}, napi: {} };
  sweep.forEach((c, i) => { table.wasm[c.id] = a[i]; table.napi[c.id] = b[i]; });
  return { choosing: chooseBindings(sweep, lookup(table), 'wasm', 'napi'), sweeps: compareSweeps(sweep, lookup(table), 'wasm', 'napi') };
}

test('a tie goes to the first binding of the pair, by a factor of 1, and an equal case is nobody\'s win', () => {
  const cases = [single('even', 'x'), single('balanced', 'wasm half'), single('balanced', 'napi half')];
  const table = { wasm: { 'even/x': 10, 'balanced/wasm half': 1, 'balanced/napi half': 2 }, napi: { 'even/x': 10, 'balanced/wasm half': 2, 'balanced/napi half': 1 } };
  const [{ noise, ...even }, balanced] = chooseBindings(cases, lookup(table), 'wasm', 'napi');
  assert.ok(Math.abs(noise - MIN_CHANGE) < 1e-12, `noise ${noise}`);
  assert.deepEqual(even, {
    group: 'even', a: 'wasm', b: 'napi', compared: 1, wins: { wasm: 0, napi: 0 }, withinNoise: ['x'], winner: 'wasm', loser: 'napi', factor: 1,
    conclusive: false, lowest: { case: 'even/x', name: 'x', ratio: 1 }, highest: { case: 'even/x', name: 'x', ratio: 1 }, exceptions: [],
  });
  assert.deepEqual([balanced.winner, balanced.wins, balanced.factor], ['wasm', { wasm: 1, napi: 1 }, 1]);
  assert.deepEqual([balanced.lowest, balanced.highest, balanced.exceptions], [
    { case: 'balanced/napi half', name: 'napi half', ratio: 0.5 }, { case: 'balanced/wasm half', name: 'wasm half', ratio: 2 }, ['napi half'],
  ]);
  const [reversed] = chooseBindings(cases, lookup(table), 'napi', 'wasm');
  assert.deepEqual([reversed.winner, reversed.loser, reversed.factor, reversed.exceptions], ['napi', 'wasm', 1, []]);
});

test('a case measured on only one binding of the pair is left out of its verdict', () => {
  const cases = [single('g', 'both'), single('g', 'wasm only')];
  const [verdict] = chooseBindings(cases, lookup({ wasm: { 'g/both': 1, 'g/wasm only': 1 }, napi: { 'g/both': 3 } }), 'wasm', 'napi');
  assert.deepEqual([verdict.compared, verdict.wins, verdict.factor, verdict.highest.name], [1, { wasm: 1, napi: 0 }, 3, 'both']);
});

test('a headline gives the range from the lowest ratio to the highest, and none for a one-case group', () => {
  const [call] = choosingSection(makeDoc());
  assert.equal(call.headline, 'indicative (quick run): wasm is faster in 2 of 2 cases; napi takes 15.8x as long (geometric mean, beyond its ±5% noise), from 10.0x (noop()) to 25.0x (add(i32, i32)).');
  const one = [single('one', 'only')];
  const doc = { choosing: chooseBindings(one, lookup({ wasm: { 'one/only': 4 }, napi: { 'one/only': 2 } }), 'wasm', 'napi'), sweeps: [] };
  assert.deepEqual(choosingSection(doc), [{ group: 'one', pair: 'wasm vs napi', headline: 'napi is faster in 1 of 1 cases; wasm takes 2.00x as long (geometric mean, beyond its ±5% noise).', sweeps: [] }]);
  assert.ok(makeDoc().options.quick, 'the fixture is a quick run, so its headline is marked indicative');
});

test('each pair\'s section shows the sweeps of its own group and pair only', () => {
  const doc = makeDoc();
  const pairs = [['wasm', 'napi'], ['wasm', 'js'], ['napi', 'js']];
  const median = medianLookup(doc.results);
  const section = choosingSection({
    choosing: pairs.flatMap(([a, b]) => chooseBindings(CASES, median, a, b)),
    sweeps: pairs.flatMap(([a, b]) => compareSweeps(CASES, median, a, b)),
  });
  assert.deepEqual(section.map((s) => [s.group, s.pair, s.sweeps]), [
    ['call', 'wasm vs napi', []],
    ['bytes', 'wasm vs napi', ['sumBytes: napi overtakes wasm at ≈ 203 B (between 16 B and 256 B).']],
    ['call', 'wasm vs js', []],
    ['bytes', 'wasm vs js', ['sumBytes: wasm overtakes js at ≈ 48.7 B (between 16 B and 256 B).']],
    ['call', 'napi vs js', []],
    ['bytes', 'napi vs js', ['sumBytes: napi overtakes js at ≈ 93.4 B (between 16 B and 256 B).']],
  ]);
});

test('sweep sentences: faster at every size, several crossovers in order, and ties', () => {
  const sentence = (a, b) => choosingSection(sweepDoc(a, b))[0].sweeps[0];
  assert.equal(sentence([1, 2, 3], [5, 6, 7]), 'sumBytes: wasm is faster at every size measured (16 B to 4 KiB).');
  assert.equal(sentence([1, 10, 1], [5, 5, 5]), 'sumBytes: napi overtakes wasm at ≈ 123 B (between 16 B and 256 B), '
    + 'then wasm overtakes napi at ≈ 2.33 KiB (between 256 B and 4 KiB).');
  const tied = 'sumBytes: wasm and napi never cross, and measured the same at one size or more (16 B to 4 KiB).';
  assert.equal(sentence([5, 5, 5], [5, 5, 5]), tied);
  assert.equal(sentence([5, 1, 2], [5, 6, 7]), tied, 'a tie at 16 B: wasm is not faster at every size');
});

test('a case counts as a win only beyond its noise, and a group inside its noise is inconclusive', () => {
  const cases = [single('g', 'close'), single('g', 'far'), single('g', 'other way')];
  const table = { wasm: { 'g/close': 100, 'g/far': 100, 'g/other way': 120 }, napi: { 'g/close': 104, 'g/far': 200, 'g/other way': 100 } };
  const quiet = () => 0;
  const [v] = chooseBindings(cases, lookup(table), 'wasm', 'napi', quiet);
  assert.deepEqual([v.winner, v.wins, v.withinNoise, v.exceptions, v.conclusive], ['wasm', { wasm: 1, napi: 1 }, ['close'], ['other way'], true]);
  // The same medians with 20 % noise on every cell: only 'far' is beyond it, and the group's
  // geometric mean (1.20x) is inside its combined noise (√2 × 20 % ≈ 28 %).
  const [noisy] = chooseBindings(cases, lookup(table), 'wasm', 'napi', () => 0.2);
  assert.deepEqual([noisy.wins, noisy.withinNoise, noisy.exceptions, noisy.conclusive], [{ wasm: 1, napi: 0 }, ['close', 'other way'], [], false]);
  assert.ok(Math.abs(noisy.noise - Math.hypot(0.2, 0.2)) < 1e-12);
  // Exactly at the threshold is still within it.
  const [edge] = chooseBindings([single('e', 'x')], lookup({ wasm: { 'e/x': 100 }, napi: { 'e/x': 105 } }), 'wasm', 'napi', quiet);
  assert.deepEqual([edge.wins, edge.withinNoise], [{ wasm: 0, napi: 0 }, ['x']]);
});

test('an inconclusive group says so instead of naming a winner, and a quick run is marked indicative', () => {
  const cases = [single('g', 'x')];
  const choosing = chooseBindings(cases, lookup({ wasm: { 'g/x': 100 }, napi: { 'g/x': 110 } }), 'wasm', 'napi', () => 0.1);
  const [section] = choosingSection({ choosing, sweeps: [], options: {} });
  assert.equal(section.headline, 'inconclusive: wasm and napi are within noise of each other here (napi takes 1.10x as long, '
    + 'inside the ±14% the measurements allow; 1 of 1 cases within their noise).');
  const [quick] = choosingSection({ choosing, sweeps: [], options: { quick: true } });
  assert.match(quick.headline, /^indicative \(quick run\): inconclusive: /);
  const decisive = chooseBindings(cases, lookup({ wasm: { 'g/x': 100 }, napi: { 'g/x': 300 } }), 'wasm', 'napi', () => 0.1);
  const [firm] = choosingSection({ choosing: decisive, sweeps: [], options: { quick: true } });
  assert.equal(firm.headline, 'indicative (quick run): wasm is faster in 1 of 1 cases; napi takes 3.00x as long (geometric mean, beyond its ±14% noise).');
});
