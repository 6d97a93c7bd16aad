// The overhead breakdown: ladders parsed from the rung names, each step's cost and share
// computed from the medians, and every binding's distance from its floor against the target.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { buildResults } = require('../lib/results.js');
const { caseId } = require('../lib/cases.js');
const { laddersOf, ladderTables, floorTable, versionTables } = require('../lib/report/breakdown.js');
const { terminalReport } = require('../lib/report/terminal.js');
const { markdownReport } = require('../lib/report/markdown.js');

const single = (group, key, name, ladder = null) => ({ id: caseId(group, key), group, name, uses: [], needs: [], sweep: null, ladder, resultBytes: 0 });
/** A rung of the add ladder, declared as data: the case it rebuilds, its step, what it adds. */
const rung = (step, adds) => single('overhead', `add.step${step}`, `add(i32, i32) step ${step}: ${adds}`, { of: caseId('call', 'add'), step, adds });
const CASES = [
  single('call', 'noop', 'noop()'),
  single('call', 'add', 'add(i32, i32)'),
  rung(1, 'conversions'),
  rung(2, '+ scope'),
];

/** Median ns per implementation and case id: napi is 4x its floor at add, of which the scope is 60 of 75 ns. */
const MEDIANS = {
  wasm: { 'call/noop': 3, 'call/add': 4.5 },
  'wasm-raw': { 'call/noop': 3, 'call/add': 3 },
  napi: { 'call/noop': 10, 'call/add': 100 },
  'napi-raw': { 'call/noop': 9, 'call/add': 25, 'overhead/add.step1': 30, 'overhead/add.step2': 90 },
};

function makeDoc() {
  const stats = (p50) => ({ n: 10, min: p50, p25: p50, p50, p75: p50, p99: p50, max: p50, mean: p50, mad: 0, spread: 0 });
  const impls = Object.keys(MEDIANS);
  const processes = impls.map((impl) => ({
    impl, repeat: 0, runtime: 'node', empty: stats(0.8), skips: [], errors: [],
    results: Object.entries(MEDIANS[impl]).map(([id, p50]) => ({ case: id, stats: stats(p50), guard: null })),
  }));
  const runtime = { name: 'node', version: '20.0.0', v8: '11.3', executable: '/usr/bin/node', flags: [], nodeOptions: null };
  const environment = {
    date: '2026-01-02T03:04:05.000Z',
    machine: { cpu: { model: 'Test CPU', cores: 2, speedMHz: null }, os: { platform: 'linux', type: 'Linux', release: '6', arch: 'x64' }, memoryBytes: 2 ** 33 },
    runtime,
    runtimes: { node: runtime },
    rustc: 'rustc 1.0.0', crates: {}, packages: {}, git: { commit: null, dirty: false },
  };
  const options = { quick: true, repeat: 1, filter: null, impls, runtime: 'node', budget: { minCpuTimeNs: 20e6 } };
  return buildResults({ options, environment, cases: CASES, processes });
}

test('ladders are read from the rungs\' declared ladder data, in order, tied to the case they rebuild', () => {
  assert.deepEqual(laddersOf(makeDoc()), [{
    of: 'add(i32, i32)',
    baseId: 'call/add',
    rungs: [
      { id: 'overhead/add.step1', step: 1, label: 'conversions' },
      { id: 'overhead/add.step2', step: 2, label: '+ scope' },
    ],
  }]);
});

test('a ladder table goes from the floor through each rung to the binding, with each step and its share', () => {
  const [table] = ladderTables(makeDoc());
  assert.equal(table.title, 'add(i32, i32): napi 4.00x its floor, +75.0 ns per call');
  assert.deepEqual(table.rows, [
    ['floor (napi-raw)', '25.0 ns', '', '1.00x', ''],
    ['1 conversions', '30.0 ns', '+5.00 ns', '1.20x', '6.7%'],
    ['2 + scope', '90.0 ns', '+60.0 ns', '3.60x', '80.0%'],
    ['the binding (napi)', '100 ns', '+10.0 ns', '4.00x', '13.3%'],
  ]);
});

