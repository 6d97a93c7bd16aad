// The one rule engine of the lifetime lab and the reproductions. A rule is data —
// `{ says, left, op, right, times }`: `left` names a measured value, `right` a number or
// another measured value, optionally scaled by `times` — and its verdict is what the
// measurements say of it, never a fixed outcome. A name is `run.measure`
// ("napi/sync.reclaimedInLoop") in a lifetime case and an evidence field in a claim; either
// must be a measure its case declares (`measures`, where `x@` stands for every `x@<size>`),
// checked when the case is loaded, so that a misspelt key is an error rather than a rule
// that is never measured. Each value carries its uncertainty — the case's `noise` for that
// measure, `{ abs, rel }`, from repeated runs, or what a timing measured — and a comparison
// inside it is "within noise", neither holding nor failing.
'use strict';

const OPS = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** The outcome words of a judged rule, in results.json (`verdict`). */
const VERDICTS = {
  holds: 'holds',
  fails: 'does not hold',
  withinNoise: 'within noise',
  notMeasured: 'not measured',
};

/** Thrown when a case names a measure it does not declare, or a run it does not have. */
class RuleKeyError extends Error {
  constructor(caseId, where, key, known) {
    super(`${caseId}: ${where} reads "${key}", which the case does not declare (declared: ${known.join(', ')})`);
    this.name = 'RuleKeyError';
  }
}

/** Whether `measure` is one of `declared` (`x@` covers `x@16`, `x@1000` …). */
function declares(declared, measure) {
  if (declared.includes(measure)) return true;
  const at = measure.indexOf('@');
  return at > 0 && declared.includes(measure.slice(0, at + 1));
}

/** The bound `noise` gives `measure` of `run`: the run's own (`napi/sync.x`), the measure's, or its family's (`calls@10` → `calls@`). */
function boundOf(noise, run, measure) {
  const at = measure.indexOf('@');
  return noise[`${run}.${measure}`] ?? noise[measure] ?? (at > 0 ? noise[measure.slice(0, at + 1)] : undefined);
}

/** Splits a lifetime name `run.measure` at its last dot: `{ run, measure }`. */
function splitPath(path) {
  const dot = path.lastIndexOf('.');
  return { run: path.slice(0, dot), measure: path.slice(dot + 1) };
}

/**
 * Checks that every name a case's rules (and controls and noise) read is declared: `names`
 * are the rule sides that are strings, `runs` the run names a name may start with (null for
 * claims, whose names are bare measures), `declared` the case's measures. Throws RuleKeyError.
 */
function checkKeys(caseId, entries, runs, declared) {
  for (const [where, name] of entries) {
    if (typeof name !== 'string') continue;
    const { run, measure } = runs ? splitPath(name) : { run: null, measure: name };
    if (runs && !runs.includes(run)) throw new RuleKeyError(caseId, where, name, runs);
    if (!declares(declared, measure)) throw new RuleKeyError(caseId, where, measure, declared);
  }
}

/** Throws unless `measures` (what a measure function returned) holds every measure of `declared` and no other (a family `x@` stands for any `x@<size>`). */
function checkMeasures(caseId, declared, measures) {
  const extra = Object.keys(measures).filter((key) => !declares(declared, key));
  if (extra.length) throw new Error(`${caseId}: measure() returned ${extra.join(', ')}, which the case does not declare`);
  const missing = declared.filter((key) => !key.endsWith('@') && !(key in measures));
  if (missing.length) throw new Error(`${caseId}: measure() did not return ${missing.join(', ')}, which the case declares`);
}

/** The ± of `value` under `bound` (`{ abs, rel }`): the larger of the two; 0 without a bound. */
function uncertaintyOf(bound, value) {
  if (!bound) return 0;
  return Math.max(bound.abs ?? 0, (bound.rel ?? 0) * Math.abs(value));
}

/**
 * Judges one comparison with uncertainty `u` (≥ 0) on the difference `left − right`:
 * holds when it holds even at the worst end of ±u, fails when it fails even at the best,
 * and is within noise otherwise. With u = 0 this is the plain comparison.
 */
