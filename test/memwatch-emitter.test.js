// The memwatch front is a whole EventEmitter: every method people call on memwatch behaves as
// Node's EventEmitter does, step by step, for the GC events (held in Rust) and for any other.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { EventEmitter } = require('node:events');
const { BINDINGS } = require('./bindings.js');

const [a, b, c] = [function a() {}, function b() {}, function c() {}];

/** Steps applied to both emitters, as [method, ...args]. */
const STEPS = [
  ['on', 'other', b], ['on', 'EVENT', a], ['on', 'EVENT', b], ['prependListener', 'EVENT', c], ['once', 'EVENT', a],
  ['prependOnceListener', 'EVENT', b], ['off', 'EVENT', a], ['on', 'other', a], ['removeListener', 'EVENT', b],
  ['removeAllListeners', 'EVENT'], ['addListener', 'EVENT', c], ['once', 'EVENT', c], ['removeAllListeners'],
];

/** What an emitter shows about `event`: listeners, raw listeners unwrapped, count, names. */
function view(emitter, event) {
  return {
    listeners: emitter.listeners(event).map((l) => l.name),
    raw: emitter.rawListeners(event).map((l) => (l.listener ?? l).name),
    wrapped: emitter.rawListeners(event).map((l) => typeof l.listener === 'function'),
    count: emitter.listenerCount(event),
    names: emitter.eventNames().filter((name) => name === event || name === 'other'), // in EventEmitter's order
  };
}

for (const [name, pkg] of Object.entries(BINDINGS)) {
  for (const event of ['stats', 'leak', 'custom']) {
    test(`${name}: '${event}' listeners follow EventEmitter's rules step by step`, () => {
      const node = new EventEmitter();
      try {
        for (const [method, ...args] of STEPS) {
          const real = args.map((arg) => (arg === 'EVENT' ? event : arg));
          assert.equal(pkg[method](...real), pkg, `${method} returns the module, for chaining`);
          node[method](...real);
          assert.deepEqual(view(pkg, event), view(node, event), `after ${method}(${real.map((x) => x.name ?? x).join(', ')})`);
        }
      } finally {
        pkg.removeAllListeners();
      }
    });
  }

  test(`${name}: setMaxListeners and getMaxListeners, with the leak warning past the limit`, async () => {
    assert.equal(pkg.getMaxListeners(), EventEmitter.defaultMaxListeners);
    assert.throws(() => pkg.setMaxListeners(-1), RangeError);
    assert.throws(() => pkg.setMaxListeners('2'), RangeError);
    assert.equal(pkg.setMaxListeners(1), pkg);
    const warnings = [];
    const onWarning = (w) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      pkg.on('leak', a).on('leak', b);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(warnings, ['MaxListenersExceededWarning']);
    } finally {
      process.off('warning', onWarning);
      pkg.removeAllListeners();
      pkg.setMaxListeners(EventEmitter.defaultMaxListeners);
    }
  });
}
