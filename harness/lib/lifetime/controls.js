// Controls: every lifetime experiment repeats some of its runs with the instrument
// reduced (JS-side finalization sampled or off, fewer forced GCs, no sampling), and the
// lab fails when a headline measure moves beyond the noise the case states for it — the
// instrument must not change what it measures. A case states each control as data:
// `{ of: 'napi/sync', reduce: { trackEvery: 0 }, says, within: { measure: { abs, rel } } }`.
'use strict';

/** The name of the control run of run `of`. */
const controlName = (of) => `${of}/control`;

/** The control runs a case adds: one per control, its run's parameters with `reduce` over them. */
function controlRuns(experiment) {
  return (experiment.controls ?? []).map((control) => {
    const run = experiment.runs.find((r) => `${r.binding}/${r.variant}` === control.of);
    if (!run) throw new Error(`${experiment.id}: control of unknown run ${control.of}`);
    return { binding: run.binding, variant: `${run.variant}/control`, params: { ...run.params }, reduce: control.reduce, controlOf: control.of };
  });
}

/** The largest difference `bound` (`{ abs, rel }`) allows between `a` and `b`. */
function allowedDifference(bound, a, b) {
  return Math.max(bound.abs ?? 0, (bound.rel ?? 0) * Math.max(Math.abs(a), Math.abs(b)));
}

/** One measure of a headline run against its control: both numbers within the bound, or both null (neither reached it). */
function compareMeasure(measure, bound, headline, control) {
  const h = headline?.[measure] ?? null;
  const c = control?.[measure] ?? null;
  if (typeof h === 'number' && typeof c === 'number') {
    const difference = Math.abs(h - c);
    const allowed = allowedDifference(bound, h, c);
    return { measure, headline: h, control: c, difference, allowed, agrees: difference <= allowed };
  }
  return { measure, headline: h, control: c, difference: null, allowed: null, agrees: h === null && c === null };
}

/**
 * Judges `control` on `measures` (run name → measures, null for a failed run):
 * `{ of, run, says, reduce, checks, agrees }`, `agrees` null when either run failed; with
 * `unmeasurable` (run name → reason) naming either run, the control also carries the reason.
 */
function judgeControl(control, measures, unmeasurable = {}) {
  const run = controlName(control.of);
  const headline = measures[control.of] ?? null;
  const reduced = measures[run] ?? null;
  const checks = Object.entries(control.within).map(([measure, bound]) => compareMeasure(measure, bound, headline, reduced));
  const agrees = headline === null || reduced === null ? null : checks.every((c) => c.agrees);
  const reason = unmeasurable[control.of] ?? unmeasurable[run];
  return { of: control.of, run, says: control.says, reduce: control.reduce, checks, agrees, ...(reason ? { unmeasurable: reason } : {}) };
}

/** A judged control as text: loud when it disagrees. */
function describeControl(c) {
  const fmt = (x) => (x === null ? 'null' : Number.isInteger(x) ? String(x) : x.toPrecision(3));
  const word = c.unmeasurable ? `CONTROL NOT MEASURABLE HERE (${c.unmeasurable})`
    : c.agrees === null ? 'CONTROL NOT MEASURED' : c.agrees ? 'control agrees' : 'CONTROL DISAGREES';
  const checks = c.checks.map((k) => `${k.measure} ${fmt(k.headline)} vs ${fmt(k.control)}${k.allowed === null ? '' : ` (±${fmt(k.allowed)})`}${k.agrees ? '' : ' ✗'}`);
  return `${word}: ${c.of} against ${c.run}, ${c.says} — ${checks.join('; ')}`;
}

module.exports = { controlRuns, controlName, judgeControl, describeControl, compareMeasure };
