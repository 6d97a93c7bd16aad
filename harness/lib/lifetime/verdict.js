// Verdict rules: a case states each as data — `{ says, left, op, right, times }` where
// `left` is `run.measure` ("napi/sync.reclaimedInLoop") and `right` a number or another
// `run.measure`, optionally scaled by `times`; `needsDefaultSizes: true` when it depends on the
// GC pressure or the resolution of the default sizes (quick mode then does not judge it) — and the verdict is what the measurements say
// of it, never a fixed outcome.
'use strict';

const OPS = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** The number `path` names in `measures` (run name → measures), or a number as is; undefined when absent. */
function valueOf(measures, path) {
  if (typeof path === 'number') return path;
  const dot = path.lastIndexOf('.');
  const value = measures[path.slice(0, dot)]?.[path.slice(dot + 1)];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Judges one rule against `measures`: `{ says, left, op, right, leftValue, rightValue, holds }`,
 * `holds` null when a value is missing (the run failed or did not measure it).
 */
function judge(rule, measures) {
  if (!OPS[rule.op]) throw new Error(`rule "${rule.says}": unknown operator ${rule.op}`);
  const leftValue = valueOf(measures, rule.left);
  const raw = valueOf(measures, rule.right);
  const rightValue = raw === undefined ? undefined : raw * (rule.times ?? 1);
  const holds = leftValue === undefined || rightValue === undefined ? null : OPS[rule.op](leftValue, rightValue);
  return { says: rule.says, left: rule.left, op: rule.op, right: rule.right, times: rule.times ?? 1, leftValue: leftValue ?? null, rightValue: rightValue ?? null, holds };
}

/** The text of a judged rule: what it says and whether the measurements bear it out (or why it was not judged). */
function describeVerdict(v) {
  const word = v.skipped ? v.skipped.toUpperCase() : v.holds === null ? 'NOT MEASURED' : v.holds ? 'holds' : 'does not hold';
  const fmt = (x) => (x === null ? '?' : Number.isInteger(x) ? String(x) : x.toPrecision(3));
  return `${word}: ${v.says} (${v.left} = ${fmt(v.leftValue)} ${v.op} ${fmt(v.rightValue)})`;
}

module.exports = { judge, valueOf, describeVerdict, OPS };
