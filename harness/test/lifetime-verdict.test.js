// The lifetime lab's verdict logic and the reproductions' outcomes on synthetic
// measurements, the `lifetime` command line, and the rendering of both sections.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { judge, describeVerdict } = require('../lib/lifetime/verdict.js');
const { outcomeOf } = require('../lib/repro/judge.js');
const { parseOptions } = require('../lib/options.js');
const { measuresTable, formatMeasure, labSummary } = require('../lib/report/lifetime-tables.js');
const { experimentCharts } = require('../lib/report/lifetime-charts.js');
const { markdownReport } = require('../lib/report/markdown.js');
const { terminalReport } = require('../lib/report/terminal.js');
const { htmlReport } = require('../lib/report/html.js');
const { makeDoc } = require('./fixture.js');

const MEASURES = {
  'napi/sync': { reclaimedInLoop: 0, msToReclaim: 900, peak: 4096 },
  'wasm/sync': { reclaimedInLoop: 0.4, msToReclaim: 1800, peak: 1024 },
  'napi/broken': {},
};

test('a rule holds or not according to the measured values, thresholds and ratios as stated', () => {
  assert.equal(judge({ says: 'x', left: 'napi/sync.reclaimedInLoop', op: '<=', right: 0.01 }, MEASURES).holds, true);
  assert.equal(judge({ says: 'x', left: 'wasm/sync.reclaimedInLoop', op: '<=', right: 0.01 }, MEASURES).holds, false);
  assert.equal(judge({ says: 'x', left: 'napi/sync.msToReclaim', op: '<', right: 'wasm/sync.msToReclaim' }, MEASURES).holds, true);
  const scaled = judge({ says: 'x', left: 'wasm/sync.peak', op: '<=', right: 'napi/sync.peak', times: 0.25 }, MEASURES);
  assert.deepEqual([scaled.rightValue, scaled.holds], [1024, true]);
  assert.equal(judge({ says: 'x', left: 'wasm/sync.peak', op: '<', right: 'napi/sync.peak', times: 0.25 }, MEASURES).holds, false);
});

test('a rule over a missing measure or a failed run is "not measured", never a pass', () => {
  const v = judge({ says: 'gone', left: 'napi/broken.reclaimedInLoop', op: '==', right: 0 }, MEASURES);
  assert.equal(v.holds, null);
  assert.match(describeVerdict(v), /^NOT MEASURED: gone/);
  assert.equal(judge({ says: 'x', left: 'nobody/run.x', op: '==', right: 'napi/sync.peak' }, MEASURES).holds, null);
  assert.throws(() => judge({ says: 'bad', left: 'napi/sync.peak', op: '~', right: 1 }, MEASURES), /unknown operator/);
});

test('a reproduction is confirmed, refuted or differs according to its evidence', () => {
  const claim = {
    confirmIf: [{ says: 'three', left: 'calls', op: '==', right: 3 }],
    refuteIf: [{ says: 'more', left: 'calls', op: '>', right: 3 }],
  };
  assert.equal(outcomeOf(claim, { calls: 3 }).outcome, 'confirmed');
  assert.equal(outcomeOf(claim, { calls: 2001 }).outcome, 'refuted');
  assert.equal(outcomeOf(claim, { calls: 2 }).outcome, 'differs');
  assert.equal(outcomeOf(claim, {}).outcome, 'differs');
  assert.deepEqual(outcomeOf(claim, { calls: 3 }).rules.map((r) => r.role), ['confirmIf', 'refuteIf']);
});

test('`bench -- lifetime` is parsed as the lab; another word is refused', () => {
  assert.equal(parseOptions(['lifetime', '--quick']).lifetime, true);
  assert.equal(parseOptions(['--quick']).lifetime, false);
  assert.throws(() => parseOptions(['lifetme']), /unknown command "lifetme"/);
});

/** A results document with a synthetic lifetime section and one reproduction. */
function labDoc() {
  const series = [0, 10, 20].map((t, i) => ({ t, rss: 1e6 * (i + 1), heapUsed: null, label: 'loop' }));
  const run = (name, measures, error = null) => ({ name, binding: name.split('/')[0], variant: name.split('/')[1], params: {}, ms: 5, measures, series, error });
  return {
    ...makeDoc(),
    lifetime: {
      version: 1,
      tiny: false,
      experiments: [{
        id: 'owned-objects', title: 'Owned', question: 'When?', scenario: 'owned', sampled: ['rss', 'heapUsed'],
        runs: [run('napi/sync', { peakRssGrowth: 3 * 2 ** 20, msToReclaim: 12.5, reclaimedInLoop: 0 }), run('wasm/sync', null, 'exited with 1: boom')],
        verdicts: [judge({ says: 'nothing in the loop', left: 'napi/sync.reclaimedInLoop', op: '<=', right: 0.01 }, { 'napi/sync': { reclaimedInLoop: 0 } })],
      }],
    },
    repro: { version: 1, claims: [{ id: 'seed003.x', seed: '003', claim: 'three calls', outcome: 'refuted', evidence: { calls: 2001 }, rules: [], error: null }] },
  };
}

test('the lab and the reproductions reach report.md, the terminal and report.html (with a time-series chart)', () => {
  const doc = labDoc();
  const md = markdownReport(doc);
  assert.match(md, /## Object lifetimes/);
  assert.match(md, /- holds: nothing in the loop/);
  assert.match(md, /wasm\/sync could not run: exited with 1: boom/);
  assert.match(md, /\*\*REFUTED seed003\.x \(seed 003\): three calls\*\*/);
  assert.match(terminalReport(doc), /1 experiments, 1 verdict rules: 1 hold, 0 do not hold, 0 not measured/);
  const charts = experimentCharts(doc.lifetime.experiments[0]);
  assert.deepEqual(charts.map((c) => c.title), ['owned-objects: rss'], 'a field no run sampled gets no chart');
  assert.equal(charts[0].spec.data.values.length, 6);
  assert.match(htmlReport(doc), /owned-objects: rss over time/);
  assert.equal(labSummary(doc.lifetime), '1 experiments, 1 verdict rules: 1 hold, 0 do not hold, 0 not measured');
});

test('measures are formatted by kind: bytes, milliseconds, shares', () => {
  assert.equal(formatMeasure('peakRssGrowth', 3 * 2 ** 20), '3.0 MiB');
  assert.equal(formatMeasure('heldSlots@10', 10), '10');
  assert.equal(formatMeasure('holdAndReleaseMs@10', 0.125), '0.13 ms');
  assert.equal(formatMeasure('reclaimedInLoop', 0.86865), '0.869');
  assert.equal(formatMeasure('bytesPerValueAtPeak', 176.1), '176');
  const table = measuresTable(labDoc().lifetime.experiments[0]);
  assert.deepEqual(table.header, ['measure', 'napi/sync', 'wasm/sync']);
  assert.deepEqual(table.rows[0], ['peakRssGrowth', '3.0 MiB', 'ERROR']);
});
