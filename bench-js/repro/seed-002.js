// Seed 002 (how JS calls C++ in Node): a native object keeps its C++/Rust value in an
// internal field, so a method call must first recover it from the object. Timed by the
// harness's own measurement — the two bench rows of the call group, in 8 worker processes
// (harness/lib/repro/timing.js) — and decided by how many processes show a difference beyond
// their noise: at least 7 of 8 either way, otherwise the claim is inconclusive.
'use strict';

module.exports = ['napi', 'wasm'].map((binding) => ({
  id: `seed002.wrapped-method-cost.${binding}`,
  seed: '002',
  claim: 'a method on a wrapped native object (value recovered from the object) costs more than a plain native function call',
  binding,
  timing: { method: { group: 'call', id: 'counter.increment' }, plain: { group: 'call', id: 'add' } },
  measures: ['methodNs', 'plainNs', 'ratio', 'slowerShare', 'fasterShare'],
  confirmIf: [{ says: 'the method slower than the plain function beyond the noise, in at least 7 of 8 processes', left: 'slowerShare', op: '>=', right: 7 / 8 }],
  refuteIf: [{ says: 'the method faster than the plain function beyond the noise, in at least 7 of 8 processes', left: 'fasterShare', op: '>=', right: 7 / 8 }],
}));
