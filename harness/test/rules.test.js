// The one rule engine of the lifetime lab and the reproductions, on injected measurements:
// comparisons with their uncertainty (holds, does not hold, within noise), keys checked
// against what a case declares when it loads, the measures a measure() returns checked
// against its declaration, and the runtime needs a case may state.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const registry = require('@bindlab/bench-js');
const { compare, judge, judgeRule, checkKeys, checkMeasures, declares, uncertaintyOf, describeVerdict, RuleKeyError } = require('../lib/rules.js');
const { selectCases, checkExperiment, verdictOf } = require('../lib/lifetime/lab.js');
const { checkClaim } = require('../lib/repro/judge.js');
const { checkNeeds, lackingReason } = require('../lib/child-capabilities.js');

test('a comparison holds, fails or is within noise by where ±u puts the difference', () => {
  assert.equal(compare('>', 0.71, 0.5, 0.1), 'holds');
  assert.equal(compare('>', 0.55, 0.5, 0.1), 'within noise');
  assert.equal(compare('>', 0.35, 0.5, 0.1), 'does not hold');
  assert.equal(compare('<=', 0.35, 0.5, 0.1), 'holds');
  assert.equal(compare('<=', 0.45, 0.5, 0.1), 'within noise');
  assert.equal(compare('<=', 0.61, 0.5, 0.1), 'does not hold');
  assert.equal(compare('>=', 3, 3, 0), 'holds', 'exact values on the boundary: the plain comparison');
  assert.equal(compare('<', 3, 3, 0), 'does not hold');
  assert.equal(compare('==', 1, 1, 0), 'holds');
  assert.equal(compare('==', 0, 1, 0), 'does not hold');
  assert.equal(compare('!=', 1.05, 1, 0.1), 'within noise');
  assert.equal(compare('!=', 2, 1, 0.1), 'holds');
  assert.throws(() => compare('~', 1, 1, 0), /unknown operator ~/);
});

test('a rule\'s uncertainty combines both sides\' (root sum of squares, the right one scaled by times)', () => {
  const measures = { 'napi/a': { peak: 100 }, 'napi/b': { peak: 200 } };
  const v = judge({ says: 'x', left: 'napi/a.peak', op: '<=', right: 'napi/b.peak', times: 0.8 }, measures, { peak: { rel: 0.4 } });
  assert.equal(v.rightValue, 160);
  assert.ok(Math.abs(v.uncertainty - Math.hypot(40, 0.8 * 80)) < 1e-9);
  assert.equal(v.verdict, 'within noise');
  assert.equal(v.holds, null);
  assert.match(describeVerdict(v), /^WITHIN NOISE: x \(napi\/a\.peak = 100 <= 160 ± 75\.5\)$/);
  const exact = judge({ says: 'x', left: 'napi/a.peak', op: '<=', right: 'napi/b.peak', times: 0.8 }, measures);
  assert.deepEqual([exact.uncertainty, exact.verdict, exact.holds], [0, 'holds', true]);
});

test('noise is found by run.measure, then by measure, then by family (x@ for every x@<size>)', () => {
  const measures = { 'napi/sync': { share: 0 }, 'napi/yield': { share: 0.6, 'bytes@16': 10 } };
  const noise = { 'napi/yield.share': { abs: 0.12 }, share: { abs: 0.01 }, 'bytes@': { abs: 2.5 } };
  const lookup = (rule) => judge(rule, measures, noise).uncertainty;
  assert.equal(lookup({ says: '', left: 'napi/yield.share', op: '>', right: 0.5 }), 0.12);
  assert.equal(lookup({ says: '', left: 'napi/sync.share', op: '<=', right: 0.01 }), 0.01);
  assert.equal(lookup({ says: '', left: 'napi/yield.bytes@16', op: '<', right: 16 }), 2.5);
  assert.equal(uncertaintyOf({ abs: 1, rel: 0.1 }, 50), 5);
  assert.equal(uncertaintyOf(undefined, 50), 0);
});

test('a rule over a value nobody measured is "not measured" whatever its noise', () => {
  const v = judgeRule({ says: 'gone', left: 'x', op: '>', right: 1 }, () => undefined);
  assert.deepEqual([v.verdict, v.holds, v.uncertainty], ['not measured', null, null]);
});

test('quick-run verdicts are marked indicative; one over a run not measurable in its runtime says so with the reason', () => {
  const rule = { says: 'kept', left: 'napi/held.kept', op: '==', right: 1 };
  const measures = { 'napi/held': { kept: 1 } };
  assert.equal(verdictOf(rule, measures).indicative, undefined);
  const quick = verdictOf(rule, measures, { tiny: true });
  assert.deepEqual([quick.holds, quick.indicative], [true, true]);
  assert.match(describeVerdict(quick), /^holds \(indicative: quick run\): kept/);
  const there = verdictOf(rule, { 'napi/held': null }, { unmeasurable: { 'napi/held': 'no forced full GC' } });
  assert.deepEqual([there.holds, there.verdict, there.unmeasurable], [null, 'not measurable here', 'no forced full GC']);
  assert.match(describeVerdict(there), /^NOT MEASURABLE HERE \(no forced full GC\): kept/);
});