function compare(op, left, right, u) {
  if (!OPS[op]) throw new Error(`unknown operator ${op}`);
  const d = left - right;
  if (op === '==') return Math.abs(d) <= u ? VERDICTS.holds : VERDICTS.fails;
  if (op === '!=') return Math.abs(d) > u ? VERDICTS.holds : u === 0 ? VERDICTS.fails : VERDICTS.withinNoise;
  if (OPS[op](d - u, 0) && OPS[op](d + u, 0)) return VERDICTS.holds;
  if (!OPS[op](d - u, 0) && !OPS[op](d + u, 0)) return VERDICTS.fails;
  return VERDICTS.withinNoise;
}

/**
 * Judges `rule` against `lookup(name)` → `{ value, uncertainty }` or undefined (not
 * measured): `{ says, left, op, right, times, leftValue, rightValue, uncertainty, verdict,
 * holds }`, `holds` true or false when decided, null when not measured or within noise.
 */
function judgeRule(rule, lookup) {
  if (!OPS[rule.op]) throw new Error(`rule "${rule.says}": unknown operator ${rule.op}`);
  const times = rule.times ?? 1;
  const side = (name) => (typeof name === 'number' ? { value: name, uncertainty: 0 } : lookup(name));
  const left = side(rule.left);
  const right = side(rule.right);
  const base = { says: rule.says, left: rule.left, op: rule.op, right: rule.right, times };
  if (!left || !right) return { ...base, leftValue: left?.value ?? null, rightValue: right ? right.value * times : null, uncertainty: null, verdict: VERDICTS.notMeasured, holds: null };
  const rightValue = right.value * times;
  const uncertainty = Math.hypot(left.uncertainty, right.uncertainty * Math.abs(times));
  const verdict = compare(rule.op, left.value, rightValue, uncertainty);
  const holds = verdict === VERDICTS.holds ? true : verdict === VERDICTS.fails ? false : null;
  return { ...base, leftValue: left.value, rightValue, uncertainty, verdict, holds };
}

/** A finite number, or undefined. */
const finite = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * A lookup over a lifetime case's measures (run name → measures, null for a failed run),
 * each value with the ± its case's `noise` gives it: `{ abs, rel }` by `run.measure`, by
 * measure, or by family (`x@`), the first found.
 */
function lifetimeLookup(measures, noise = {}) {
  return (path) => {
    const { run, measure } = splitPath(path);
    const value = finite(measures[run]?.[measure]);
    return value === undefined ? undefined : { value, uncertainty: uncertaintyOf(boundOf(noise, run, measure), value) };
  };
}

/** Judges `rule` over lifetime `measures` (run name → measures) with the case's `noise`. */
function judge(rule, measures, noise = {}) {
  return judgeRule(rule, lifetimeLookup(measures, noise));
}

/** Formats a number for a verdict line. */
function fmt(x) {
  return x === null ? '?' : Number.isInteger(x) ? String(x) : x.toPrecision(3);
}

/**
 * The text of a judged rule: its verdict (or why it was not judged: `skipped`,
 * `unmeasurable`), "indicative" for a quick run, what it says and the values compared, with
 * their uncertainty.
 */
function describeVerdict(v) {
  const word = v.unmeasurable ? `NOT MEASURABLE HERE (${v.unmeasurable})`
    : v.skipped ? v.skipped.toUpperCase()
      : v.verdict === undefined ? (v.holds === null ? 'NOT MEASURED' : v.holds ? 'holds' : 'does not hold')
        : v.verdict === VERDICTS.holds || v.verdict === VERDICTS.fails ? v.verdict : v.verdict.toUpperCase();
  const indicative = v.indicative && !v.skipped && !v.unmeasurable ? ' (indicative: quick run)' : '';
  const noise = v.uncertainty ? ` ± ${fmt(v.uncertainty)}` : '';
  return `${word}${indicative}: ${v.says} (${v.left} = ${fmt(v.leftValue)} ${v.op} ${fmt(v.rightValue)}${noise})`;
}

module.exports = { OPS, VERDICTS, RuleKeyError, finite, declares, checkKeys, checkMeasures, uncertaintyOf, compare, judgeRule, judge, describeVerdict };
