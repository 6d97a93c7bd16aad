// The probes give the same answers through both bindings and in plain JavaScript.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BINDINGS } = require('./bindings.js');

for (const [name, binding] of Object.entries(BINDINGS)) {
  test(`${name}: noop returns undefined`, () => {
    assert.equal(binding.noop(), undefined);
  });

  test(`${name}: add wraps like int32`, () => {
    assert.equal(binding.add(2, 3), 5);
    assert.equal(binding.add(2147483647, 1), -2147483648);
    assert.equal(binding.add(-7, 7), 0);
  });

  test(`${name}: sum adds a Float64Array in order`, () => {
    assert.equal(binding.sum(new Float64Array([])), 0);
    const values = new Float64Array([0.1, 0.2, 0.3, 1e16, -1e16]);
    assert.equal(binding.sum(values), values.reduce((a, b) => a + b, 0));
  });
}
