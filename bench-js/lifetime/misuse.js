// Experiment 6: use after free and double free on both bindings — clear errors, no crash.
// misuse(), what each run executes: use after free and double free. Each probe does one wrong thing —
// a freed wasm object used or freed again, a freed snapshot handle read, an ended HeapDiff
// ended again, a weak napi reference read after its object was finalized, a method called
// on an object that wraps nothing — and records whether it threw a clear error. Reaching
// the end at all means the process did not crash. `readings: false` (a control) takes no
// sampler readings around the probes.
'use strict';

const { collect } = require('./support.js');

/** Words by which an error message says what went wrong with the object's lifetime (or that it is not one the binding made). */
const EXPLAINS = /freed|free\(\)|ended|collected|already|illegal invocation|must be an? \w+ made by/i;

/**
 * Runs `wrong()`: `clear` when it threw an Error with a message (or was a harmless no-op and
 * `noopOk`), `explains` when that message also names the lifetime problem.
 */
async function probe(what, wrong, noopOk = false) {
  try {
    await wrong();
    return { what, threw: false, message: null, clear: noopOk, explains: noopOk };
  } catch (error) {
    const message = String(error?.message ?? error);
    const clear = error instanceof Error && message.length > 0;
    return { what, threw: true, message, clear, explains: clear && EXPLAINS.test(message) };
  }
}

/** The probes that apply to `impl`. */
function probesOf(impl) {
  const freedSnapshot = () => {
    const parser = new impl.SnapshotParser();
    parser.feed(new TextEncoder().encode('{"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count"],'
      + '"node_types":[["object"],"string","number","number","number"],"edge_fields":["type","name_or_index","to_node"],'
      + '"edge_types":[["property"],"string","number"]},"node_count":0,"edge_count":0},"nodes":[],"edges":[],"strings":[]}'));
    const snapshot = parser.finish(false);
    snapshot.free();
    return snapshot;
  };
  const list = [
    ['snapshot handle read after free()', () => freedSnapshot().nodeCount],
    ['snapshot handle free()d twice', () => freedSnapshot().free(), true],
    ['HeapDiff end() twice', () => { const hd = new impl.HeapDiff(); hd.end(); hd.end(); }],
    ['Counter method on an object that wraps nothing', () => impl.Counter.prototype.increment.call({})],
  ];
  if (impl.rawExports) {
    list.push(
      ['wasm Counter used after free()', () => { const c = new impl.Counter(1); c.free(); c.increment(); }],
      ['wasm Counter free()d twice', () => { const c = new impl.Counter(1); c.free(); c.free(); }, true],
      ['wasm Tracked read after free()', () => { const t = new impl.Tracked(8); t.free(); return t.bytes; }],
    );
  } else {
    list.push(['napi weak reference read after its object was finalized', async () => {
      const holder = new impl.JsHolder('weak');
      holder.hold({ gone: true }, 1);
      await collect();
      return holder.get();
    }]);
  }
  return list;
}

/** Runs the scenario; resolves with its measures (and each probe's outcome). */
async function misuse(impl, sampler, { readings = true } = {}) {
  if (readings) sampler.sample('start');
  const outcomes = [];
  for (const [what, wrong, noopOk] of probesOf(impl)) outcomes.push(await probe(what, wrong, noopOk));
  if (readings) sampler.sample('end');
  const share = (key) => outcomes.filter((o) => o[key]).length / outcomes.length;
  return {
    probes: outcomes.length,
    clearShare: share('clear'),
    explainsShare: share('explains'),
    survived: 1,
    outcomes,
  };
}

module.exports = {
  id: 'misuse',
  title: 'Use after free and double free',
  question: 'Does every misuse end in a clear error (or a harmless no-op), without crashing the process?',
  instruments: 'each probe runs in a try/catch that records the error; the sampler reads memory and counters before and after; the weak-reference '
    + 'probe forces full GCs',
  needs: ['forcedGc'],
  measures: ['probes', 'clearShare', 'explainsShare', 'survived', 'outcomes'],
  units: {},
  sampled: [],
  tiny: {},
  runs: [
    { binding: 'napi', variant: 'probes', params: {} },
    { binding: 'wasm', variant: 'probes', params: {} },
  ],
  controls: ['napi/probes', 'wasm/probes'].map((of) => ({
    of, reduce: { readings: false }, says: 'no sampler readings', within: { clearShare: { abs: 0 }, explainsShare: { abs: 0 }, probes: { abs: 0 } },
  })),
  rules: [
    { says: 'napi: every misuse gives a clear error or a harmless no-op', left: 'napi/probes.clearShare', op: '==', right: 1 },
    { says: 'wasm: every misuse gives a clear error or a harmless no-op', left: 'wasm/probes.clearShare', op: '==', right: 1 },
    { says: 'napi: every error message names the lifetime problem (freed, ended, collected…)', left: 'napi/probes.explainsShare', op: '==', right: 1 },
    { says: 'wasm: every error message names the lifetime problem (freed, ended, collected…)', left: 'wasm/probes.explainsShare', op: '==', right: 1 },
    { says: 'napi: the process survives', left: 'napi/probes.survived', op: '==', right: 1 },
    { says: 'wasm: the process survives', left: 'wasm/probes.survived', op: '==', right: 1 },
  ],
  measure: misuse,
};
