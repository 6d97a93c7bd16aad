// The wasm package in a browser: Debian's headless Chromium (driven by playwright-core)
// loads the page wasm-binding/web/page.html from a loopback server, is handed the two
// committed fixture snapshots as files, and shows their diff — the pinned one — computed
// in the page by the web build, with no request leaving the machine. Then the bench report
// of a runtime × implementation matrix (report.html, made from synthetic measurements)
// renders in Chromium: no script error, nothing fetched, a column per runtime and binding,
// "-" where a runtime cannot run a binding. And the emnapi variant, loaded in the bench page
// as a worker loads it (napi-rs's browser loader, in a cross-origin isolated page), gives the
// answers and the guarded errors it gives on Node. Skipped when Chromium is absent (.ci/run
// installs it), the emnapi check also when that variant is not built.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const zlib = require('node:zlib');

const CHROMIUM = '/usr/bin/chromium';
const WEB = path.join(__dirname, '..', 'wasm-binding', 'web');
const FIXTURES = path.join(__dirname, '..', 'core', 'tests', 'fixtures');
const PINNED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'fixture-diff.json'), 'utf8'));
const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
const skip = !fs.existsSync(CHROMIUM) && `${CHROMIUM} is absent (Debian: apt-get install -y chromium)`;
const emnapiMissing = require('../harness/lib/variants.js').VARIANTS.emnapi.unavailable();

/** Serves `root` on a loopback port; resolves to the server. */
function serve(root) {
  const server = http.createServer((request, response) => {
    const file = path.join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * A new page of `browser` and the problems seen on it: script errors, and requests for any
 * URL `isLocal` refuses.
 */
async function watchedPage(browser, isLocal) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (!isLocal(request.url())) problems.push(`fetched ${request.url()}`);
  });
  return { page, problems };
}

/**
 * Opens `server`'s page.html in a new headless Chromium, waits until the page says it is
 * ready, hands it to `use`, then checks that the page made no script error and fetched
 * nothing from elsewhere; closes the browser and the server.
 */
async function withReadyPage(server, use) {
  const { chromium } = require('playwright-core');
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const { page, problems } = await watchedPage(browser, (url) => url.startsWith(origin));
    await page.goto(`${origin}/page.html`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    await use(page);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.close();
  }
}

test('the page diffs two snapshot files in the browser, locally, as Node does', { skip }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-browser-'));
  const files = ['before', 'after'].map((side) => {
    const file = path.join(dir, `${side}.heapsnapshot`);
    fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, `${side}.heapsnapshot.gz`))));
    return file;
  });
  try {
    await withReadyPage(await serve(WEB), async (page) => {
      await page.setInputFiles('#before', files[0]);
      await page.setInputFiles('#after', files[1]);
      await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: 60_000 });
      assert.equal(await page.evaluate(() => document.body.dataset.state), 'done', await page.textContent('#status'));
      assert.deepEqual(await page.evaluate(() => window.bindlabDiff), PINNED);
      const first = await page.$$eval('#result tbody tr:first-child td', (cells) => cells.map((cell) => cell.textContent));
      const largest = [...PINNED.change.details].sort((a, b) => b.size_bytes - a.size_bytes)[0];
      assert.deepEqual(first.slice(0, 4), [largest.what, `+${largest['+']}`, `-${largest['-']}`, largest.size]);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('report.html of a runtime matrix renders in Chromium, with a column per runtime and binding and "-" for napi in a browser', { skip }, async () => {
  const { chromium } = require('playwright-core');
  const { makeMatrixDoc } = require('../harness/test/fixture.js');
  const { htmlReport } = require('../harness/lib/report/html.js');
  const cells = { 'call/noop': 3, 'call/add': 4 };
  const doc = makeMatrixDoc({ 'node@22': { js: cells, wasm: cells, napi: cells }, chromium: { js: cells, wasm: cells } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-report-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, htmlReport(doc));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const { page, problems } = await watchedPage(browser, (url) => url.startsWith('file:') || url.startsWith('data:'));
    await page.goto(`file://${file}`);
    await page.waitForLoadState('load');
    const tables = await page.$$eval('table', (all) => all.map((table) => ({
      head: [...table.querySelectorAll('tr:first-child th, thead th')].map((cell) => cell.textContent.trim()),
      rows: [...table.querySelectorAll('tbody tr')].map((row) => [...row.cells].map((cell) => cell.textContent.trim())),
    })));
    const matrix = tables.find((t) => t.rows.some((row) => row[0] === 'add(i32, i32)') && t.head.some((h) => h.includes('chromium')));
    assert.ok(matrix, `a table of the call group with the runtimes as columns (tables: ${JSON.stringify(tables.map((t) => t.head))})`);
    for (const runtime of ['node@22', 'chromium']) {
      for (const impl of ['js', 'wasm', 'napi']) assert.ok(matrix.head.some((h) => h.includes(runtime) && h.includes(impl)), `${runtime} ${impl} column in ${matrix.head}`);
    }
    const column = matrix.head.findIndex((h) => h.includes('chromium') && h.includes('napi'));
    const add = matrix.rows.find((row) => row[0] === 'add(i32, i32)');
    assert.equal(add[column], '-');
    assert.notEqual(add[matrix.head.findIndex((h) => h.includes('node@22') && h.includes('napi'))], '-');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** What emnapi's lab API `api` answers: a few calls, and the errors of bad input and a foreign receiver. */
function emnapiAnswers(api) {
  const thrown = (call) => {
    try {
      call();
      return null;
    } catch (error) {
      return `${error.constructor.name}: ${error.message}`;
    }
  };
  const counter = new api.Counter(1);
  return {
    sum: api.add(2, 3),
    counted: [counter.increment(), counter.increment(), counter.value],
    echoed: api.echoString('héllo'),
    badArgument: thrown(() => api.add('2', 3)),
    foreignThis: thrown(() => api.Counter.prototype.increment.call({})),
  };
}

test('emnapi in the bench page: add(2, 3) is 5, and it answers and refuses as on Node', { skip: skip || (emnapiMissing ? `emnapi ${emnapiMissing}` : false) }, async () => {
  const { bundlePage } = require('../harness/lib/browser/bundle.js');
  const { serve: serveIsolated } = require('../harness/lib/browser/chromium.js');
  const { labApi } = require('../harness/lib/implementations.js');
  const onNode = emnapiAnswers(labApi(require('../variants/emnapi')));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-emnapi-'));
  try {
    assert.deepEqual(await bundlePage(dir), { unbundled: {} });
    await withReadyPage(await serveIsolated(dir), async (page) => {
      assert.equal(await page.evaluate(() => globalThis.crossOriginIsolated), true);
      const inPage = await page.evaluate(`(async () => (${emnapiAnswers})(await globalThis.bindlabLoad('emnapi')))()`);
      assert.equal(inPage.sum, 5);
      assert.match(inPage.badArgument, /^TypeError: add\(a, b\): a must be a number/);
      assert.deepEqual(inPage, onNode);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
