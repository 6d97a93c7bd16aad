// A reproduction's outcome from its evidence: "confirmed" when every `confirmIf` rule
// holds, "refuted" when any `refuteIf` rule holds, "inconclusive" when neither but a rule
// was within the noise of what it compares, or a timed claim's processes disagree,
// otherwise "differs" (the runtime shows something the claim did not foresee). Rules go through the one rule engine
// (../rules.js) with `left`/`right` naming evidence fields, each with the uncertainty the
// measurement gave it (0 for counts and yes/no evidence, exact).
'use strict';

const { judgeRule, checkKeys, finite, VERDICTS } = require('../rules.js');
const { checkNeeds } = require('../child-capabilities.js');

/** The outcome words of a claim, in results.json (`outcome`). */
const OUTCOMES = {
  confirmed: 'confirmed',
  refuted: 'refuted',
  inconclusive: 'inconclusive',
  differs: 'differs',
  unmeasurable: 'not measurable here',
  failed: 'could not run',
};

/** The evidence fields a claim declares: its experiment's measures, or what its timing gives. */
const declaredOf = (claim) => (claim.experiment ? claim.experiment.measures : claim.measures);

/** Checks, when a claim is loaded, that its rules read only declared evidence and its needs are known; returns it. Throws a RuleKeyError. */
function checkClaim(claim) {
  if (!claim.experiment === !claim.timing) throw new Error(`${claim.id}: a claim has either an experiment or a timing`);
  if (claim.experiment) checkNeeds(claim.id, claim.experiment.needs);
  const entries = [...claim.confirmIf, ...claim.refuteIf].flatMap((r) => [[`rule "${r.says}"`, r.left], [`rule "${r.says}"`, r.right]]);
  checkKeys(claim.id, entries, null, declaredOf(claim));
  return claim;
}

/** A rule over evidence fields, judged with each field's uncertainty (`uncertainty`: field → ±, absent for exact evidence). */
function judgeEvidence(rule, evidence, uncertainty = {}) {
  const lookup = (field) => {
    const value = finite(evidence[field]);
    return value === undefined ? undefined : { value, uncertainty: uncertainty[field] ?? 0 };
  };
  return judgeRule(rule, lookup);
}

/** `{ outcome, rules }` for a claim's evidence (and the uncertainty of its fields). */
function outcomeOf(claim, evidence, uncertainty = {}) {
  const confirm = claim.confirmIf.map((rule) => ({ ...judgeEvidence(rule, evidence, uncertainty), role: 'confirmIf' }));
  const refute = claim.refuteIf.map((rule) => ({ ...judgeEvidence(rule, evidence, uncertainty), role: 'refuteIf' }));
  const rules = [...confirm, ...refute];
  const outcome = confirm.every((r) => r.holds === true) ? OUTCOMES.confirmed
    : refute.some((r) => r.holds === true) ? OUTCOMES.refuted
      : claim.timing || rules.some((r) => r.verdict === VERDICTS.withinNoise) ? OUTCOMES.inconclusive : OUTCOMES.differs;
  return { outcome, rules };
}

module.exports = { outcomeOf, checkClaim, OUTCOMES };
