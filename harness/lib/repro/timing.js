// The evidence of a timed claim (`timing: { key: { group, id } }`, two bench rows of one
// group of bench-js/), measured by the harness's own timing: `repeat` worker processes
// (harness/lib/runner.js + worker.mjs), each timing both rows as the bench does, and each
// row's fastest median over the processes kept, as the default bench run does
// (stats.combineRepeats). The ratio of the two rows is taken in each process — both rows
// there ran under the same load — and a claim is decided by counting the processes whose
// ratio lies beyond the measured noise of the ratio (MARGIN) on either side (a sign test: 7 of 8 happen by chance 3.5 % of
// the time), so that a process disturbed by load moves a count by one, not the verdict.
'use strict';

const { runMatrix } = require('../runner.js');
const { loadCases, caseId } = require('../cases.js');
const { combineRepeats, median, MIN_CHANGE } = require('../stats.js');

/**
 * The case id of the bench row `{ group, id }` (the row's stable key, as in bench-js; the case
 * id itself comes from cases.js). Throws when bench-js has no such row.
 */
function timedCase(claimId, { group, id }) {
  const wanted = caseId(group, id);
  if (!loadCases().some((c) => c.id === wanted)) throw new Error(`${claimId}: times the bench row "${id}" of group "${group}", which bench-js does not have`);
  return wanted;
}

/** The longest common prefix of `ids`: the worker filter that selects them all (with the rest of their group). */
function commonPrefix(ids) {
  return ids.reduce((prefix, id) => {
    let n = 0;
    while (n < prefix.length && prefix[n] === id[n]) n++;
    return prefix.slice(0, n);
  });
}

/**
 * How far a process's ratio must lie from 1 (above 1 + MARGIN, below 1 / (1 + MARGIN)) before
 * that process counts as showing a difference. Under load the two rows' ratio itself moves
 * with the load regime: over six runs beside two busy loops (load 10–13), wasm's median
 * per-process ratio read 1.08, 1.07, 0.80, 0.63, 1.39 and 0.84 — whereas napi's stayed within
 * 2.6–3.3. A process's own sample spread is no better guide there: its interquartile range
 * reached 10 to 60 times the median in processes whose median was undisturbed.
 */
const MARGIN = 0.25;

/**
 * The uncertainty of the median of `ratios` (one per process), for the report: the larger
 * distance from the median to the second lowest and to the second highest ratio (for 8
 * processes an interval that holds the true median 93 % of the time), never under
 * MIN_CHANGE of the median; with fewer than 4 processes, from the lowest to the highest.
 */
function ratioUncertainty(ratios) {
  const sorted = [...ratios].sort((a, b) => a - b);
  const m = median(sorted);
  const k = sorted.length >= 4 ? 1 : 0;
  return Math.max(MIN_CHANGE * m, m - sorted[k], sorted[sorted.length - 1 - k] - m);
}

/**
 * The evidence of per-process summaries of the two rows (`key → [summary]`, keys in the
 * claim's order, one summary per process and row): `{ evidence, uncertainty, timing }`.
 * Evidence: `<key>Ns`, each row's fastest median; `ratio`, the median of the per-process
 * ratios first / second; `slowerShare` and `fasterShare`, the share of processes whose ratio
 * lies beyond MARGIN above or below 1 — counts, exact, which one process slowed by a burst of
 * load moves by one in n. `timing` keeps, per row, its case id, time and each process's median
 * and spread, the per-process ratios and the margin.
 */
function timingEvidence(cases, summaries) {
  const [a, b] = Object.keys(summaries);
  const timing = {};
  const evidence = {};
  for (const key of [a, b]) {
    const combined = combineRepeats(summaries[key]);
    timing[key] = { case: cases[key], ns: combined.p50, processes: summaries[key].map((s) => s.p50), spreads: summaries[key].map((s) => s.spread) };
    evidence[`${key}Ns`] = combined.p50;
  }
  timing.ratios = summaries[a].map((s, i) => s.p50 / summaries[b][i].p50);
  timing.margin = MARGIN;
  const share = (beyond) => timing.ratios.filter(beyond).length / timing.ratios.length;
  evidence.ratio = median(timing.ratios);
  evidence.slowerShare = share((r) => r > 1 + MARGIN);
  evidence.fasterShare = share((r) => r < 1 / (1 + MARGIN));
  return { evidence, uncertainty: { ratio: ratioUncertainty(timing.ratios) }, timing };
}

/**
 * Times claim `claim` on its binding in `runtime`, `repeat` processes with `budget`;
 * resolves with `{ evidence, uncertainty, timing }`, or `{ unmeasurable }` when the binding
 * lacks what a row calls there, or `{ error }`.
 */
async function timeClaim(claim, runtime, { repeat, budget }) {
  const cases = Object.fromEntries(Object.entries(claim.timing).map(([key, row]) => [key, timedCase(claim.id, row)]));
  const summaries = Object.fromEntries(Object.keys(cases).map((key) => [key, []]));
  try {
    const records = await runMatrix({ runtime, impls: [claim.binding], repeat, filter: commonPrefix(Object.values(cases)), budget });
    for (const record of records) {
      for (const [key, id] of Object.entries(cases)) {
        const skip = record.skips.find((s) => s.case === id);
        if (skip) return { unmeasurable: skip.reason ?? `${claim.binding} has no ${skip.missing.join(', ')} in ${runtime.name}` };
        const result = record.results.find((x) => x.case === id);
        if (!result) return { error: record.errors.find((e) => e.case === id)?.message ?? `${id} was not measured` };
        summaries[key].push(result.stats);
      }
    }
  } catch (error) {
    return { error: error.message };
  }
  return timingEvidence(cases, summaries);
}

module.exports = { timeClaim, timingEvidence, ratioUncertainty, commonPrefix, timedCase };
