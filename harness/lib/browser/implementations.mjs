// The implementations a page can load, as worker-loop.mjs's host asks for them: plain JS and
// the wasm package built for the web (wasm-pack's `--target web` glue in pkg-web/, with the
// raw floor and the argument guards of the Node package and its snapshot front). The Node-API
// implementations need a Node-API host, which a browser is not.
import init, * as glue from '../../../wasm-binding/pkg-web/bindlab_wasm.js';
import { rawProbes } from '../../../wasm-binding/raw.js';
import { guard } from '../../../wasm-binding/guard.js';
import { snapshotFront } from '@bindlab/api/lib/snapshots.js';
import * as plain from '@bindlab/bench-js/plain.js';

/** The wasm package as the Node one assembles it (wasm-binding/index.js), minus memwatch, which needs Node. */
async function loadWasm() {
  await init();
  const binding = { ...glue };
  delete binding.default; // wasm-pack's init
  binding.raw = rawProbes(binding.rawExports());
  delete binding.install_panic_hook; // the start function, run at instantiation
  guard(binding);
  // An object literal with fast properties, as on Node.
  return { ...binding, ...snapshotFront(binding, null) };
}

/** Implementation name → loads its API object. */
const LOADERS = {
  js: async () => ({ ...plain }),
  wasm: loadWasm,
  'wasm-raw': async () => (await loadWasm()).raw,
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
