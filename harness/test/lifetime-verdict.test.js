// The lifetime lab's verdict logic, controls, quick-mode rules and sampler sampling and
// the reproductions' outcomes on synthetic measurements, the `lifetime` command line, and
// the rendering of both sections.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { judge, describeVerdict } = require('../lib/rules.js');
const { outcomeOf } = require('../lib/repro/judge.js');
const { judgeControl, describeControl, controlRuns } = require('../lib/lifetime/controls.js');
const { paramsOf, verdictOf, failedControls } = require('../lib/lifetime/lab.js');
const { labFailed } = require('../lib/lifetime/command.js');
const { createSampler } = require('../lib/lifetime/sampler.js');
const { fitLine } = require('@bindlab/bench-js/lifetime/support.js');
const { parseOptions } = require('../lib/options.js');
const { measuresTable, formatMeasure, labSummary, controlLines } = require('../lib/report/lifetime-tables.js');
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

/** A control of napi/sync with JS-side finalization off, agreeing within 0.05 (and 10 % of the peak). */
const CONTROL = { of: 'napi/sync', reduce: { trackEvery: 0 }, says: 'untracked', within: { reclaimed: { abs: 0.05 }, peak: { rel: 0.1 } } };

test('a control agrees when every headline measure is within its bound of the control run, and fails loudly otherwise', () => {
  const agree = judgeControl(CONTROL, { 'napi/sync': { reclaimed: 0.9, peak: 1000 }, 'napi/sync/control': { reclaimed: 0.93, peak: 1080 } });
  assert.equal(agree.agrees, true);
  assert.deepEqual(agree.checks.map((c) => c.allowed), [0.05, 108]);
  assert.match(describeControl(agree), /^control agrees: napi\/sync against napi\/sync\/control, untracked — reclaimed 0\.900 vs 0\.930 \(±0\.0500\)/);
  // The observer effect the lab once had: every object registered, nothing reclaimed; the control reclaims 90 %.
  const disturbed = judgeControl(CONTROL, { 'napi/sync': { reclaimed: 0, peak: 1000 }, 'napi/sync/control': { reclaimed: 0.9, peak: 1000 } });
  assert.equal(disturbed.agrees, false);
  assert.deepEqual(disturbed.checks.map((c) => c.agrees), [false, true]);
  assert.match(describeControl(disturbed), /^CONTROL DISAGREES: .*reclaimed 0 vs 0\.900 \(±0\.0500\) ✗/);
});

test('a control measure null in both runs agrees (neither reached it), in one only disagrees; a failed run leaves the control not measured', () => {
  const both = judgeControl(CONTROL, { 'napi/sync': { reclaimed: null, peak: 1 }, 'napi/sync/control': { reclaimed: null, peak: 1 } });
  assert.equal(both.agrees, true);
  const one = judgeControl(CONTROL, { 'napi/sync': { reclaimed: 0.5, peak: 1 }, 'napi/sync/control': { reclaimed: null, peak: 1 } });
  assert.equal(one.agrees, false);
  const failed = judgeControl(CONTROL, { 'napi/sync': { reclaimed: 0.5, peak: 1 }, 'napi/sync/control': null });
  assert.equal(failed.agrees, null);
  assert.match(describeControl(failed), /^CONTROL NOT MEASURED/);
});

test('a control run is its run with the reductions over the (quick) parameters; a control of an unknown run is refused', () => {
  const experiment = { id: 'x', tiny: { count: 4, trackEvery: 7 }, runs: [{ binding: 'napi', variant: 'sync', params: { count: 100, trackEvery: 10 } }], controls: [CONTROL] };
  const [run] = controlRuns(experiment);
  assert.deepEqual([run.variant, run.controlOf], ['sync/control', 'napi/sync']);
  assert.deepEqual(paramsOf(experiment, run, false), { count: 100, trackEvery: 0 });
  assert.deepEqual(paramsOf(experiment, run, true), { count: 4, trackEvery: 0 });
  assert.deepEqual(paramsOf(experiment, experiment.runs[0], true), { count: 4, trackEvery: 7 });
  assert.throws(() => controlRuns({ ...experiment, controls: [{ ...CONTROL, of: 'wasm/nope' }] }), /x: control of unknown run wasm\/nope/);
});

test('quick mode does not judge a rule that needs the default sizes (their GC pressure)', () => {
  const rule = { says: 'reclaims', left: 'napi/sync.reclaimedInLoop', op: '<=', right: 0.01, needsDefaultSizes: true };
  assert.equal(verdictOf(rule, MEASURES).holds, true);
  const quick = verdictOf(rule, MEASURES, { shrunk: true });
  assert.equal(quick.holds, null);
  assert.match(describeVerdict(quick), /^NOT MEASURED IN QUICK MODE: reclaims/);
  assert.equal(verdictOf({ ...rule, needsDefaultSizes: undefined }, MEASURES, { shrunk: true }).holds, true);
});

