// The results document (results.json): assembled from the worker processes' measurements,
// written, read back and checked. Its fields are documented in harness/SCHEMA.md; bump
// VERSION whenever a field changes meaning or disappears.
'use strict';

const fs = require('node:fs');
const { IMPLEMENTATIONS, referencesOf } = require('./implementations.js');
const { combineRepeats, fastestRepeat, isOptimisedAway, noise } = require('./stats.js');
const { compareSweeps } = require('./crossover.js');
const { chooseBindings } = require('./verdict.js');
const { upgradeVersion2 } = require('./results-v2.js');

const FORMAT = 'bindlab-results';
const VERSION = 3;

/** The key of a (runtime, implementation, case) cell; rows written before runtimes were recorded have none. */
function cellKey(runtime, impl, caseId) {
  return `${runtime ?? ''}\0${impl}\0${caseId}`;
}

/** A lookup `(caseId, impl) → median ns` over result rows of one runtime (undefined when not measured). */
function medianLookup(results, runtime) {
  const byKey = new Map(results.map((r) => [cellKey(r.runtime, r.impl, r.case), r.stats.p50]));
  return (caseId, impl) => byKey.get(cellKey(runtime ?? results[0]?.runtime, impl, caseId));
}

/** A lookup `(caseId, impl) → noise` (stats.noise) over result rows of one runtime (0 when not measured). */
function noiseLookup(results, runtime) {
  const byKey = new Map(results.map((r) => [cellKey(r.runtime, r.impl, r.case), noise(r.stats)]));
  return (caseId, impl) => byKey.get(cellKey(runtime ?? results[0]?.runtime, impl, caseId)) ?? 0;
}

/** The runtime name a process record ran in: its `runtime` name, or the only runtime of an older runner's record. */
function runtimeOf(proc, runtimes) {
  return typeof proc.runtime === 'string' ? proc.runtime : runtimes[0];
}

/** One result row per (runtime, case, implementation) measured, its repeats combined. */
function combineResults(processes, runtimes) {
  const rows = new Map();
  for (const proc of processes) {
    const runtime = runtimeOf(proc, runtimes);
    for (const { case: id, stats, batch, guard } of proc.results) {
      const key = cellKey(runtime, proc.impl, id);
      if (!rows.has(key)) rows.set(key, { runtime, case: id, impl: proc.impl, runs: [] });
      rows.get(key).runs.push({ stats, batch, guard, emptyLoopRatio: stats.p50 / proc.empty.p50 });
    }
  }
  return [...rows.values()].map(({ runtime, case: id, impl, runs }) => {
    const fastest = runs[fastestRepeat(runs.map((r) => r.stats))];
    const { emptyLoopRatio } = fastest;
    return {
      runtime,
      case: id,
      impl,
      stats: combineRepeats(runs.map((r) => r.stats)),
      repeatMedians: runs.map((r) => r.stats.p50),
      batch: fastest.batch ?? null,
      emptyLoopRatio,
      optimisedAway: isOptimisedAway(emptyLoopRatio),
      memoryGuard: runs.find((r) => r.guard)?.guard ?? null,
    };
  });
}

/** Adds to each row its ratio to the baseline's median (`vsBaseline`) and to its floor's (`vsFloor`) in the same runtime, null when absent. */
function addRatios(results) {
  const byKey = new Map(results.map((r) => [cellKey(r.runtime, r.impl, r.case), r.stats.p50]));
  return results.map((r) => {
    const { baseline, floor } = referencesOf(r.impl);
    const ref = (name) => name && byKey.get(cellKey(r.runtime, name, r.case));
    const ratio = (name) => (ref(name) !== undefined && ref(name) !== null ? r.stats.p50 / ref(name) : null);
    return { ...r, vsBaseline: ratio(baseline), vsFloor: ratio(floor) };
  });
}

/**
 * The pairs of selected bindings (role 'binding') the verdicts compare, in column order: the
 * first binding of each road (wasm, napi) against each other, then every other binding against
 * the first of its own road (napi-v2 against napi). A binding without a road is a road of its own.
 */
function bindingPairs(impls) {
  const bindings = impls.filter((name) => IMPLEMENTATIONS[name].role === 'binding');
  const roadOf = (name) => IMPLEMENTATIONS[name].road ?? name;
  const heads = bindings.filter((name, i) => bindings.findIndex((other) => roadOf(other) === roadOf(name)) === i);
  const headOf = (name) => heads.find((head) => roadOf(head) === roadOf(name));
  return [
    ...heads.flatMap((a, i) => heads.slice(i + 1).map((b) => [a, b])),
    ...bindings.filter((name) => !heads.includes(name)).map((name) => [headOf(name), name]),
  ];
}

