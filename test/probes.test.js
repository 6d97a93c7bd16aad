// Conformance of the probes: the same inputs give the same outputs through napi, wasm
// and the plain-JavaScript baseline (bench-js/plain.js), which is the specification.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { LABS } = require('./bindings.js');
const plain = require('@bindlab/bench-js/plain.js');

const IMPLEMENTATIONS = { ...LABS, plain };
const wide = (seed) => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, seed + i]));
const bytes = (length) => Uint8Array.from({ length }, (_, i) => (i * 7) & 255);

/** Each row: a probe and the argument lists it is called with. */
const CALLS = [
  ['noop', [[]]],
  ['add', [[2, 3], [2147483647, 1], [-7, 7], [-2147483648, -1]]],
  ['mulAdd', [[0.1, 10, -1], [2, 3, 4], [1e308, 10, 0]]],
  ['not', [[true], [false]]],
  ['addU64', [[1n, 2n], [2n ** 64n - 1n, 2n], [0n, 0n]]],
  ['utf8Length', [[''], ['hello'], ['héllo wörld'], ['😀 ok'], ['\u0000']]],
  ['echoString', [[''], ['hello'], ['日本語テキスト'], ['😀 ok']]],
  ['sumBytes', [[bytes(0)], [bytes(1000)], [new Uint8Array(70000).fill(255)]]],
  ['sumBytesCopied', [[bytes(0)], [bytes(1000)]]],
  ['makeBytes', [[0], [3], [300]]],
  ['sum', [[new Float64Array([])], [new Float64Array([0.1, 0.2, 0.3, 1e16, -1e16])]]],
  ['pointSum', [[{ x: 1.5, y: 2 }], [{ x: -0.1, y: 0.3, extra: 'ignored' }]]],
  ['makePoint', [[1, 2], [-0.5, 1e300]]],
  ['makePoints', [[0], [5]]],
  ['wideSum', [[wide(0)], [wide(0.1)]]],
  ['makeWide', [[0], [-3.5]]],
  ['callOnce', [[() => 42], [() => -0.5]]],
  ['callMany', [[(i) => i * 1.5, 10], [(i) => 1, 0]]],
];

for (const [probe, argLists] of CALLS) {
  test(`probe ${probe}: napi, wasm and plain JS agree`, () => {
    for (const args of argLists) {
      const expected = plain[probe](...args);
      for (const [name, impl] of Object.entries(IMPLEMENTATIONS)) {
        assert.deepEqual(impl[probe](...args), expected, `${name}.${probe}(${args.map(String).join(', ')})`);
      }
    }
  });
}

for (const [name, impl] of Object.entries(IMPLEMENTATIONS)) {
  test(`${name}: Counter counts`, () => {
    const counter = new impl.Counter(1);
    assert.equal(counter.increment(), 2);
    assert.equal(counter.increment(), 3);
    assert.equal(counter.value, 3);
  });

  test(`${name}: throwError throws an Error with the message`, () => {
    assert.throws(() => impl.throwError('boom'), (error) => error instanceof Error && error.message === 'boom');
  });
}

for (const [name, binding] of Object.entries(LABS)) {
  test(`${name}.raw: the floor probes agree with the bound ones`, () => {
    assert.equal(binding.raw.noop(), undefined);
    assert.equal(binding.raw.add(2147483647, 1), -2147483648);
    assert.equal(binding.raw.mulAdd(0.1, 10, -1), plain.mulAdd(0.1, 10, -1));
    const values = new Float64Array([0.5, 1.25, -3]);
    assert.equal(binding.raw.sum(values), plain.sum(values));
    assert.equal(binding.raw.sum(new Float64Array(5000).fill(0.5)), 2500);
    assert.equal(binding.raw.sum(values), -1.25);
  });
}

test('napi.raw.Counter: the Counter floor counts and rejects a foreign receiver', () => {
  const { raw } = LABS.napi;
  const counter = new raw.Counter(1);
  assert.equal(counter.increment(), 2);
  assert.equal(counter.value, 2);
  assert.throws(() => raw.Counter.prototype.increment.call({}), TypeError);
  assert.throws(() => new raw.Counter('one'), TypeError);
});

test('napi.raw: every overhead rung answers as its floor and throws on bad arguments', () => {
  const { raw } = LABS.napi;
  for (const rung of [1, 2, 3]) assert.equal(raw[`noopRung${rung}`](), undefined);
  for (const rung of [1, 2, 3, 4, 5]) {
    assert.equal(raw[`addRung${rung}`](2147483647, 1), -2147483648);
    assert.throws(() => raw[`addRung${rung}`]('x', 1), Error);
    const counter = new raw.LadderCounter(1);
    assert.equal(counter[`incrementRung${rung}`](), 2);
    assert.equal(counter[`incrementRung${rung}`](), 3);
    assert.equal(counter.value, 3);
  }
});