test('the sampler registers one object in trackEvery for JS-side finalization, none by default', () => {
  const objects = Array.from({ length: 1000 }, () => ({}));
  const counts = [100, 1, 0].map((trackEvery) => {
    const sampler = createSampler({}, { trackEvery });
    for (const o of objects) sampler.track(o);
    const tracked = sampler.read().jsTracked;
    sampler.finish();
    return tracked;
  });
  assert.deepEqual(counts, [10, 1000, 0]);
});

test('the least-squares line of pinned bytes against slots: 48 + 8 per slot for arrays of holes', () => {
  assert.deepEqual(fitLine([[1, 56], [4, 80], [16, 176], [64, 560]]), { intercept: 48, slope: 8 });
  assert.equal(fitLine([[16, 176], [16, 180]]), null);
});

/** A results document with a synthetic lifetime section and one reproduction. */
function labDoc() {
  const series = [0, 10, 20].map((t, i) => ({ t, rss: 1e6 * (i + 1), heapUsed: null, label: 'loop' }));
  const run = (name, measures, error = null) => ({ name, binding: name.split('/')[0], variant: name.split('/')[1], params: {}, ms: 5, measures, series, error });
  return {
    ...makeDoc(),
    lifetime: {
      version: 2,
      tiny: false,
      experiments: [{
        id: 'owned-objects', title: 'Owned', question: 'When?', instruments: 'a drop counter', scenario: 'owned', sampled: ['rss', 'heapUsed'],
        runs: [run('napi/sync', { peakRssGrowth: 3 * 2 ** 20, msToReclaim: 12.5, reclaimedInLoop: 0 }), run('wasm/sync', null, 'exited with 1: boom'),
          run('napi/sync/control', { peakRssGrowth: 3 * 2 ** 20, msToReclaim: 12.5, reclaimedInLoop: 0.5 })],
        controls: [judgeControl({ of: 'napi/sync', reduce: { trackEvery: 0 }, says: 'untracked', within: { reclaimedInLoop: { abs: 0.05 } } },
          { 'napi/sync': { reclaimedInLoop: 0 }, 'napi/sync/control': { reclaimedInLoop: 0.5 } })],
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
  assert.match(md, /- Instruments: a drop counter\./);
  assert.match(md, /- CONTROL DISAGREES: napi\/sync against napi\/sync\/control, untracked/);
  assert.match(md, /\| measure \| napi\/sync \| wasm\/sync \| napi\/sync\/control \|/, 'the control run is a column of the measures table');
  assert.match(terminalReport(doc), /1 experiments, 1 verdict rules: 1 hold, 0 do not hold, 0 not measured; 1 controls: 0 agree, 1 DO NOT/);
  assert.match(terminalReport(doc), /CONTROL DISAGREES/);
  const charts = experimentCharts(doc.lifetime.experiments[0]);
  assert.deepEqual(charts.map((c) => c.title), ['owned-objects: rss'], 'a field no run sampled gets no chart');
  assert.equal(charts[0].spec.data.values.length, 9, 'every run of the experiment, control runs included');
  assert.match(htmlReport(doc), /owned-objects: rss over time/);
  assert.match(htmlReport(doc), /CONTROL DISAGREES/);
  assert.equal(labSummary(doc.lifetime), '1 experiments, 1 verdict rules: 1 hold, 0 do not hold, 0 not measured; '
    + '1 controls: 0 agree, 1 DO NOT — the instruments changed what they measure');
  assert.deepEqual(controlLines(doc.lifetime.experiments[0]).length, 2);
});

test('the lab fails (non-zero exit) when a control disagrees, even when every run ran', () => {
  const doc = labDoc();
  doc.lifetime.experiments[0].runs = doc.lifetime.experiments[0].runs.filter((r) => !r.error);
  assert.equal(failedControls(doc.lifetime).length, 1);
  assert.equal(labFailed(doc), true);
  doc.lifetime.experiments[0].controls[0].agrees = true;
  assert.equal(labFailed(doc), false);
});

test('measures are formatted by kind: bytes, milliseconds, shares', () => {
  assert.equal(formatMeasure('peakRssGrowth', 3 * 2 ** 20), '3.0 MiB');
  assert.equal(formatMeasure('heldSlots@10', 10), '10');
  assert.equal(formatMeasure('holdAndReleaseMs@10', 0.125), '0.13 ms');
  assert.equal(formatMeasure('reclaimedInLoop', 0.86865), '0.869');
  assert.equal(formatMeasure('bytesPerValueAtPeak', 176.1), '176');
  const table = measuresTable(labDoc().lifetime.experiments[0]);
  assert.deepEqual(table.header, ['measure', 'napi/sync', 'wasm/sync', 'napi/sync/control']);
  assert.deepEqual(table.rows[0], ['peakRssGrowth', '3.0 MiB', 'ERROR', '3.0 MiB']);
});
