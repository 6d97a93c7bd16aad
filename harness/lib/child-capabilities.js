// What an experiment may need of the runtime it runs in, probed inside its child process:
// a case lists its `needs`, and where the runtime lacks one the run reports "not measurable
// here" with the reason instead of measuring something else (never a false verdict).
'use strict';

/**
 * Need → `{ has(scope) → boolean, lacks }`: how to tell the runtime offers it, looking at its
 * global `scope`, and the reason when it does not.
 */
const CAPABILITIES = {
  forcedGc: {
    has: (scope) => typeof scope.gc === 'function',
    lacks: 'no forced full GC (globalThis.gc, which --expose-gc gives V8)',
  },
  minorGc: {
    has: (scope) => typeof scope.gc === 'function' && !scope.process?.versions.bun,
    lacks: "no forced scavenge (V8's gc({ type: 'minor' }))",
  },
  v8Heap: {
    has: (scope) => typeof scope.process?.versions.v8 === 'string' && !scope.process.versions.bun,
    lacks: "no V8 heap (its snapshots and its precise collector; Bun's engine is JavaScriptCore)",
  },
  gcEvents: {
    has: (scope) => scope.PerformanceObserver?.supportedEntryTypes?.includes('gc') === true,
    lacks: "no GC notifications (PerformanceObserver 'gc' entries)",
  },
};

/** Throws when `needs` names a capability nobody probes (checked when a case is loaded). */
function checkNeeds(caseId, needs) {
  const unknown = needs.filter((need) => !CAPABILITIES[need]);
  if (unknown.length) throw new Error(`${caseId}: unknown need ${unknown.join(', ')} (known: ${Object.keys(CAPABILITIES).join(', ')})`);
}

/** Why the runtime of global `scope` cannot run an experiment with `needs`: the reasons of what it lacks, joined; null when it has them all. */
function lackingReason(needs, scope = globalThis) {
  const reasons = needs.filter((need) => !CAPABILITIES[need].has(scope)).map((need) => CAPABILITIES[need].lacks);
  return reasons.length ? reasons.join('; ') : null;
}

module.exports = { CAPABILITIES, checkNeeds, lackingReason };
