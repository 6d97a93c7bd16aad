// The plain-JS baseline keeps the bindings' semantics at the edges.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const plain = require('@bindlab/bench-js/plain.js');

test('integers wrap like the Rust types', () => {
  assert.equal(plain.add(2147483647, 1), -2147483648);
  assert.equal(plain.add(1.9, 1.9), 2);
  assert.equal(plain.addU64(2n ** 64n - 1n, 2n), 1n);
  assert.equal(plain.sumBytes(new Uint8Array(16843010).fill(255)), (255 * 16843010) % 2 ** 32);
});

test('strings count and echo as UTF-8 through a Rust &str would', () => {
  assert.equal(plain.utf8Length('héllo'), 6);
  assert.equal(plain.utf8Length('€😀'), 7);
  assert.equal(plain.utf8Length('\ud800x'), 4);
  assert.equal(plain.echoString('a\udc00'), 'a\ufffd');
});

test('bytes, arrays and objects', () => {
  assert.deepEqual([...plain.makeBytes(258).slice(254)], [254, 255, 0, 1]);
  assert.equal(plain.sumBytesCopied(Uint8Array.of(1, 2, 3)), 6);
  assert.equal(plain.sum(Float64Array.of(0.1, 0.2, 0.3)), 0.1 + 0.2 + 0.3);
  assert.equal(plain.wideSum(plain.makeWide(1)), 210);
  assert.deepEqual(plain.makePoints(2), [{ x: 0, y: 0 }, { x: 1, y: 2 }]);
  assert.equal(plain.callMany((i) => i, 5), 10);
});

test('Counter and throwError', () => {
  const counter = new plain.Counter(1);
  assert.equal(counter.increment(), 2);
  assert.equal(counter.value, 2);
  assert.throws(() => plain.throwError('boom'), { message: 'boom' });
});
