// The runtime × implementation matrix in the reports: a column per runtime and binding,
// "choosing a binding" per runtime, where the answer changes between runtimes, --compare per
// runtime, the road sections, and choosing sentences that hold under noise — on injected numbers.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { summaryTable, ratioTable, emptyLoopTable } = require('../lib/report/tables.js');
const { markdownReport } = require('../lib/report/markdown.js');
const { terminalReport } = require('../lib/report/terminal.js');
const { choosingSection, runtimeChanges } = require('../lib/report/choosing.js');
const { roadTable } = require('../lib/report/roads.js');
const { runtimeView } = require('../lib/report/matrix.js');
const { compareResults, incomparabilities } = require('../lib/compare.js');
const { bindingPairs } = require('../lib/results.js');
const { makeMatrixDoc, MEDIANS } = require('./fixture.js');

/** The fixture's medians scaled by `factor` for implementation `impl`. */
const scaled = (impl, factor) => Object.fromEntries(Object.entries(MEDIANS[impl]).map(([id, ns]) => [id, ns * factor]));

/** Node 22 as the fixture has it (wasm wins the calls); on Bun napi is 40x faster, so it wins them. */
const TWO_RUNTIMES = {
  'node@22': { js: MEDIANS.js, wasm: MEDIANS.wasm, napi: MEDIANS.napi },
  bun: { js: MEDIANS.js, wasm: MEDIANS.wasm, napi: scaled('napi', 1 / 40) },
};

test('the summary table has a column per runtime × implementation, and the ratios per runtime a table of their own', () => {
  const doc = makeMatrixDoc(TWO_RUNTIMES);
  const { header, rows } = summaryTable(doc, 'call');
  assert.deepEqual(header, ['call', 'node@22 js', 'node@22 wasm', 'node@22 napi', 'bun js', 'bun wasm', 'bun napi', 'noise']);
  assert.deepEqual(rows[1], ['add(i32, i32)', '1.00 ns*', '4.00 ns', '100 ns', '1.00 ns*', '4.00 ns', '2.50 ns', '2.0%']);
  const ratios = ratioTable(doc, 'call');
  assert.deepEqual(ratios.header, ['call', 'node@22 wasm/js', 'node@22 napi/js', 'bun wasm/js', 'bun napi/js']);
  assert.deepEqual(ratios.rows[1], ['add(i32, i32)', '4.00x', '100x', '4.00x', '2.50x']);
  assert.equal(ratioTable(makeMatrixDoc({ node: TWO_RUNTIMES.bun }), 'call'), null, 'one runtime: the summary has the ratios');
  assert.deepEqual(emptyLoopTable(doc), { header: ['empty loop', 'js', 'wasm', 'napi'], rows: [['node@22', '0.800 ns', '0.800 ns', '0.800 ns'], ['bun', '0.800 ns', '0.800 ns', '0.800 ns']] });
});

test('choosing a binding is answered per runtime, and the report says where the answer changes', () => {
  const doc = makeMatrixDoc(TWO_RUNTIMES);
  const [nodeCall] = choosingSection(runtimeView(doc, 'node@22'));
  const [bunCall] = choosingSection(runtimeView(doc, 'bun'));
  assert.match(nodeCall.headline, /wasm is faster in 2 of 2 cases/);
  assert.match(bunCall.headline, /napi is faster in 2 of 2 cases/);
  const changes = runtimeChanges(doc);
  assert.deepEqual(changes, [
    'indicative (quick run): call (wasm vs napi): wasm on node@22 (15.8x); napi on bun (2.53x).',
  ]);
  for (const report of [markdownReport(doc), terminalReport(doc)]) {
    assert.match(report, /call on node@22(\*\*)? \(wasm vs napi\): indicative \(quick run\): wasm is faster/);
    assert.match(report, /call on bun(\*\*)? \(wasm vs napi\): indicative \(quick run\): napi is faster/);
    assert.match(report, /Where the answer changes between runtimes/);
  }
  assert.deepEqual(runtimeChanges(makeMatrixDoc({ 'node@22': TWO_RUNTIMES['node@22'], 'node@24': TWO_RUNTIMES['node@22'] })), [], 'the same answer everywhere');
});

