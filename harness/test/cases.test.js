// The case tables: sweep expansion, naming, and that every case can run on plain JS.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadCases, expandTables, describeCase } = require('../lib/cases.js');
const plain = require('@bindlab/bench-js/plain.js');
const { rotate, strings } = require('@bindlab/bench-js/inputs.js');

const call = (impl, x) => impl.f(x);

test('a row with sizes becomes one case per size, its arguments built for that size', () => {
  const cases = expandTables([{ g: [
    { name: 'single', uses: ['f'], args: [rotate([1])], call },
    { name: 'sweep', uses: ['f'], sizes: [16, 4096], unit: 'B', args: ({ size }) => [rotate([size])], call, resultBytes: ({ size }) => 2 * size },
  ] }]);
  assert.deepEqual(cases.map(describeCase), [
    { id: 'g/single', group: 'g', name: 'single', uses: ['f'], needs: [], async: false, sweep: null, ladder: null, resultBytes: 0 },
    { id: 'g/sweep@16', group: 'g', name: 'sweep 16 B', uses: ['f'], needs: [], async: false, sweep: { name: 'sweep', size: 16, unit: 'B' }, ladder: null, resultBytes: 32 },
    { id: 'g/sweep@4096', group: 'g', name: 'sweep 4 KiB', uses: ['f'], needs: [], async: false, sweep: { name: 'sweep', size: 4096, unit: 'B' }, ladder: null, resultBytes: 8192 },
  ]);
  assert.equal(cases[2].args({})[0](), 4096);
});

test('two cases with one id are refused', () => {
  const row = { name: 'same', uses: ['f'], args: [], call };
  assert.throws(() => expandTables([{ g: [row] }, { g: [row] }]), /two cases are named g\/same/);
});

test('the filter keeps the cases whose group/name contains it', () => {
  assert.deepEqual(loadCases('call/noop').map((c) => c.id), ['call/noop']);
  assert.ok(loadCases('bytes/').every((c) => c.group === 'bytes'));
});

/** Groups with no plain-JS twin: the overhead ladders (napi-raw only) and the real API. */
const NOT_PLAIN = new Set(['overhead', 'api']);

test('every case outside the overhead ladders and the real API runs on plain JS and returns something', () => {
  for (const c of loadCases().filter((x) => !NOT_PLAIN.has(x.group))) {
    assert.deepEqual(c.uses.filter((name) => typeof plain[name] !== 'function'), [], c.id);
    if (c.sweep?.size > 4096) continue;
    const args = c.args(plain).map((make) => make());
    assert.doesNotThrow(() => c.call(plain, ...args), c.id);
  }
});

test('every real-API case runs on both bindings and returns something', () => {
  for (const impl of [require('@bindlab/napi'), require('@bindlab/wasm')]) {
    for (const c of loadCases('api/')) {
      const args = c.args(impl).map((make) => make());
      assert.notEqual(c.call(impl, ...args), undefined, c.id);
    }
  }
});

test('string arguments have exactly the UTF-8 length asked for, and vary', () => {
  for (const kind of ['ascii', 'utf8']) {
    const next = strings(64, kind);
    const [a, b] = [next(), next()];
    assert.notEqual(a, b);
    assert.equal(Buffer.byteLength(a), 64);
    assert.equal(a.length === 64, kind === 'ascii');
  }
});
