// Chromium as a runtime: the system's browser (`chromium` on PATH, or /usr/bin/chromium),
// driven by playwright-core. A session bundles the page worker (bundle.js), serves it from a
// loopback server and launches one headless browser; each worker run gets a browser context
// of its own (its own renderer process, as a process runtime's worker gets its own process),
// whose page runs worker-loop.mjs and relays every message back through a binding.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const { bundlePage } = require('./bundle.js');

/** Where Chromium is looked for after the PATH. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** How to install Chromium, for the error when it is missing. */
const INSTALL_HINT = 'install it with `apt-get install -y chromium` (as root; Debian/Ubuntu), or pass --runtime chromium:/path/to/chromium';

/** How long a page may take to load its worker (ms); a measuring run has no limit. */
const LOAD_TIMEOUT_MS = 60_000;

/**
 * Served with every file: cross-origin isolation, under which the page's performance.now()
 * ticks in 5 µs steps instead of 100 µs.
 */
const ISOLATION_HEADERS = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

/** The Chromium executable: `chromium` on `env.PATH`, else `system`; throws saying how to install it. */
function findChromium(env = process.env, system = SYSTEM_CHROMIUM) {
  const candidates = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'chromium')), system];
  const found = candidates.find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
  if (!found) throw new Error(`runtime chromium: no Chromium found (looked for chromium on PATH and ${system}); ${INSTALL_HINT}`);
  return found;
}

/** Serves the files of `dir` (flat) on a loopback port, cross-origin isolated; resolves to the server. */
function serve(dir) {
  const server = http.createServer((request, response) => {
    const file = path.join(dir, path.basename(new URL(request.url, 'http://x').pathname));
    if (!fs.existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { ...ISOLATION_HEADERS, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Opens a Chromium session for `runtime` (from resolveRuntime): bundles and serves the page,
 * launches the browser. `emnapiMissing`, when given, overrides why the emnapi build is
 * unavailable (bundle.js; null: it is there). Resolves to `{ describe(), run(input, onMessage), close() }`.
 */
async function openChromium(runtime, { emnapiMissing } = {}) {
  const { chromium } = require('playwright-core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-chromium-'));
  let server;
  let browser;
  let unbundled;
  try {
    ({ unbundled } = await bundlePage(dir, emnapiMissing));
    server = await serve(dir);
    browser = await chromium.launch({ executablePath: runtime.command, args: ['--no-sandbox', '--disable-gpu', ...runtime.flags] });
  } catch (error) {
    server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`runtime chromium (${runtime.command}) did not start: ${error.message.split('\n')[0]}`);
  }
  const url = `http://127.0.0.1:${server.address().port}/page.html`;
  const session = await browser.newBrowserCDPSession();
  const { product, jsVersion } = await session.send('Browser.getVersion');
  await session.detach();
  const description = {
    name: runtime.name,
    version: browser.version(),
    engine: 'V8',
    engineVersion: jsVersion,
    v8: jsVersion,
    executable: runtime.command,
    flags: runtime.flags,
    nodeOptions: null,
    product,
  };

  /**
   * Runs worker `input` in a fresh context, passing each message to `onMessage` as it arrives;
   * resolves with `{ messages, failure }` as a process worker's run does, the page given up
   * after `timeoutMs` (its context closed).
   */
  async function run(input, onMessage = () => {}, timeoutMs = Infinity) {
    const context = await browser.newContext();
    const messages = [];
    try {
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.exposeFunction('bindlabEmit', (message) => {
        messages.push(message);
        onMessage(message);
      });
      await page.goto(url);
      await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: LOAD_TIMEOUT_MS })
        .catch((error) => { throw new Error(`the page worker did not load: ${problems.join('; ') || error.message}`); });
      const given = { ...input, unbundled: unbundled[input.impl] ?? null };
      const measuring = page.evaluate(([pageInput, runtimeRecord]) => globalThis.bindlabRun(pageInput, runtimeRecord), [given, description]);
      measuring.catch(() => {}); // after a timeout it rejects as the context closes; the race has reported it
      let timer;
      // setTimeout takes Infinity for 1 ms: with no limit, the page is simply awaited.
      const late = new Promise((_, reject) => {
        if (Number.isFinite(timeoutMs)) timer = setTimeout(() => reject(new Error(`stopped after ${timeoutMs / 1000} s`)), timeoutMs);
      });
      await Promise.race([measuring, late]).finally(() => clearTimeout(timer));
      return { messages, failure: null };
    } catch (error) {
      return { messages, failure: `the ${input.impl ?? 'describe'} worker (chromium) failed: ${error.message.split('\n')[0]}` };
    } finally {
      await context.close();
    }
  }

  async function close() {
    await browser.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  return { describe: () => description, run, close };
}

module.exports = { findChromium, openChromium, serve, INSTALL_HINT };
