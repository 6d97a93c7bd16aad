// A tiny version of every lifetime experiment on both bindings, in this process (the test
// runner has --expose-gc): each run yields every measure its case's verdict rules name;
// then the real path — child processes, verdicts, reproductions — on a small selection.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const cases = require('@bindlab/bench-js/lifetime/index.js');
const claims = require('@bindlab/bench-js/repro/index.js');
const scenarios = require('../harness/lib/lifetime/scenarios/index.js');
const { createSampler } = require('../harness/lib/lifetime/sampler.js');
const { runLab } = require('../harness/lib/lifetime/lab.js');
const { runRepro } = require('../harness/lib/repro/command.js');
const { resolveRuntime } = require('../harness/lib/runtimes.js');

const impls = { napi: require('@bindlab/napi'), wasm: require('@bindlab/wasm') };

/** Even smaller than a case's tiny parameters, to keep `npm test` quick. */
const SMALLER = { settleMs: 150, ticks: 16, warmupTicks: 4, tickMs: 1 };

for (const experiment of cases) {
  test(`lifetime ${experiment.id}: a tiny run of each variant measures what its rules read`, async () => {
    const names = (side) => experiment.rules.map((r) => r[side]).filter((p) => typeof p === 'string');
    for (const run of experiment.runs) {
      const params = { ...run.params, ...experiment.tiny };
      for (const key of Object.keys(SMALLER)) if (key in params) params[key] = SMALLER[key];
      const measures = await scenarios[experiment.scenario](impls[run.binding], createSampler(impls[run.binding]), params);
      for (const path of [...names('left'), ...names('right')].filter((p) => p.startsWith(`${run.binding}/${run.variant}.`))) {
        const measure = path.slice(path.lastIndexOf('.') + 1);
        assert.ok(measure in measures, `${experiment.id} ${run.binding}/${run.variant} lacks ${measure}`);
      }
    }
  });
}

test('the lab runs in child processes and judges its rules (misuse, tiny)', async () => {
  const misuse = cases.filter((c) => c.id === 'misuse');
  const { experiments: [result] } = await runLab({ cases: misuse, runtime: resolveRuntime('node'), tiny: true });
  assert.deepEqual(result.runs.map((r) => r.error), [null, null]);
  const survived = result.verdicts.filter((v) => v.says.includes('survives'));
  assert.deepEqual(survived.map((v) => v.holds), [true, true]);
  assert.ok(result.runs.every((r) => r.series.length >= 2), 'each run sampled at least its start and end');
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
