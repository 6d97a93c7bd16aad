// The results document: built from worker records, written, read back unchanged, checked.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { serializeResults, readResults, validateResults, VERSION } = require('../lib/results.js');
const { compareResults } = require('../lib/compare.js');
const { makeDoc, stats, environment } = require('./fixture.js');

test('a results document survives writing and reading back', () => {
  const doc = makeDoc({ repeat: 2 });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-')), 'results.json');
  fs.writeFileSync(file, serializeResults(doc));
  assert.deepEqual(readResults(file), doc);
});

test('results rows carry ratios, the empty-loop ratio and combined repeats', () => {
  const doc = makeDoc({ repeat: 2 });
  const wasmAdd = doc.results.find((r) => r.impl === 'wasm' && r.case === 'call/add');
  assert.equal(doc.version, VERSION);
  assert.deepEqual(wasmAdd.repeatMedians, [4, 4.04]);
  assert.equal(wasmAdd.stats.p50, 4, 'the faster run');
  assert.ok(Math.abs(wasmAdd.stats.repeatSpread - 0.01) < 1e-9);
  assert.equal(wasmAdd.vsBaseline, 4 / 1);
  assert.equal(wasmAdd.vsFloor, null);
  assert.equal(wasmAdd.optimisedAway, false);
  const jsNoop = doc.results.find((r) => r.impl === 'js' && r.case === 'call/noop');
  assert.equal(jsNoop.optimisedAway, true);
  assert.equal(jsNoop.vsBaseline, null);
  assert.equal(doc.emptyLoops.length, 6);
});

test('validation names what is wrong', () => {
  const doc = makeDoc();
  assert.throws(() => validateResults({ ...doc, format: 'other' }), /not a bindlab-results document/);
  assert.throws(() => validateResults({ ...doc, version: VERSION + 1 }), new RegExp(`version ${VERSION + 1} is not supported`));
  assert.throws(() => validateResults({ ...doc, cases: {} }), /cases: expected array, found object/);
  const broken = structuredClone(doc);
  delete broken.results[3].stats.p99;
  assert.throws(() => validateResults(broken), /results\[3\]\.stats\.p99: expected number/);
});

test('reading a file that is not JSON says which file', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-')), 'broken.json');
  fs.writeFileSync(file, '{ nope');
  assert.throws(() => readResults(file), new RegExp(`cannot read ${file.replace(/[.]/g, '\\.')}`));
});

/** A version-2 document as the harness wrote it before runtimes and structured ids: ids are `group/<label>`. */
function version2Doc() {
  const runtime = { name: 'node', version: '20.0.0', v8: '11.3', executable: '/usr/bin/node', flags: [], nodeOptions: null };
  const single = (group, name) => ({ id: `${group}/${name}`, group, name, uses: [], sweep: null, resultBytes: 0 });
  const cases = [
    single('call', 'noop()'),
    { ...single('bytes', 'sumBytes(Uint8Array) 4 KiB'), sweep: { name: 'sumBytes(Uint8Array)', size: 4096, unit: 'B' } },
    single('overhead', 'noop() step 1: undefined via ToNapiValue, Result'),
    single('call', 'a label since renamed'),
  ];
  const row = (c, impl, p50) => ({ case: c.id, impl, stats: { ...stats(p50), repeatSpread: null }, repeatMedians: [p50], batch: 4096, emptyLoopRatio: 10, optimisedAway: false, memoryGuard: null, vsBaseline: null, vsFloor: null });
  return {
    format: 'bindlab-results', version: 2, createdAt: '2026-01-01T00:00:00.000Z',
    options: { quick: true, repeat: 1, filter: null, impls: ['napi-raw'], runtime: 'node', budget: { minCpuTimeNs: 20e6 } },
    environment: { ...environment(), runtimes: undefined, runtime },
    implementations: [{ name: 'napi-raw', role: 'floor', floorOf: 'napi', description: '' }],
    cases,
    emptyLoops: [{ impl: 'napi-raw', repeat: 0, stats: stats(1) }],
    results: cases.map((c, i) => row(c, 'napi-raw', 10 + i)),
    skipped: [], errors: [], sweeps: [],
    choosing: [{ group: 'overhead', a: 'napi', b: 'wasm', compared: 0, wins: {}, withinNoise: [], winner: null }],
    comparison: null,
  };
}

test('a version-2 results.json is read as version 3: the runtime on every row, ids mapped through today\'s labels, ladders regained', () => {
  const doc = validateResults(version2Doc());
  assert.equal(doc.version, VERSION);
  assert.deepEqual(doc.cases.map((c) => c.id), ['call/noop', 'bytes/sumBytes@4096', 'overhead/noop.step1', 'call/a label since renamed']);
  assert.deepEqual(doc.cases[2].ladder, { of: 'call/noop', step: 1, adds: 'undefined via ToNapiValue, Result' });
  assert.deepEqual(doc.results.map((r) => [r.runtime, r.case]).slice(0, 2), [['node', 'call/noop'], ['node', 'bytes/sumBytes@4096']]);
  assert.deepEqual(Object.keys(doc.environment.runtimes), ['node']);
  assert.deepEqual(doc.choosing, [], 'the ladders are no choice');
});

test('an old baseline compares with a new run case by case; a case relabelled since is counted as unmatched', () => {
  const old = validateResults(version2Doc());
  const now = structuredClone(old);
  now.results = now.results.filter((r) => r.case !== 'call/a label since renamed');
  now.results.push({ ...now.results[0], case: 'call/renamed' });
  const comparison = compareResults(old, now);
  assert.deepEqual(comparison.rows.map((r) => r.case), ['call/noop', 'bytes/sumBytes@4096', 'overhead/noop.step1']);
  assert.equal(comparison.unmatched, 2);
});
