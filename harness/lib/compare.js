// Compares a run with a saved results.json, runtime by runtime and case by case, calling a
// change real only when it exceeds the noise of both runs; refuses runs from different
// machines, or whose runtimes of the same name differ in version.
'use strict';

const { noise, MIN_CHANGE, within, differenceThreshold } = require('./stats.js');
const { cellKey } = require('./results.js');
const { answerOf } = require('./verdict.js');

/** Rows whose baseline median is under this many ns are the ns-scale ones `reproducibility` sums up. */
const NS_SCALE = 1000;

/**
 * How well a rerun reproduced the ns-scale medians: of the rows whose baseline median is under
 * NS_SCALE, how many changed by at most MIN_CHANGE (either way), whatever their noise.
 * `{ below, tolerance, compared, within, share }` (share is null when no row is ns-scale).
 */
function reproducibility(rows) {
  const small = rows.filter((r) => r.before < NS_SCALE);
  const reproduced = small.filter((r) => within(r.before, r.after, MIN_CHANGE)).length;
  return { below: NS_SCALE, tolerance: MIN_CHANGE, compared: small.length, within: reproduced, share: small.length ? reproduced / small.length : null };
}

/** An environment's runtimes by name (a record from before several runtimes: its one runtime). */
function runtimesOf(environment) {
  return environment.runtimes ?? { [environment.runtime.name]: environment.runtime };
}

/**
 * The reasons two environments' timings cannot be compared (empty when they can): another
 * CPU, another core count, a runtime of the same name at another version, or no runtime in
 * common. Runtimes only one side has are simply not compared.
 */
function incomparabilities(before, after) {
  const reasons = [];
  const differ = (what, a, b) => {
    if (a !== b) reasons.push(`${what} differs: ${a} (baseline) vs ${b} (this run)`);
  };
  differ('CPU model', before.machine.cpu.model, after.machine.cpu.model);
  differ('CPU count', before.machine.cpu.cores, after.machine.cpu.cores);
  const [was, now] = [runtimesOf(before), runtimesOf(after)];
  const shared = Object.keys(now).filter((name) => name in was);
  for (const name of shared) differ('runtime', `${was[name].name} ${was[name].version}`, `${now[name].name} ${now[name].version}`);
  if (shared.length === 0) reasons.push(`no runtime in common: ${Object.keys(was).join(', ')} (baseline) vs ${Object.keys(now).join(', ')} (this run)`);
  return reasons;
}

/** The change threshold for two results (stats.differenceThreshold of their noises). */
function threshold(before, after) {
  return differenceThreshold(noise(before), noise(after));
}

/**
 * The choosing answers of both documents side by side, for every (runtime, group, pair) both
 * answered: `[{ runtime, group, a, b, before, after }]`, each answer a winner or "inconclusive".
 */
function compareAnswers(baseline, current) {
  const key = (v) => `${v.runtime ?? ''}\0${v.group}\0${v.a}\0${v.b}`;
  const old = new Map((baseline.choosing ?? []).filter(answerOf).map((v) => [key(v), v]));
  return (current.choosing ?? []).filter((v) => answerOf(v) && old.has(key(v)))
    .map((v) => ({ runtime: v.runtime, group: v.group, a: v.a, b: v.b, before: answerOf(old.get(key(v))), after: answerOf(v) }));
}

/**
 * Compares the medians of every (runtime, case, implementation) present in both documents:
 * `{ baseline: { createdAt, commit }, rows: [{ runtime, case, impl, before, after, change, threshold,
 * verdict }], counts, reproducibility, unmatched }`. `change` is after/before − 1; `verdict`
 * is 'faster', 'slower' or 'same' (|change| within the threshold); `reproducibility` is
 * described above; `unmatched` counts rows present in only one of the documents; `answers`
 * are compareAnswers'.
 */
function compareResults(baseline, current) {
  const key = (r) => cellKey(r.runtime, r.impl, r.case);
  const old = new Map(baseline.results.map((r) => [key(r), r]));
  const rows = current.results.filter((r) => old.has(key(r))).map((r) => {
    const was = old.get(key(r));
    const change = r.stats.p50 / was.stats.p50 - 1;
    const limit = threshold(was.stats, r.stats);
    const verdict = within(was.stats.p50, r.stats.p50, limit) ? 'same' : change < 0 ? 'faster' : 'slower';
    return { runtime: r.runtime, case: r.case, impl: r.impl, before: was.stats.p50, after: r.stats.p50, change, threshold: limit, verdict };
  });
  const counts = { faster: 0, slower: 0, same: 0 };
  for (const row of rows) counts[row.verdict]++;
  return {
    baseline: { createdAt: baseline.createdAt, commit: baseline.environment.git.commit },
    rows,
    counts,
    reproducibility: reproducibility(rows),
    unmatched: baseline.results.length + current.results.length - 2 * rows.length,
    answers: compareAnswers(baseline, current),
  };
}

module.exports = { MIN_CHANGE, NS_SCALE, incomparabilities, threshold, compareResults };