/** A small, valid lifetime case to break one key at a time. */
const CASE = {
  id: 'demo',
  needs: ['forcedGc'],
  measures: ['share', 'calls@'],
  units: { 'calls@': null },
  noise: { share: { abs: 0.1 } },
  tiny: {},
  runs: [{ binding: 'napi', variant: 'a', params: {} }],
  controls: [{ of: 'napi/a', reduce: {}, says: 'reduced', within: { share: { abs: 0 } } }],
  rules: [{ says: 'some', left: 'napi/a.share', op: '>', right: 'napi/a/control.calls@10' }],
  measure: async () => ({}),
};

test('a case whose rules, controls or noise name an undeclared measure or an unknown run is refused when it loads', () => {
  assert.equal(checkExperiment(CASE), CASE);
  const broken = (change) => () => checkExperiment({ ...CASE, ...change });
  assert.throws(broken({ rules: [{ says: 'typo', left: 'napi/a.shar', op: '>', right: 0 }] }), (e) => e instanceof RuleKeyError && /demo: rule "typo" reads "shar", which the case does not declare/.test(e.message));
  assert.throws(broken({ rules: [{ says: 'run', left: 'wasm/a.share', op: '>', right: 0 }] }), /demo: rule "run" reads "wasm\/a\.share".*declared: napi\/a, napi\/a\/control/);
  assert.throws(broken({ rules: [{ says: 'family', left: 'napi/a.share@1', op: '>', right: 0 }] }), /reads "share@1"/);
  assert.throws(broken({ controls: [{ ...CASE.controls[0], within: { peak: { abs: 0 } } }] }), /the control of napi\/a reads "peak"/);
  assert.throws(broken({ controls: [{ ...CASE.controls[0], of: 'napi/b' }] }), /demo: control of unknown run napi\/b/);
  assert.throws(broken({ noise: { sahre: { abs: 1 } } }), /its noise reads "sahre"/);
  assert.throws(broken({ units: { peak: 'B' } }), /its units reads "peak"/);
  assert.throws(broken({ needs: ['telepathy'] }), /demo: unknown need telepathy/);
  assert.throws(() => selectCases([{ ...CASE, rules: [{ says: 'typo', left: 'napi/a.x', op: '>', right: 0 }] }], null), RuleKeyError);
});

test('a claim reads only evidence its experiment (or its timing) declares, and has exactly one of the two', () => {
  const claim = { id: 'c', experiment: { needs: [], measures: ['calls'] }, confirmIf: [{ says: 'three', left: 'calls', op: '==', right: 3 }], refuteIf: [] };
  assert.equal(checkClaim(claim), claim);
  assert.throws(() => checkClaim({ ...claim, refuteIf: [{ says: 'typo', left: 'cals', op: '>', right: 3 }] }), /c: rule "typo" reads "cals"/);
  assert.throws(() => checkClaim({ ...claim, timing: {} }), /either an experiment or a timing/);
  assert.throws(() => checkClaim({ ...claim, experiment: undefined, measures: ['ratio'] }), /either an experiment or a timing/);
});

test('every registered lifetime case and repro claim passes the load-time checks', () => {
  assert.equal(selectCases(registry.lifetime, null).length, registry.lifetime.length);
  for (const claim of registry.repro) checkClaim(claim);
  assert.deepEqual(registry.lifetime.map((c) => c.id), ['owned-objects', 'big-handle', 'held-by-rust', 'handle-scope', 'leaks', 'misuse']);
  assert.equal(registry.bench.length, 3);
});

test('what a measure() returns must be exactly what its case declares', () => {
  assert.equal(declares(['calls@'], 'calls@1000'), true);
  assert.equal(declares(['calls@'], 'calls'), false);
  checkMeasures('demo', ['share', 'calls@'], { share: 1, 'calls@1': 3, 'calls@10': 21 });
  assert.throws(() => checkMeasures('demo', ['share'], { share: 1, extra: 2 }), /demo: measure\(\) returned extra, which the case does not declare/);
  assert.throws(() => checkMeasures('demo', ['share', 'peak'], { share: 1 }), /demo: measure\(\) did not return peak, which the case declares/);
  assert.throws(() => checkKeys('demo', [['x', 'nope']], null, ['share']), RuleKeyError);
});

test('a runtime need is probed in the process: a forced GC, GC notifications; its absence gives the reason', () => {
  assert.throws(() => checkNeeds('demo', ['forcedGc', 'x']), /unknown need x/);
  assert.equal(lackingReason(['forcedGc', 'gcEvents', 'minorGc', 'v8Heap']), null, 'node --expose-gc has them all');
  const bun = { process: { versions: { bun: '1.4.5' } }, PerformanceObserver: { supportedEntryTypes: ['mark', 'measure'] } };
  assert.equal(lackingReason(['forcedGc', 'minorGc', 'gcEvents'], bun), 'no forced full GC (globalThis.gc, which --expose-gc gives V8); '
    + "no forced scavenge (V8's gc({ type: 'minor' })); no GC notifications (PerformanceObserver 'gc' entries)");
  assert.match(lackingReason(['v8Heap'], bun), /^no V8 heap/);
  assert.equal(lackingReason(['minorGc'], { ...bun, gc: () => {} }), "no forced scavenge (V8's gc({ type: 'minor' }))", 'a gc() on Bun is no scavenge');
});
