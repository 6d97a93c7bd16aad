// The worker of a Chromium page (bundled by bundle.js, loaded by page.html, driven by
// chromium.js): `bindlabRun(input, runtime)` runs worker-loop.mjs on `input` as a process
// worker would, handing each message to the host's `bindlabEmit` binding; `runtime` is the
// description the host read from the browser. The host selects the cases (cases.js's
// loadCases, in Node) and sends their ids as `input.caseIds`, and the implementation's road
// (implementations.js) as `input.road`; the session adds `input.unbundled`, why the bundle
// lacks the implementation (bundle.js: emnapi unbuilt), or null.
import { runWorkerInput } from '../worker-loop.mjs';
import { expandTables } from '../cases.js';
import { summarize } from '../stats.js';
import { ints } from '@bindlab/bench-js/inputs.js';
import callOverhead from '@bindlab/bench-js/call-overhead.js';
import transfer from '@bindlab/bench-js/transfer.js';
import realApi from '@bindlab/bench-js/real-api.js';
import { loadInPage, unavailableInPage } from './implementations.mjs';

/**
 * The bench tables (bench-js/index.js's `bench`, which also loads the lifetime and repro
 * cases, so not through it). A case reading files declares `needs: ['node']`: its table loads
 * here, and the worker skips it.
 */
const PAGE_CASES = new Map(expandTables([callOverhead, transfer, realApi]).map((c) => [c.id, c]));

/** What a case id the host sends and no table here has needs: this list to include its file. */
const NOT_IN_PAGE = 'its case file listed in harness/lib/browser/page.mjs';

/** The cases of `ids`, in order. */
const casesOf = (ids) => ids.map((id) => PAGE_CASES.get(id) ?? { id, uses: [], needs: [NOT_IN_PAGE] });

globalThis.bindlabRun = (input, runtime) => runWorkerInput(input, {
  emit: (message) => globalThis.bindlabEmit(message),
  describeRuntime: () => runtime,
  unavailable: (name) => input.unbundled ?? unavailableInPage(name, input.road),
  loadImplementation: loadInPage,
  loadCases: () => casesOf(input.caseIds),
  summarize,
  emptyArgs: ints,
  provides: [],
  // Chromium clamps performance.now() to 5 µs steps in a cross-origin isolated page, 100 µs otherwise.
  clockResolutionNs: globalThis.crossOriginIsolated ? 5e3 : 1e5,
});
/** Loads implementation `name` as a worker would, for checks that call it (test/browser.test.js). */
globalThis.bindlabLoad = loadInPage;
document.body.dataset.state = 'ready';
