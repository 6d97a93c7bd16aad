// The overhead breakdown: where a binding's time over its hand-written floor goes, from
// the overhead ladders (the cases declaring a `ladder`: the case they rebuild, their step and
// what they add; bench-js/call-overhead.js), and how far each binding sits from its floor.
// Every number comes from the medians of one runtime's view of the results document
// (matrix.js runtimeView).
'use strict';

const { formatTime, formatRatio, formatPercent } = require('./format.js');

/** A binding within this many times its floor's median sits at its floor (the bar of issue #5). */
const FLOOR_TARGET = 1.25;

/** Marks a ratio above `FLOOR_TARGET`. */
const ABOVE_TARGET_MARK = '!';

/** A lookup `(caseId, impl) → median ns`. */
function medians(doc) {
  const byKey = new Map(doc.results.map((r) => [`${r.impl}\0${r.case}`, r.stats.p50]));
  return (caseId, impl) => byKey.get(`${impl}\0${caseId}`);
}

/** The ladders in case order: `{ of, baseId, rungs: [{ id, step, label }] }`; `of` names the case the ladder rebuilds, `baseId` is its id. */
function laddersOf(doc) {
  const ladders = new Map();
  for (const c of doc.cases.filter((x) => x.ladder)) {
    const { of: baseId, step, adds } = c.ladder;
    if (!ladders.has(baseId)) ladders.set(baseId, { of: doc.cases.find((x) => x.id === baseId)?.name ?? baseId, baseId, rungs: [] });
    ladders.get(baseId).rungs.push({ id: c.id, step, label: adds });
  }
  return [...ladders.values()].map((ladder) => ({ ...ladder, rungs: ladder.rungs.sort((a, b) => a.step - b.step) }));
}

/** A time difference with its sign ("+12.3 ns", "−1.20 ns"). */
function formatDelta(ns) {
  return `${ns < 0 ? '−' : '+'}${formatTime(Math.abs(ns))}`;
}

/**
 * One ladder as a table: the floor, each rung, then the binding itself; per line its median,
 * what it adds over the line before, its ratio to the floor and its share of the whole gap
 * between floor and binding. Null when the ladder's floor or binding was not measured.
 */
function ladderTable(doc, ladder) {
  const find = medians(doc);
  const floor = doc.implementations.find((i) => i.floorOf && ladder.rungs.some((r) => find(r.id, i.name) !== undefined));
  const floorNs = floor && find(ladder.baseId, floor.name);
  const bindingNs = floor && find(ladder.baseId, floor.floorOf);
  if (floorNs === undefined || bindingNs === undefined) return null;
  const lines = [
    [`floor (${floor.name})`, floorNs],
    ...ladder.rungs.map((r) => [`${r.step} ${r.label}`, find(r.id, floor.name)]).filter(([, ns]) => ns !== undefined),
    [`the binding (${floor.floorOf})`, bindingNs],
  ];
  const gap = bindingNs - floorNs;
  const rows = lines.map(([label, ns], i) => {
    const delta = i === 0 ? null : ns - lines[i - 1][1];
    return [label, formatTime(ns), delta === null ? '' : formatDelta(delta), formatRatio(ns / floorNs),
      delta === null || gap <= 0 ? '' : formatPercent(delta / gap)];
  });
  return {
    title: `${ladder.of}: ${floor.floorOf} ${formatRatio(bindingNs / floorNs)} its floor, ${formatDelta(gap)} per call`,
    header: [ladder.of, 'median', 'adds', 'x floor', 'share of gap'],
    rows,
  };
}

/** Every ladder that could be tabulated, in case order. */
function ladderTables(doc) {
  return laddersOf(doc).map((ladder) => ladderTable(doc, ladder)).filter(Boolean);
}

/**
 * Each binding's distance from its floor, for every case outside the ladders measured on a
 * floor: `{ header, rows, summary }`, a ratio above `FLOOR_TARGET` marked, and one sentence
 * per binding counting such cases. Null when no floor was measured.
 */
