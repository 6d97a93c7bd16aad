// Bundles the page worker (page.mjs: worker-loop.mjs, the cases, plain JS and the web build of
// the wasm package) into one ES module for Chromium, with esbuild (a root devDependency),
// beside page.html and the .wasm the glue fetches. Node's built-in modules become empty
// objects: a case that uses them declares `needs: ['node']` and is skipped in the page.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WASM = path.join(ROOT, 'wasm-binding', 'pkg-web', 'bindlab_wasm_bg.wasm');

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
 * Writes page.html, page.mjs and the .wasm into `dir`; rejects with what to run when the web
 * build of the wasm package is missing.
 */
async function bundlePage(dir) {
  if (!fs.existsSync(WASM)) throw new Error(`the web build of the wasm package is missing (${path.relative(ROOT, WASM)}): run node tools/bootstrap.js`);
  await require('esbuild').build({
    entryPoints: [path.join(__dirname, 'page.mjs')],
    outfile: path.join(dir, 'page.mjs'),
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
  fs.copyFileSync(WASM, path.join(dir, path.basename(WASM)));
}

module.exports = { bundlePage };
