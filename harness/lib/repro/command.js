// `npm run repro`: every claim of the seed posts (bench-js/repro/) run as a named
// experiment in its own --expose-gc child process, judged confirmed / refuted / differs
// from the measured evidence; the `repro` section of results.json (see harness/SCHEMA.md).
'use strict';

const path = require('node:path');
const { runChild } = require('../lifetime/runner.js');
const { outcomeOf } = require('./judge.js');

/** The version of the `repro` section's layout. */
const REPRO_VERSION = 1;
const CHILD = path.join(__dirname, 'child.js');
const TIMEOUT_MS = 120_000;

/** Runs each claim; `onClaim(result)` sees each as it finishes. Resolves with the `repro` section. */
async function runRepro({ claims, runtime }, onClaim = () => {}) {
  const results = [];
  for (const claim of claims) {
    const started = Date.now();
    const answer = await runChild(runtime, CHILD, { binding: claim.binding, experiment: claim.experiment, params: claim.params }, TIMEOUT_MS);
    const judged = answer.error ? { outcome: 'could not run', rules: [] } : outcomeOf(claim, answer.evidence);
    const result = {
      id: claim.id,
      seed: claim.seed,
      claim: claim.claim,
      binding: claim.binding,
      experiment: claim.experiment,
      params: claim.params,
      ms: Date.now() - started,
      outcome: judged.outcome,
      rules: judged.rules,
      evidence: answer.evidence ?? null,
      error: answer.error ?? null,
    };
    results.push(result);
    onClaim(result);
  }
  return { version: REPRO_VERSION, claims: results };
}

module.exports = { runRepro, REPRO_VERSION };
