// Report building blocks: number formats, Cargo.lock versions, and the tables' contents.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { formatTime, formatRatio, formatSize } = require('../lib/report/format.js');
const { lockedVersions } = require('../../tools/lib/toolchain.js');
const { summaryTable } = require('../lib/report/tables.js');
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