test('the floor table marks ratios above 1.25x and counts them per binding', () => {
  const { header, rows, summary } = floorTable(makeDoc());
  assert.deepEqual(header, ['case', 'wasm', 'wasm-raw', 'wasm x floor', 'napi', 'napi-raw', 'napi x floor']);
  assert.deepEqual(rows, [
    ['noop()', '3.00 ns', '3.00 ns', '1.00x', '10.0 ns', '9.00 ns', '1.11x'],
    ['add(i32, i32)', '4.50 ns', '3.00 ns', '1.50x !', '100 ns', '25.0 ns', '4.00x !'],
  ]);
  assert.deepEqual(summary, [
    'wasm: within 1.25x of wasm-raw in 1 of 2 cases; above it at add(i32, i32) (1.50x).',
    'napi: within 1.25x of napi-raw in 1 of 2 cases; above it at add(i32, i32) (4.00x).',
  ]);
});

test('the terminal and Markdown reports carry the breakdown, and no choice or skip lines for the ladders', () => {
  const doc = makeDoc();
  for (const report of [terminalReport(doc), markdownReport(doc)]) {
    assert.match(report, /Overhead breakdown/);
    assert.match(report, /add\(i32, i32\): napi 4\.00x its floor/);
    assert.doesNotMatch(report, /overhead \(wasm vs napi\)/);
  }
});

test('the version rows put every variant of a floor\'s road, with its library version, against the floor', () => {
  const doc = makeDoc();
  const roads = { wasm: 'wasm', 'wasm-raw': 'wasm', napi: 'node-api', 'napi-raw': 'node-api' };
  doc.implementations = doc.implementations.map((i) => ({ ...i, road: roads[i.name] }));
  doc.implementations.push({ name: 'napi-v2', role: 'binding', floorOf: null, road: 'node-api', description: 'napi-rs 2' });
  doc.environment.implementations = { napi: { road: 'node-api', library: 'napi-rs', version: '3.16.1' }, 'napi-v2': { road: 'node-api', library: 'napi-rs', version: '2.16.17' } };
  doc.results.push(...doc.results.filter((r) => r.impl === 'napi').map((r) => ({ ...r, impl: 'napi-v2', stats: { ...r.stats, p50: r.stats.p50 * 0.3 } })));
  assert.equal(versionTables(doc).length, 1, 'the wasm road has one variant besides its floor: no version rows');
  const [table] = versionTables(doc);
  assert.equal(table.title, 'versions on the node-api road, against napi-raw');
  assert.deepEqual(table.header, ['variant', 'noop()', 'add(i32, i32)']);
  assert.deepEqual(table.rows, [
    ['napi-raw', '9.00 ns (1.00x)', '25.0 ns (1.00x)'],
    ['napi-v2 (napi-rs 2.16.17)', '3.00 ns (0.333x)', '30.0 ns (1.20x)'],
    ['napi (napi-rs 3.16.1)', '10.0 ns (1.11x)', '100 ns (4.00x)'],
  ]);
  assert.match(markdownReport(doc), /\*\*versions on the node-api road, against napi-raw\*\*/);
});

test('the version rows read as each library\'s history: its releases oldest first, whatever the column order', () => {
  const doc = makeDoc();
  doc.implementations = doc.implementations.map((i) => ({ ...i, road: i.name.startsWith('napi') ? 'node-api' : 'wasm' }));
  const variants = [['napi-compat', 'napi-rs (compat mode)', '3.16.1', 0.4], ['napi-v2', 'napi-rs', '2.16.17', 0.3], ['napi-3.12', 'napi-rs', '3.12.0', 0.31]];
  doc.environment.implementations = { napi: { road: 'node-api', library: 'napi-rs', version: '3.16.1' } };
  for (const [name, library, version, factor] of variants) {
    doc.implementations.push({ name, role: 'binding', floorOf: null, road: 'node-api', description: name });
    doc.environment.implementations[name] = { road: 'node-api', library, version };
    doc.results.push(...doc.results.filter((r) => r.impl === 'napi').map((r) => ({ ...r, impl: name, stats: { ...r.stats, p50: r.stats.p50 * factor } })));
  }
  const table = versionTables(doc).find((t) => t.title.includes('node-api'));
  assert.deepEqual(table.rows.map((r) => r[0]), [
    'napi-raw', 'napi-v2 (napi-rs 2.16.17)', 'napi-3.12 (napi-rs 3.12.0)', 'napi (napi-rs 3.16.1)', 'napi-compat (napi-rs (compat mode) 3.16.1)',
  ]);
  assert.deepEqual(table.rows[2].slice(1), ['3.10 ns (0.344x)', '31.0 ns (1.24x)'], 'napi-rs 3.12 near the floor; the cost arrives in 3.16');
});
