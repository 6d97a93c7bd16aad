// The lifetime experiments and reproductions for real, on both bindings: a tiny version of
// every experiment in this process (the test runner has --expose-gc), each run and control
// run returning exactly the measures its case declares and every measure its rules and
// controls read; then the child-process path — verdicts, controls, a failed child, a runtime
// without what a case needs, a reproduction — on a small selection.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const registry = require('@bindlab/bench-js');
const { createSampler } = require('../lib/lifetime/sampler.js');
const { runLab, paramsOf } = require('../lib/lifetime/lab.js');
const { controlRuns } = require('../lib/lifetime/controls.js');
const { labFailed } = require('../lib/lifetime/command.js');
const { runRepro } = require('../lib/repro/command.js');
const { runChild } = require('../lib/child-runner.js');
const { checkMeasures, describeVerdict } = require('../lib/rules.js');
const { resolveRuntime } = require('../lib/runtimes.js');
const { loadImplementation } = require('../lib/implementations.js');

const NODE = resolveRuntime('node');

/** Even smaller than a case's tiny parameters, to keep the tests quick: by experiment, the parameters it overrides. */
const SMALLER = {
  'owned-objects': { count: 400, settleMs: 150 },
  'handle-scope': { count: 2000 },
  leaks: { ticks: 16, warmupTicks: 4, tickMs: 1 },
};

for (const experiment of registry.lifetime) {
  test(`lifetime ${experiment.id}: a tiny run of each variant and control measures what its rules and controls read`, async () => {
    assert.ok(experiment.instruments, `${experiment.id} states what its instruments touch`);
    assert.ok(experiment.controls.length > 0, `${experiment.id} has a control`);
    const paths = experiment.rules.flatMap((r) => [r.left, r.right]).filter((p) => typeof p === 'string');
    for (const control of experiment.controls) {
      for (const measure of Object.keys(control.within)) paths.push(`${control.of}.${measure}`, `${control.of}/control.${measure}`);
    }
    for (const run of [...experiment.runs, ...controlRuns(experiment)]) {
      const params = paramsOf(experiment, run, true);
      Object.assign(params, SMALLER[experiment.id]);
      const impl = loadImplementation(run.binding, require);
      const measures = await experiment.measure(impl, createSampler(impl, { trackEvery: params.trackEvery }), params);
      checkMeasures(experiment.id, experiment.measures, measures);
      for (const path of paths.filter((p) => p.startsWith(`${run.binding}/${run.variant}.`))) {
        const measure = path.slice(path.lastIndexOf('.') + 1);
        assert.ok(measure in measures, `${experiment.id} ${run.binding}/${run.variant} lacks ${measure}`);
      }
    }
  });
}

const misuse = registry.lifetime.filter((c) => c.id === 'misuse');

test('the lab runs in child processes and judges its rules (misuse, tiny)', async () => {
  const { experiments: [result] } = await runLab({ cases: misuse, runtimes: [NODE], tiny: true });
  assert.equal(result.runtime, 'node');
  assert.equal(result.units, misuse[0].units, 'the units its case declares, for the report');
  assert.deepEqual(result.runs.map((r) => [r.name, r.error]), [['napi/probes', null], ['wasm/probes', null], ['napi/probes/control', null], ['wasm/probes/control', null]]);
  assert.deepEqual(result.controls.map((c) => c.agrees), [true, true]);
  const survived = result.verdicts.filter((v) => v.says.includes('survives'));
  assert.deepEqual(survived.map((v) => v.holds), [true, true]);
  assert.ok(result.verdicts.every((v) => v.indicative === true), 'a quick run gives indicative verdicts');
  const sampled = result.runs.map((r) => r.series.length >= 2);
  assert.deepEqual(sampled, [true, true, false, false], 'each run sampled at least its start and end; its control, without readings, none');
});

test('a child that fails is reported as not run, and its rules as not measured', async () => {
  const broken = [{ ...misuse[0], id: 'no-such-experiment' }];
  const { experiments: [result] } = await runLab({ cases: broken, runtimes: [NODE], tiny: true });
  assert.match(result.runs[0].error, /exited with 1: Error: unknown lifetime experiment no-such-experiment/);
  assert.ok(result.verdicts.every((v) => v.holds === null));
});

test('a runtime without what a case needs (here a forced GC) reports its runs "not measurable here" with the reason, never a verdict, and does not fail the lab', async () => {
  const withoutGc = { name: 'node-without-expose-gc', command: process.execPath, args: (script, input) => [script, input] };
  const { experiments: [result] } = await runLab({ cases: misuse, runtimes: [withoutGc], tiny: false });
  assert.deepEqual(result.runs.map((r) => [r.error, r.measures]), result.runs.map(() => [null, null]));
  assert.ok(result.runs.every((r) => /no forced full GC/.test(r.unmeasurable)));
  assert.ok(result.verdicts.every((v) => v.holds === null && v.verdict === 'not measurable here'));
  assert.match(describeVerdict(result.verdicts[0]), /^NOT MEASURABLE HERE \(no forced full GC .*\): napi: every misuse/);
  assert.ok(result.controls.every((c) => c.agrees === null && c.unmeasurable));
  assert.equal(labFailed({ lifetime: { experiments: [result] } }), false);
});

test('a runtime that starts no child process (a browser page) is not measurable, without starting anything', async () => {
  const answer = await runChild({ name: 'chromium', kind: 'chromium' }, { kind: 'lifetime', id: 'misuse', binding: 'wasm', params: {} });
  assert.deepEqual(Object.keys(answer), ['unmeasurable']);
  assert.match(answer.unmeasurable, /^chromium starts no child process/);
});

test('repro: the two-phase reference costs 3 Node-API calls at every clone count, hand counting 2n+1', async () => {
  const claim = registry.repro.find((c) => c.id === 'seed003.two-phase-three-calls');
  const { claims: [result] } = await runRepro({ claims: [{ ...claim, params: { holderCounts: [1, 10] } }], runtimes: [NODE] });
  assert.equal(result.error, null);
  assert.equal(result.runtime, 'node');
  assert.deepEqual(result.evidence['two-phase calls'], { 1: 3, 10: 3 });
  assert.deepEqual(result.evidence['counted calls'], { 1: 3, 10: 21 });
  assert.equal(result.outcome, 'confirmed');
});
