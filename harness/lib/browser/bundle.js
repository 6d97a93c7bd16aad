// Bundles the page worker (page.mjs: worker-loop.mjs, the cases, plain JS and the web build of
// the wasm package) into one ES module for Chromium, with esbuild (a root devDependency),
// beside page.html and the .wasm the glue fetches. Node's built-in modules become empty
// objects: a case that uses them declares `needs: ['node']` and is skipped in the page.
// When the emnapi variant is built, its browser loader (variants/emnapi/browser.mjs) becomes
// a module of its own, emnapi.mjs, which the page imports only for an emnapi worker, beside
// the wasm-thread worker napi-rs generates (wasi-worker-browser.mjs) and the .wasm they fetch.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { VARIANTS } = require('../variants.js');
const { buildDir } = require('../../../variants/lib/built.js');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WASM = path.join(ROOT, 'wasm-binding', 'pkg-web', 'bindlab_wasm_bg.wasm');
const EMNAPI_BUILD = buildDir('emnapi');

/**
 * The emnapi variant's part of the page: the modules to bundle (output name → entry, the
 * names its loader and page's implementations.mjs fetch) and the .wasm to copy.
 */
const EMNAPI_PART = {
  entries: {
    emnapi: path.join(ROOT, 'variants', 'emnapi', 'browser.mjs'),
    'wasi-worker-browser': path.join(EMNAPI_BUILD, 'wasi-worker-browser.mjs'),
  },
  assets: [path.join(EMNAPI_BUILD, 'bindlab.wasm32-wasi.wasm')],
};

/** esbuild plugin: `node:fs`, `fs` … resolve to an empty CommonJS module. */
const nodeBuiltinsAsEmpty = {
  name: 'node-builtins-as-empty',
  setup(build) {
    const builtins = new Set(require('node:module').builtinModules);
    build.onResolve({ filter: /^[a-z0-9_:/]+$/ }, ({ path: spec }) => (
      spec.startsWith('node:') || builtins.has(spec) ? { path: spec, namespace: 'node-builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'node-builtin' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * Writes page.html, page.mjs and the .wasm into `dir` (flat), and emnapi's modules unless
 * `emnapiMissing` says why its build is unavailable (variants.js's reason, as on Node);
 * rejects with what to run when the web build of the wasm package is missing. Resolves to
 * `{ unbundled }`: implementation name → why the page cannot load it, for those left out.
 */
async function bundlePage(dir, emnapiMissing = VARIANTS.emnapi.unavailable()) {
  if (!fs.existsSync(WASM)) throw new Error(`the web build of the wasm package is missing (${path.relative(ROOT, WASM)}): run node tools/bootstrap.js`);
  const parts = emnapiMissing ? [] : [EMNAPI_PART];
  await require('esbuild').build({
    entryPoints: { page: path.join(__dirname, 'page.mjs'), ...Object.assign({}, ...parts.map((part) => part.entries)) },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
    // mitata imports bun:jsc only when it runs on Bun.
    external: ['bun:*'],
    plugins: [nodeBuiltinsAsEmpty],
  });
  fs.copyFileSync(path.join(__dirname, 'page.html'), path.join(dir, 'page.html'));
  for (const asset of [WASM, ...parts.flatMap((part) => part.assets)]) fs.copyFileSync(asset, path.join(dir, path.basename(asset)));
  return { unbundled: emnapiMissing ? { emnapi: emnapiMissing } : {} };
}

module.exports = { bundlePage };
