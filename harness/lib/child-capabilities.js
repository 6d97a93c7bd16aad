// What an experiment may need of the runtime it runs in, probed inside its child process:
// a case lists its `needs`, and where the runtime lacks one the run reports "not measurable
// here" with the reason instead of measuring something else (never a false verdict).
'use strict';

const { PerformanceObserver } = require('node:perf_hooks');

/** Need → `{ has() → boolean, lacks }`: how to tell the runtime offers it, and the reason when it does not. */
const CAPABILITIES = {
  forcedGc: {
    has: () => typeof globalThis.gc === 'function',
    lacks: 'no forced full GC (globalThis.gc, which --expose-gc gives V8)',
  },
  minorGc: {
    has: () => typeof globalThis.gc === 'function' && !process.versions.bun,
    lacks: "no forced scavenge (V8's gc({ type: 'minor' }))",
  },
  gcEvents: {
    has: () => PerformanceObserver.supportedEntryTypes?.includes('gc') === true,
    lacks: "no GC notifications (PerformanceObserver 'gc' entries)",
  },
};

/** Throws when `needs` names a capability nobody probes (checked when a case is loaded). */
function checkNeeds(caseId, needs) {
  const unknown = needs.filter((need) => !CAPABILITIES[need]);
  if (unknown.length) throw new Error(`${caseId}: unknown need ${unknown.join(', ')} (known: ${Object.keys(CAPABILITIES).join(', ')})`);
}

/** Why this runtime cannot run an experiment with `needs`: the reasons of what it lacks, joined; null when it has them all. */
function lackingReason(needs) {
  const reasons = needs.filter((need) => !CAPABILITIES[need].has()).map((need) => CAPABILITIES[need].lacks);
  return reasons.length ? reasons.join('; ') : null;
}

module.exports = { CAPABILITIES, checkNeeds, lackingReason };
