// The emnapi variant in a browser: the same build as index.js, loaded through the ES module
// loader napi-rs generates for the web (build/bindlab.wasi-browser.js: it fetches the .wasm
// beside it, instantiates it on a shared memory with @napi-rs/wasm-runtime and
// @emnapi/runtime, and starts its wasm threads from build/wasi-worker-browser.mjs), so it
// needs a cross-origin isolated page. Guarded as on Node (../lib/guarded.js), same brands'
// name and errors. The bench page bundles it (harness/lib/browser/bundle.js) and imports it
// only when a worker measures emnapi.
import native from './build/bindlab.wasi-browser.js';
import { guardedApi } from '../lib/guarded.js';

/** The guarded binding exports (no front: the page adds the snapshot one, as for wasm). */
export default guardedApi('emnapi', native);
