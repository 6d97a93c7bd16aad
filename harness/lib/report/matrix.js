// The runtime × implementation matrix of a results document: its columns, and a view of the
// document restricted to one runtime, which every per-runtime section is computed from.
'use strict';

/** The runtimes of a document, in column order (the environment's, then any a row names that it lacks). */
function runtimesOf(doc) {
  const named = Object.keys(doc.environment.runtimes ?? {});
  const rows = doc.results.map((r) => r.runtime).filter((name) => name !== undefined);
  return [...new Set([...named, ...rows])];
}

/**
 * The matrix columns: one per runtime × implementation, `{ runtime, impl, title }`; the
 * title is the implementation alone when the document has one runtime, else `runtime impl`.
 */
function matrixColumns(doc) {
  const runtimes = runtimesOf(doc);
  const title = (runtime, impl) => (runtimes.length > 1 ? `${runtime} ${impl}` : impl);
  return runtimes.flatMap((runtime) => doc.implementations.map(({ name }) => ({ runtime, impl: name, title: title(runtime, name) })));
}

/** The document as measured on `runtime` only: its runtime, rows, loops, skips, errors, sweeps and verdicts. */
function runtimeView(doc, runtime) {
  const mine = (rows) => rows.filter((r) => r.runtime === undefined || r.runtime === runtime);
  const runtimes = doc.environment.runtimes ?? {};
  return {
    ...doc,
    runtime,
    environment: { ...doc.environment, runtimes: runtime in runtimes ? { [runtime]: runtimes[runtime] } : {} },
    results: mine(doc.results),
    emptyLoops: mine(doc.emptyLoops),
    skipped: mine(doc.skipped),
    errors: mine(doc.errors),
    sweeps: mine(doc.sweeps),
    choosing: mine(doc.choosing),
  };
}

/** One view per runtime, `{ runtime, view, suffix }`; `suffix` (" on <runtime>") names it when there are several. */
function runtimeViews(doc) {
  const runtimes = runtimesOf(doc);
  return runtimes.map((runtime) => ({ runtime, view: runtimeView(doc, runtime), suffix: runtimes.length > 1 ? ` on ${runtime}` : '' }));
}

module.exports = { runtimesOf, matrixColumns, runtimeView, runtimeViews };