test('an answer inside the noise on one runtime is named as such beside the others', () => {
  const close = { js: MEDIANS.js, wasm: MEDIANS.wasm, napi: scaled('wasm', 1.04) };
  const doc = makeMatrixDoc({ 'node@22': TWO_RUNTIMES['node@22'], deno: close }, { quick: false });
  assert.deepEqual(runtimeChanges(doc).filter((line) => line.startsWith('call')), [
    'call (wasm vs napi): wasm on node@22 (15.8x); within noise on deno (1.04x inside ±5%).',
  ]);
});

test('--compare matches rows per runtime, and needs a runtime in common at the same version', () => {
  const before = makeMatrixDoc({ 'node@22': TWO_RUNTIMES['node@22'] });
  const after = makeMatrixDoc(TWO_RUNTIMES);
  const comparison = compareResults(before, after);
  assert.deepEqual(new Set(comparison.rows.map((r) => r.runtime)), new Set(['node@22']));
  assert.equal(comparison.rows.length, 15);
  assert.equal(comparison.unmatched, 15, 'the bun rows have no baseline');
  assert.deepEqual(incomparabilities(before.environment, after.environment), []);
  const bunOnly = makeMatrixDoc({ bun: TWO_RUNTIMES.bun });
  assert.deepEqual(incomparabilities(before.environment, bunOnly.environment), ['no runtime in common: node@22 (baseline) vs bun (this run)']);
});

/** A document whose implementations carry their road (and one more variant, `neon`, added after the run as a new implementation would be). */
function roadDoc() {
  const doc = makeMatrixDoc({ node: {
    js: MEDIANS.js,
    wasm: MEDIANS.wasm,
    'wasm-raw': scaled('wasm', 1 / 2),
    napi: MEDIANS.napi,
    'napi-raw': scaled('napi', 1 / 1.03),
  } });
  const roads = { wasm: 'wasm', 'wasm-raw': 'wasm', napi: 'node-api', 'napi-raw': 'node-api' };
  doc.implementations = doc.implementations.map((i) => ({ ...i, road: roads[i.name] ?? null }));
  return doc;
}