function floorTable(doc) {
  const find = medians(doc);
  const pairs = doc.implementations.filter((i) => i.floorOf && doc.implementations.some((b) => b.name === i.floorOf))
    .map((floor) => ({ floor: floor.name, binding: floor.floorOf }))
    .filter((p) => doc.cases.some((c) => find(c.id, p.floor) !== undefined && find(c.id, p.binding) !== undefined));
  const cases = doc.cases.filter((c) => !c.ladder && pairs.some((p) => find(c.id, p.floor) !== undefined));
  if (!cases.length) return null;
  const ratio = (c, p) => {
    const [b, f] = [find(c.id, p.binding), find(c.id, p.floor)];
    return b === undefined || f === undefined ? undefined : b / f;
  };
  const rows = cases.map((c) => [c.name, ...pairs.flatMap((p) => {
    const r = ratio(c, p);
    return [formatTime(find(c.id, p.binding)), formatTime(find(c.id, p.floor)),
      r === undefined ? '-' : `${formatRatio(r)}${r > FLOOR_TARGET ? ` ${ABOVE_TARGET_MARK}` : ''}`];
  })]);
  const summary = pairs.map((p) => {
    const ratios = cases.map((c) => ({ name: c.name, r: ratio(c, p) })).filter((x) => x.r !== undefined);
    const above = ratios.filter((x) => x.r > FLOOR_TARGET);
    return `${p.binding}: within ${formatRatio(FLOOR_TARGET)} of ${p.floor} in ${ratios.length - above.length} of ${ratios.length} cases`
      + `${above.length ? `; above it at ${above.map((x) => `${x.name} (${formatRatio(x.r)})`).join(', ')}` : ''}.`;
  });
  return {
    header: ['case', ...pairs.flatMap((p) => [p.binding, p.floor, `${p.binding} x floor`])],
    rows,
    summary,
  };
}

/** An implementation as its version rows name it: `napi-v2 (napi-rs 2.16.17)`, or the name alone when no library is recorded. */
function variantLabel(doc, name) {
  const recorded = doc.environment.implementations?.[name];
  return recorded?.library ? `${name} (${recorded.library} ${recorded.version ?? 'version unknown'})` : name;
}

/** A version string's numeric parts, for ordering releases ("2.16.17" → [2, 16, 17]; not a version → []). */
function versionParts(version) {
  return /^\d+(\.\d+)*$/.test(version ?? '') ? version.split('.').map(Number) : [];
}

/**
 * `variants` (implementation records) with the releases of each library together, oldest
 * first, the libraries in column order: so the rows of one library read as its history.
 */
function byRelease(doc, variants) {
  const recorded = (name) => doc.environment.implementations?.[name] ?? {};
  const libraries = [...new Set(variants.map((v) => recorded(v.name).library ?? v.name))];
  const older = (a, b) => {
    const [x, y] = [versionParts(recorded(a.name).version), versionParts(recorded(b.name).version)];
    const at = x.findIndex((part, i) => part !== y[i]);
    return at < 0 ? x.length - y.length : x[at] - (y[at] ?? 0);
  };
  return libraries.flatMap((library) => variants.filter((v) => (recorded(v.name).library ?? v.name) === library).sort(older));
}

/**
 * The version rows: per floor whose road has two variants or more besides it, a row per
 * variant (labelled with its library version; a library's releases oldest first) and a
 * column per case the floor measured, each cell the variant's median and its ratio to the
 * floor — which release or style brought a cost in. `[{ title, header, rows }]`, none when
 * no road has two such variants.
 */
function versionTables(doc) {
  const find = medians(doc);
  return doc.implementations.filter((i) => i.role === 'floor' && i.road).flatMap((floor) => {
    const variants = doc.implementations.filter((i) => i.road === floor.road && i.name !== floor.name && i.role !== 'floor');
    const cases = doc.cases.filter((c) => !c.ladder && find(c.id, floor.name) !== undefined);
    if (variants.length < 2 || !cases.length) return [];
    const cell = (c, name) => {
      const ns = find(c.id, name);
      return ns === undefined ? '-' : `${formatTime(ns)} (${formatRatio(ns / find(c.id, floor.name))})`;
    };
    return [{
      title: `versions on the ${floor.road} road, against ${floor.name}`,
      header: ['variant', ...cases.map((c) => c.name)],
      rows: [floor, ...byRelease(doc, variants)].map((v) => [variantLabel(doc, v.name), ...cases.map((c) => cell(c, v.name))]),
    }];
  });
}

/** The legend every report prints under the breakdown. */
const BREAKDOWN_LEGEND = `Each rung adds one step of the binding's generated code to the floor (bench-js/call-overhead.js, `
  + `napi-binding/src/floor/overhead*.rs); "adds" is its median minus the line above, "share of gap" that difference over the `
  + `binding's distance from its floor. A negative step is noise. ${ABOVE_TARGET_MARK}: above ${formatRatio(FLOOR_TARGET)} the floor. `
  + 'Where the wasm glue stays above its floor: it copies a slice argument (sum) into memory it allocates in the wasm '
  + 'heap for each call and frees after it, where the floor reuses one scratch buffer, a fixed cost that fades as arrays '
  + 'grow; and each exported function is a JS function around the wasm export that first checks whether a panic '
  + 'scheduled a new instance (wasm-binding/src/panic.rs), a few cycles that show only against a call that does nothing.';

module.exports = { FLOOR_TARGET, BREAKDOWN_LEGEND, laddersOf, ladderTables, floorTable, versionTables };
