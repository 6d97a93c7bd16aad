// A tiny version of every lifetime experiment on both bindings, in this process (the test
// runner has --expose-gc): each run and control run yields every measure its case's verdict
// rules and controls name; a forced scavenge against a FinalizationRegistry; then the real
// path — child processes, verdicts, controls, reproductions — on a small selection.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const cases = require('@bindlab/bench-js/lifetime/index.js');
const claims = require('@bindlab/bench-js/repro/index.js');
const scenarios = require('../harness/lib/lifetime/scenarios/index.js');
const { createSampler } = require('../harness/lib/lifetime/sampler.js');
const { runLab, paramsOf } = require('../harness/lib/lifetime/lab.js');
const { controlRuns } = require('../harness/lib/lifetime/controls.js');
const { runRepro } = require('../harness/lib/repro/command.js');
const { resolveRuntime } = require('../harness/lib/runtimes.js');

const { LABS: impls } = require('./bindings.js');

/** Even smaller than a case's tiny parameters, to keep `npm test` quick: by experiment, the parameters it overrides. */
const SMALLER = {
  'owned-objects': { count: 400, settleMs: 150 },
  'handle-scope': { count: 2000 },
  leaks: { ticks: 16, warmupTicks: 4, tickMs: 1 },
};

for (const experiment of cases) {
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
      const impl = impls[run.binding];
      const measures = await scenarios[experiment.scenario](impl, createSampler(impl, { trackEvery: params.trackEvery }), params);
      for (const path of paths.filter((p) => p.startsWith(`${run.binding}/${run.variant}.`))) {
        const measure = path.slice(path.lastIndexOf('.') + 1);
        assert.ok(measure in measures, `${experiment.id} ${run.binding}/${run.variant} lacks ${measure}`);
      }
    }
  });
}

test('gc({ type: "minor" }) on napi: a scavenge frees unregistered Tracked values, one registered in a FinalizationRegistry survives it', async () => {
  const napi = impls.napi;
  const registry = new FinalizationRegistry(() => {});
  napi.gc();
  const before = napi.trackedTally().dropped;
  const registered = (() => {
    for (let i = 0; i < 1000; i++) new napi.Tracked(64);
    const kept = new napi.Tracked(64);
    registry.register(kept, null);
    return new WeakRef(kept);
  })();
  napi.gc({ type: 'minor' });
  // Node-API finalizers run on a later turn of the event loop: turn it a bounded number of times.
  for (let turn = 0; turn < 100 && napi.trackedTally().dropped - before < 1000; turn++) await new Promise(setImmediate);
  assert.equal(napi.trackedTally().dropped - before, 1000, 'every unregistered value, and not the registered one');
  assert.ok(registered.deref() !== undefined);
  assert.throws(() => napi.gc({ type: 'full' }), /^TypeError: gc\(options\): options.type must be 'major' or 'minor', got the string "full"$/);
});

test('the lab runs in child processes and judges its rules (misuse, tiny)', async () => {
  const misuse = cases.filter((c) => c.id === 'misuse');
  const { experiments: [result] } = await runLab({ cases: misuse, runtime: resolveRuntime('node'), tiny: true });
  assert.deepEqual(result.runs.map((r) => [r.name, r.error]), [['napi/probes', null], ['wasm/probes', null], ['napi/probes/control', null], ['wasm/probes/control', null]]);
  assert.deepEqual(result.controls.map((c) => c.agrees), [true, true]);
  const survived = result.verdicts.filter((v) => v.says.includes('survives'));
  assert.deepEqual(survived.map((v) => v.holds), [true, true]);
  const sampled = result.runs.map((r) => r.series.length >= 2);
  assert.deepEqual(sampled, [true, true, false, false], 'each run sampled at least its start and end; its control, without readings, none');
});

test('a child that fails is reported as not run, and its rules as not measured', async () => {
  const broken = [{ ...cases.find((c) => c.id === 'misuse'), scenario: 'noSuchScenario' }];
  const { experiments: [result] } = await runLab({ cases: broken, runtime: resolveRuntime('node'), tiny: true });
  assert.match(result.runs[0].error, /exited with 1: Error: unknown scenario noSuchScenario/);
  assert.ok(result.verdicts.every((v) => v.holds === null));
});

test('repro: the two-phase reference costs 3 Node-API calls at every clone count, hand counting 2n+1', async () => {
  const claim = claims.find((c) => c.id === 'seed003.two-phase-three-calls');
  const { claims: [result] } = await runRepro({ claims: [{ ...claim, params: { holderCounts: [1, 10] } }], runtime: resolveRuntime('node') });
  assert.equal(result.error, null);
  assert.deepEqual(result.evidence['two-phase calls'], { 1: 3, 10: 3 });
  assert.deepEqual(result.evidence['counted calls'], { 1: 3, 10: 21 });
  assert.equal(result.outcome, 'confirmed');
});
