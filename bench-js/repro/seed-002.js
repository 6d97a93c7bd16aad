// Seed 002 (how JS calls C++ in Node): a native object keeps its C++/Rust value in an
// internal field, so a method call must first recover it from the object. Timed by the
// harness's own measurement — the two bench rows of the call group, each in several worker
// processes, the fastest of each (harness/lib/repro/timing.js) — so that the ratio carries
// the noise those processes measured, and a ratio inside it is inconclusive.
'use strict';

module.exports = ['napi', 'wasm'].map((binding) => ({
  id: `seed002.wrapped-method-cost.${binding}`,
  seed: '002',
  claim: 'a method on a wrapped native object (value recovered from the object) costs more than a plain native function call',
  binding,
  timing: { method: { group: 'call', name: 'counter.increment()' }, plain: { group: 'call', name: 'add(i32, i32)' } },
  measures: ['methodNs', 'plainNs', 'ratio'],
  confirmIf: [{ says: 'the method slower than the plain function, beyond the noise', left: 'ratio', op: '>', right: 1 }],
  refuteIf: [{ says: 'the method no slower than the plain function, beyond the noise', left: 'ratio', op: '<=', right: 1 }],
}));
