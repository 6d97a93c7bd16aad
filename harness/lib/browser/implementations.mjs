// The implementations a page can load, as worker-loop.mjs's host asks for them: plain JS,
// the wasm package built for the web (wasm-pack's `--target web` glue in pkg-web/, with the
// raw floor and the argument guards of the Node package and its snapshot front), and the
// emnapi variant (the napi binding on emnapi inside WebAssembly, through napi-rs's browser
// loader: emnapi.mjs, which bundle.js writes beside the page when that variant is built, and
// which needs the page cross-origin isolated for its shared memory and wasm threads). The
// Node-API implementations need a Node-API host, which a browser is not.
import init, * as glue from '../../../wasm-binding/pkg-web/bindlab_wasm.js';
import { rawProbes } from '../../../wasm-binding/raw.js';
import { guard } from '../../../wasm-binding/guard.js';
import { snapshotFront } from '@bindlab/api/lib/snapshots.js';
import * as plain from '@bindlab/bench-js/plain.js';

/**
 * The lab API of guarded binding exports `binding` as a page has it: the exports and the
 * snapshot front (memwatch needs Node), in an object literal with fast properties, as on Node.
 */
const pageApi = (binding) => ({ ...binding, ...snapshotFront(binding, null) });

/** The wasm package as the Node one assembles it (wasm-binding/index.js), minus memwatch. */
async function loadWasm() {
  await init();
  const binding = { ...glue };
  delete binding.default; // wasm-pack's init
  binding.raw = rawProbes(binding.rawExports());
  delete binding.install_panic_hook; // the start function, run at instantiation
  guard(binding);
  return pageApi(binding);
}

/**
 * The emnapi variant as variants/emnapi/browser.mjs guards it. Imported by URL at run time, so
 * that the page bundle neither contains it nor needs its build.
 */
async function loadEmnapi() {
  if (!globalThis.crossOriginIsolated) throw new Error('emnapi needs a cross-origin isolated page (SharedArrayBuffer, wasm threads)');
  const { default: binding } = await import(new URL('./emnapi.mjs', import.meta.url).href);
  return pageApi(binding);
}

/** Implementation name → loads its API object. */
const LOADERS = {
  js: async () => ({ ...plain }),
  wasm: loadWasm,
  'wasm-raw': async () => (await loadWasm()).raw,
  emnapi: loadEmnapi,
};

/** Why implementation `name`, of road `road` (implementations.js), cannot run in a page, or null when it can. */
export function unavailableInPage(name, road) {
  if (name in LOADERS) return null;
  return road === 'node-api' ? 'needs Node-API, which a browser lacks' : 'has no loader in the bench page (harness/lib/browser/implementations.mjs)';
}

/** Loads the API object of implementation `name` in this page. */
export function loadInPage(name) {
  return LOADERS[name]();
}
