// Seed 002 (how JS calls C++ in Node): a native object keeps its C++/Rust value in an
// internal field, so a method call must first recover it from the object.
'use strict';

module.exports = ['napi', 'wasm'].map((binding) => ({
  id: `seed002.wrapped-method-cost.${binding}`,
  seed: '002',
  claim: 'a method on a wrapped native object (value recovered from the object) costs more than a plain native function call',
  binding,
  experiment: 'wrappedMethodCost',
  params: { calls: 200000, rounds: 7 },
  confirmIf: [{ says: 'method at least 10 % slower than the plain function', left: 'ratio', op: '>=', right: 1.1 }],
  refuteIf: [{ says: 'method no slower than the plain function (within 5 %)', left: 'ratio', op: '<=', right: 1.05 }],
}));
