// The worker of a Chromium page (bundled by bundle.js, loaded by page.html, driven by
// chromium.js): `bindlabRun(input, runtime)` runs worker-loop.mjs on `input` as a process
// worker would, handing each message to the host's `bindlabEmit` binding; `runtime` is the
// description the host read from the browser. The host selects the cases (cases.js's
// loadCases, in Node) and sends their ids as `input.caseIds`, and the implementation's road
// (implementations.js) as `input.road`.
import { runWorkerInput } from '../worker-loop.mjs';
import { expandTables } from '../cases.js';
import { summarize } from '../stats.js';
import { ints } from '@bindlab/bench-js/inputs.js';
import callOverhead from '@bindlab/bench-js/call-overhead.js';
import transfer from '@bindlab/bench-js/transfer.js';
import { loadInPage, unavailableInPage } from './implementations.mjs';

/**
 * The case tables whose code runs in a page. real-api.js reads its fixtures with node:fs and
 * node:zlib as it loads, so its cases are not here: a case id the host sends that no table
 * here has stands for a case that needs Node's modules.
 */
const PAGE_CASES = new Map(expandTables([callOverhead, transfer]).map((c) => [c.id, c]));

/** The cases of `ids`, in order; one that needs Node's modules as `{ id, uses: [], needs: ['node'] }`. */
const casesOf = (ids) => ids.map((id) => PAGE_CASES.get(id) ?? { id, uses: [], needs: ['node'] });

globalThis.bindlabRun = (input, runtime) => runWorkerInput(input, {
  emit: (message) => globalThis.bindlabEmit(message),
  describeRuntime: () => runtime,
  unavailable: (name) => unavailableInPage(name, input.road),
  loadImplementation: loadInPage,
  loadCases: () => casesOf(input.caseIds),
  summarize,
  emptyArgs: ints,
  provides: [],
  // Chromium clamps performance.now() to 5 µs steps in a cross-origin isolated page, 100 µs otherwise.
  clockResolutionNs: globalThis.crossOriginIsolated ? 5e3 : 1e5,
});
document.body.dataset.state = 'ready';
