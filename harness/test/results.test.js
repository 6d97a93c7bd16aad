// The results document: built from worker records, written, read back unchanged, checked.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { serializeResults, readResults, validateResults, VERSION } = require('../lib/results.js');
const { makeDoc } = require('./fixture.js');

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
