// A Rust panic reaches JavaScript as an Error in both bindings — never an abort — and
// the binding keeps working afterwards.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BINDINGS } = require('./bindings.js');

for (const [name, binding] of Object.entries(BINDINGS)) {
  test(`${name}: a panic becomes an Error carrying its message, and later calls work`, () => {
    const before = new binding.Counter(1);
    assert.throws(() => binding.panicProbe('deliberate panic'), (error) => error instanceof Error && /deliberate panic/.test(error.message));
    assert.equal(binding.add(2, 3), 5);
    assert.equal(new binding.Counter(41).increment(), 42);
    assert.throws(() => binding.panicProbe('again'), /again/);
    assert.equal(binding.sum(new Float64Array([1, 2])), 3);
    if (name === 'napi') {
      assert.equal(before.increment(), 2, 'napi objects survive a caught panic');
    } else {
      // The panicked instance is replaced by a fresh one; objects from the old one say so.
      assert.throws(() => before.increment(), /stale object from previous Wasm instance/);
    }
  });
}
