// A reproduction's outcome from its evidence: "confirmed" when every `confirmIf` rule
// holds, "refuted" when any `refuteIf` rule holds, otherwise "differs" (the runtime shows
// something the claim did not foresee). Rules are verdict rules (../lifetime/verdict.js)
// whose `left`/`right` name evidence fields.
'use strict';

const { judge } = require('../lifetime/verdict.js');

/** A rule over evidence fields, judged. */
function judgeEvidence(rule, evidence) {
  const field = (x) => (typeof x === 'string' ? `e.${x}` : x);
  return judge({ ...rule, left: field(rule.left), right: field(rule.right) }, { e: evidence });
}

/** `{ outcome, rules }` for a claim's evidence. */
function outcomeOf(claim, evidence) {
  const confirm = claim.confirmIf.map((rule) => ({ ...judgeEvidence(rule, evidence), role: 'confirmIf' }));
  const refute = claim.refuteIf.map((rule) => ({ ...judgeEvidence(rule, evidence), role: 'refuteIf' }));
  const outcome = confirm.every((r) => r.holds === true) ? 'confirmed'
    : refute.some((r) => r.holds === true) ? 'refuted' : 'differs';
  return { outcome, rules: [...confirm, ...refute] };
}

module.exports = { outcomeOf };
