// Crossovers between size sweeps, and the choosing-a-binding verdicts built on them.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { crossings, compareSweeps } = require('../lib/crossover.js');
const { chooseBindings } = require('../lib/verdict.js');
const { medianLookup } = require('../lib/results.js');
const { choosingSection } = require('../lib/report/choosing.js');
const { makeDoc, CASES } = require('./fixture.js');

test('a crossing is where the linear interpolation of the difference reaches zero', () => {
  // a - b goes from -10 at size 100 to +30 at size 500: zero a quarter of the way, at 200.
  assert.deepEqual(crossings([100, 500], [10, 50], [20, 20]), [{ size: 200, between: [100, 500], fasterBelow: 'a', fasterAbove: 'b' }]);
});

test('no crossing when one series is below the other everywhere', () => {
  assert.deepEqual(crossings([1, 10, 100], [1, 2, 3], [5, 6, 7]), []);
});

test('every crossing is found, in size order', () => {
  const found = crossings([1, 2, 3], [0, 10, 0], [5, 5, 5]);
  assert.deepEqual(found.map((c) => [c.size, c.fasterBelow]), [[1.5, 'a'], [2.5, 'b']]);
});

test('a size where both are equal is stepped over', () => {
  const found = crossings([10, 20, 30], [1, 5, 9], [5, 5, 5]);
  assert.deepEqual(found, [{ size: 20, between: [10, 30], fasterBelow: 'a', fasterAbove: 'b' }]);
});

test('compareSweeps names the implementations and the faster-everywhere one', () => {
  const lookup = medianLookup(makeDoc().results);
  const [napiVsWasm] = compareSweeps(CASES, lookup, 'wasm', 'napi');
  assert.equal(napiVsWasm.sweep, 'sumBytes');
  assert.deepEqual(napiVsWasm.sizes, [16, 256, 4096]);
  assert.equal(napiVsWasm.crossovers.length, 1);
  assert.ok(Math.abs(napiVsWasm.crossovers[0].size - (16 + (240 * 70) / 90)) < 1e-9);
  assert.equal(napiVsWasm.crossovers[0].fasterBelow, 'wasm');
  assert.equal(napiVsWasm.fasterEverywhere, null);
  const [jsVsNapi] = compareSweeps(CASES, lookup, 'napi', 'js');
  assert.equal(jsVsNapi.crossovers.length, 1);
  const [wasmVsJsOnlyAbove] = compareSweeps(CASES.filter((c) => c.sweep?.size !== 16), lookup, 'wasm', 'js');
  assert.equal(wasmVsJsOnlyAbove.fasterEverywhere, 'wasm');
});

test('chooseBindings picks the winner per group by geometric mean and lists exceptions', () => {
  const lookup = medianLookup(makeDoc().results);
  const [call, bytes] = chooseBindings(CASES, lookup, 'wasm', 'napi');
  assert.equal(call.winner, 'wasm');
  assert.deepEqual(call.wins, { wasm: 2, napi: 0 });
  assert.ok(Math.abs(call.factor - Math.sqrt(10 * 25)) < 1e-9);
  assert.equal(call.highest.name, 'add(i32, i32)');
  assert.deepEqual(call.exceptions, []);
  assert.equal(bytes.winner, 'napi');
  assert.deepEqual(bytes.exceptions, ['sumBytes 16']);
  const [none] = chooseBindings(CASES.slice(0, 1), () => undefined, 'wasm', 'napi');
  assert.equal(none.winner, null);
});

test('the choosing section is written from the verdicts and the sweeps', () => {
  const [call, bytes] = choosingSection(makeDoc());
  assert.match(call.headline, /^indicative \(quick run\): wasm is faster in 2 of 2 cases; napi takes 15\.8x as long \(geometric mean, beyond its ±5% noise\)/);
  assert.match(bytes.headline, /wasm is faster at sumBytes 16\./);
  assert.deepEqual(bytes.sweeps, ['sumBytes: napi overtakes wasm at ≈ 203 B (between 16 B and 256 B).']);
});
