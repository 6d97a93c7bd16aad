// Report building blocks: number formats, Cargo.lock versions, and the tables' contents.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { formatTime, formatRatio, formatSize, formatValue } = require('../lib/report/format.js');
const { formatMeasure, unitOf } = require('../lib/report/lifetime-tables.js');
const { lockedVersions } = require('../../tools/lib/toolchain.js');
const { summaryTable, DETAIL_MEASURES } = require('../lib/report/tables.js');
const { terminalReport } = require('../lib/report/terminal.js');
const { markdownReport } = require('../lib/report/markdown.js');
const { makeDoc } = require('./fixture.js');

test('times, ratios and sizes are formatted with three significant digits', () => {
  assert.equal(formatTime(0.279), '0.279 ns');
  assert.equal(formatTime(40), '40.0 ns');
  assert.equal(formatTime(1234), '1.23 µs');
  assert.equal(formatTime(2.5e6), '2.50 ms');
  assert.equal(formatRatio(1.5432), '1.54x');
  assert.equal(formatRatio(31918.2), '31918x');
  assert.equal(formatSize(16, 'B'), '16 B');
  assert.equal(formatSize(4096, 'B'), '4 KiB');
  assert.equal(formatSize(1536, 'B'), '1.5 KiB');
  assert.equal(formatSize(1048576, 'B'), '1 MiB');
  assert.equal(formatSize(37300, 'elements'), 'n=37.3k');
  assert.equal(formatSize(1, 'elements'), 'n=1');
});

test('crate versions are read from Cargo.lock, several versions joined', () => {
  const lock = '[[package]]\nname = "napi"\nversion = "3.16.1"\n\n[[package]]\nname = "other"\nversion = "1.0.0"\n\n'
    + '[[package]]\nname = "js-sys"\nversion = "0.3.1"\n\n[[package]]\nname = "js-sys"\nversion = "0.3.2"\n';
  assert.deepEqual(lockedVersions(lock, ['napi', 'js-sys', 'wasm-bindgen']), { napi: '3.16.1', 'js-sys': '0.3.1, 0.3.2' });
});

test('the summary table has a median per implementation, ratio columns and the optimised-away mark', () => {
  const { header, rows } = summaryTable(makeDoc(), 'call');
  assert.deepEqual(header, ['call', 'js', 'wasm', 'napi', 'wasm/js', 'napi/js', 'noise']);
  assert.deepEqual(rows[0], ['noop()', '0.500 ns*', '3.00 ns', '30.0 ns', '6.00x', '60.0x', '2.0%']);
});

test('the terminal and Markdown reports carry the tables and the choosing section', () => {
  const doc = makeDoc();
  for (const report of [terminalReport(doc), markdownReport(doc)]) {
    assert.match(report, /Choosing a binding/);
    assert.match(report, /wasm is faster in 2 of 2 cases/);
    assert.match(report, /sumBytes: napi overtakes wasm at ≈ 203 B/);
    assert.match(report, /add\(i32, i32\)/);
  }
});

test('a lifetime measure reads in the unit its case declares, else in the one its name implies', () => {
  const experiment = { units: { peakRss: 'B', 'wait@': 'ms', heapBytesShare: null } };
  assert.equal(unitOf(experiment, 'peakRss'), 'B');
  assert.equal(unitOf(experiment, 'wait@10'), 'ms', 'a family x@ declares every x@<size>');
  assert.equal(unitOf({}, 'holdAndReleaseMs@10'), 'ms');
  assert.equal(unitOf({}, 'peakRssGrowth'), 'B');
  assert.equal(formatMeasure('wait@10', 12.5, unitOf(experiment, 'wait@10')), '13 ms');
  assert.equal(formatMeasure('count', 2048, 'B'), '2.0 KiB');
  assert.equal(formatMeasure('pinnedBytesPerSlot', 3.2345678, 'B'), '3.23 B', 'a fractional byte count to three digits');
  assert.equal(formatMeasure('handleBytes', 512, 'B'), '512 B');
  assert.equal(formatMeasure('peakRss', 0.5, null), '0.500', 'no unit: a plain number');
});

test('the report model declares each detail measure with its unit, and formats values by unit', () => {
  assert.deepEqual(DETAIL_MEASURES.map((m) => [m.title, m.unit]), [
    ['median', 'ns'], ['p75', 'ns'], ['p99', 'ns'], ['min', 'ns'], ['spread', 'fraction'], ['repeat spread', 'fraction'], ['x empty loop', 'ratio'],
  ]);
  assert.equal(formatValue(1234, 'ns'), '1.23 µs');
  assert.equal(formatValue(0.042, 'fraction'), '4.2%');
  assert.equal(formatValue(2, 'ratio'), '2.00x');
  assert.throws(() => formatValue(1, 'furlongs'), { name: 'TypeError', message: /formatValue: unknown unit "furlongs"/ });
});