test('by road: each case names the fastest variant on each road and its lead, or that the lead is within noise', () => {
  const doc = roadDoc();
  const table = roadTable(runtimeView(doc, 'node'), 'call');
  assert.deepEqual(table.header, ['call', 'fastest on the wasm road', 'fastest on the node-api road']);
  assert.deepEqual(table.rows[0], ['noop()', 'wasm-raw, 2.00x ahead of wasm', 'napi-raw ≈ napi (within ±5% noise)']);
  assert.match(markdownReport(doc), /## By road/);
});

test('a new implementation on a road appears in the road table with no change to the renderers', () => {
  const doc = roadDoc();
  doc.implementations.push({ name: 'neon', role: 'binding', floorOf: null, road: 'node-api', description: 'neon' });
  doc.results.push(...doc.results.filter((r) => r.impl === 'napi').map((r) => ({ ...r, impl: 'neon', stats: { ...r.stats, p50: r.stats.p50 / 10 } })));
  const table = roadTable(runtimeView(doc, 'node'), 'call');
  assert.deepEqual(table.rows[1], ['add(i32, i32)', 'wasm-raw, 2.00x ahead of wasm', 'neon, 9.71x ahead of napi-raw']);
  assert.match(markdownReport(doc), /\| add\(i32, i32\) \| 1\.00 ns\* \| 4\.00 ns \| 2\.00 ns \| 100 ns \| 97\.1 ns \| 10\.0 ns \|/);
});

/** The verdict a choosing headline gives: the winner it names, or "inconclusive". */
const verdictOf = (headline) => /inconclusive/.test(headline) ? 'inconclusive' : headline.match(/(\w+) is faster in/)[1];

test('two quick runs whose medians move within their noise give the same verdicts, marked indicative', () => {
  // A close call (napi 1.1x wasm) and a clear one (napi 3x wasm), 15 % noise on every cell,
  // measured twice with every median moved by up to ±8 % — inside that noise.
  const close = (jitter) => ({ wasm: { 'call/noop': 100 * jitter[0], 'call/add': 100 * jitter[1] }, napi: { 'call/noop': 110 * jitter[2], 'call/add': 110 * jitter[3] } });
  const clear = (jitter) => ({ wasm: { 'bytes/sumBytes@16': 100 * jitter[0], 'bytes/sumBytes@256': 100 * jitter[1] }, napi: { 'bytes/sumBytes@16': 300 * jitter[2], 'bytes/sumBytes@256': 300 * jitter[3] } });
  const run = (jitter) => {
    const cells = { wasm: { ...close(jitter).wasm, ...clear(jitter).wasm }, napi: { ...close(jitter).napi, ...clear(jitter).napi } };
    return choosingSection(makeMatrixDoc({ node: cells }, { spread: 0.15 })).filter((s) => s.pair === 'wasm vs napi');
  };
  const first = run([1.08, 0.92, 0.95, 1.05]);
  const second = run([0.92, 1.08, 1.05, 0.95]);
  assert.deepEqual(first.map((s) => [s.group, verdictOf(s.headline)]), [['call', 'inconclusive'], ['bytes', 'wasm']]);
  assert.deepEqual(second.map((s) => [s.group, verdictOf(s.headline)]), first.map((s) => [s.group, verdictOf(s.headline)]));
  for (const s of [...first, ...second]) assert.match(s.headline, /^indicative \(quick run\): /);
  assert.match(first[0].headline, /within noise of each other here \(napi takes 1\.\d\dx as long, inside the ±21% the measurements allow/);
  assert.match(first[1].headline, /beyond its ±21% noise/);
});

test('a peer (a library measured beside bindlab) gets ratio columns of each binding over it, and no place in choosing a binding', () => {
  const doc = makeMatrixDoc({ node: { js: MEDIANS.js, wasm: MEDIANS.wasm, napi: MEDIANS.napi } });
  doc.implementations.push({ name: 'memlab', role: 'peer', floorOf: null, road: null, description: 'memlab' });
  doc.results.push(...doc.results.filter((r) => r.impl === 'js').map((r) => ({ ...r, impl: 'memlab', stats: { ...r.stats, p50: r.stats.p50 * 8 } })));
  const { header, rows } = summaryTable(doc, 'call');
  assert.deepEqual(header, ['call', 'js', 'wasm', 'napi', 'memlab', 'wasm/js', 'napi/js', 'wasm/memlab', 'napi/memlab', 'noise']);
  assert.deepEqual(rows[1].slice(4, 9), ['8.00 ns*', '4.00x', '100x', '0.500x', '12.5x']);
  assert.doesNotMatch(markdownReport(doc), /memlab vs|vs memlab/);
});

test('the verdicts compare the first binding of each road with each other, and every other binding with the first of its road', () => {
  assert.deepEqual(bindingPairs(['js', 'wasm', 'wasm-raw', 'napi', 'napi-raw']), [['wasm', 'napi']]);
  assert.deepEqual(bindingPairs(['js', 'wasm', 'wasm-raw', 'napi', 'napi-raw', 'napi-compat', 'napi-v2', 'neon', 'emnapi']), [
    ['wasm', 'napi'], ['napi', 'napi-compat'], ['napi', 'napi-v2'], ['napi', 'neon'], ['wasm', 'emnapi'],
  ]);
  assert.deepEqual(bindingPairs(['napi-v2', 'neon']), [['napi-v2', 'neon']], 'without its road\'s first binding, the first selected leads it');
});

test('a binding a runtime cannot run is said not measurable there, with the reason, instead of compared', () => {
  const doc = makeMatrixDoc({ node: TWO_RUNTIMES['node@22'], chromium: { js: MEDIANS.js, wasm: MEDIANS.wasm } });
  doc.skipped.push(...doc.cases.map((c) => ({ runtime: 'chromium', case: c.id, impl: 'napi', missing: [], reason: 'napi needs Node-API, which a browser lacks' })));
  const [call] = choosingSection(runtimeView(doc, 'chromium'));
  assert.equal(call.headline, 'indicative (quick run): not measurable here: napi needs Node-API, which a browser lacks.');
  assert.deepEqual(runtimeChanges(doc), [], 'not measurable is no change of answer');
  assert.match(terminalReport(doc), /napi on chromium skipped 5 cases: napi needs Node-API, which a browser lacks\./);
});
