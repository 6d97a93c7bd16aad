// A forced scavenge against a FinalizationRegistry, through napi's lab instruments (the
// lifetime experiments' own tests are in harness/test/lab-runs.test.js).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { LABS } = require('./bindings.js');

test('gc({ type: "minor" }) on napi: a scavenge frees unregistered Tracked values, one registered in a FinalizationRegistry survives it', async () => {
  const napi = LABS.napi;
  const registry = new FinalizationRegistry(() => {});
  napi.gc();
  const before = napi.trackedTally().dropped;
  const registered = (() => {
    for (let i = 0; i < 1000; i++) new napi.Tracked(64);
    const kept = new napi.Tracked(64);
    registry.register(kept, null);
    return new WeakRef(kept);
  })();
  napi.gc({ type: 'minor' });
  // Node-API finalizers run on a later turn of the event loop: turn it a bounded number of times.
  for (let turn = 0; turn < 100 && napi.trackedTally().dropped - before < 1000; turn++) await new Promise(setImmediate);
  assert.equal(napi.trackedTally().dropped - before, 1000, 'every unregistered value, and not the registered one');
  assert.ok(registered.deref() !== undefined);
  assert.throws(() => napi.gc({ type: 'full' }), /^TypeError: gc\(options\): options.type must be 'major' or 'minor', got the string "full"$/);
});