/**
 * Per runtime and pair of bindings, the sweeps' crossovers and the choosing verdicts (over
 * the cases a user chooses between: not the ladders' rungs), each record carrying its `runtime`.
 */
function verdictsOf(results, cases, impls, runtimes) {
  const choices = cases.filter((c) => !c.ladder);
  const pairs = bindingPairs(impls);
  const per = (compute) => runtimes.flatMap((runtime) => {
    const lookup = medianLookup(results, runtime);
    const noiseOf = noiseLookup(results, runtime);
    return pairs.flatMap(([a, b]) => compute(lookup, noiseOf, a, b)).map((record) => ({ runtime, ...record }));
  });
  return {
    sweeps: per((lookup, noiseOf, a, b) => compareSweeps(cases, lookup, a, b)),
    choosing: per((lookup, noiseOf, a, b) => chooseBindings(choices, lookup, a, b, noiseOf)),
  };
}

/**
 * Builds the results document from a run: `options` as run, `environment` (its `runtimes`
 * name the runtimes, in column order), the case descriptions, and the per-process records of
 * `runMatrix` (a process of an implementation a runtime cannot load has `empty: null`).
 */
function buildResults({ options, environment, cases, processes }) {
  const runtimes = Object.keys(environment.runtimes);
  const results = addRatios(combineResults(processes, runtimes));
  const at = (proc) => ({ runtime: runtimeOf(proc, runtimes), impl: proc.impl, repeat: proc.repeat });
  return {
    format: FORMAT,
    version: VERSION,
    createdAt: environment.date,
    options,
    environment,
    implementations: options.impls.map((name) => {
      const { role, floorOf, road, description } = IMPLEMENTATIONS[name];
      return { name, role, floorOf: floorOf ?? null, road: road ?? null, description };
    }),
    cases,
    emptyLoops: processes.filter((proc) => proc.empty).map((proc) => ({ ...at(proc), stats: proc.empty })),
    results,
    skipped: processes.filter((proc) => proc.repeat === 0)
      .flatMap((proc) => proc.skips.map((s) => ({ ...s, runtime: runtimeOf(proc, runtimes), impl: proc.impl }))),
    errors: processes.flatMap((proc) => proc.errors.map((e) => ({ ...e, ...at(proc) }))),
    ...verdictsOf(results, cases, options.impls, runtimes),
    comparison: null,
  };
}

/** Field → expected type of a results document's top level (`array` and `object` exclude each other). */
const TOP_LEVEL = {
  format: 'string', version: 'number', createdAt: 'string', options: 'object', environment: 'object',
  implementations: 'array', cases: 'array', emptyLoops: 'array', results: 'array', skipped: 'array',
  errors: 'array', sweeps: 'array', choosing: 'array',
};
const STATS = ['n', 'min', 'p25', 'p50', 'p75', 'p99', 'max', 'mean', 'mad', 'spread'];

/** The type name `TOP_LEVEL` uses for a value. */
function typeOf(value) {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

/** Throws an Error naming the first field of `doc` that does not fit this schema version; returns `doc`. */
function validateResults(doc) {
  if (typeOf(doc) !== 'object' || doc.format !== FORMAT) throw new Error(`not a ${FORMAT} document`);
  if (doc.version === 2) return validateResults(upgradeVersion2(doc));
  if (doc.version !== VERSION) throw new Error(`${FORMAT} version ${doc.version} is not supported (this harness reads version ${VERSION})`);
  for (const [field, type] of Object.entries(TOP_LEVEL)) {
    if (typeOf(doc[field]) !== type) throw new Error(`${field}: expected ${type}, found ${typeOf(doc[field])}`);
  }
  doc.results.forEach((row, i) => {
    if (typeof row.case !== 'string' || typeof row.impl !== 'string') throw new Error(`results[${i}]: case and impl must be strings`);
    for (const key of STATS) {
      if (typeof row.stats?.[key] !== 'number') throw new Error(`results[${i}].stats.${key}: expected number`);
    }
  });
  return doc;
}

/** Reads and checks a results.json file. */
function readResults(file) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error.message}`);
  }
  try {
    return validateResults(doc);
  } catch (error) {
    throw new Error(`${file}: ${error.message}`);
  }
}

/** The document as written to results.json. */
function serializeResults(doc) {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

module.exports = { VERSION, cellKey, bindingPairs, buildResults, validateResults, readResults, serializeResults, medianLookup, noiseLookup };
