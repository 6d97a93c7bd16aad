// report.html draws its charts: rendered in headless Chromium from a synthetic results
// document. Skipped when /usr/bin/chromium is absent.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { htmlReport } = require('../lib/report/html.js');
const { makeDoc, makeMatrixDoc, MEDIANS } = require('./fixture.js');

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const skip = !fs.existsSync(CHROMIUM) && `${CHROMIUM} is absent (Debian: apt-get install -y chromium); report.html rendering not checked`;

test('report.html draws every chart offline, with marks and the crossover', { skip }, async () => {
  const { chromium } = require('playwright-core');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-html-')), 'report.html');
  fs.writeFileSync(file, htmlReport(makeDoc()));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) problems.push(`fetched ${request.url()}`);
    });
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => document.body.dataset.charts, null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => document.body.dataset.charts), 'ready');
    const charts = await page.evaluate(() => [...document.querySelectorAll('.chart')].map((chart) => ({
      svg: chart.querySelectorAll('svg').length,
      bars: chart.querySelectorAll('.mark-rect.role-mark path').length,
      lines: chart.querySelectorAll('.mark-line.role-mark path').length,
      rules: chart.querySelectorAll('.mark-rule.role-mark line').length,
      labels: [...chart.querySelectorAll('.mark-text.role-mark text')].map((t) => t.textContent),
    })));
    assert.equal(charts.length, 2);
    assert.ok(charts.every((c) => c.svg >= 1));
    assert.equal(charts[0].bars, 6, 'call: two cases x three implementations');
    assert.equal(charts[1].lines, 3, 'sumBytes: one line per implementation');
    assert.equal(charts[1].rules, 1);
    assert.deepEqual(charts[1].labels, ['napi overtakes wasm ≈ 203 B']);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('report.html shows the runtime × implementation matrix and draws each runtime\'s charts', { skip }, async () => {
  const { chromium } = require('playwright-core');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bindlab-html-')), 'report.html');
  const napiOnBun = Object.fromEntries(Object.entries(MEDIANS.napi).map(([id, ns]) => [id, ns / 40]));
  fs.writeFileSync(file, htmlReport(makeMatrixDoc({ 'node@22': MEDIANS, bun: { ...MEDIANS, napi: napiOnBun } })));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => document.body.dataset.charts, null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => document.body.dataset.charts), 'ready');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.chart svg').length >= 4), true, 'two charts per runtime');
    const headers = await page.evaluate(() => [...document.querySelectorAll('h3 + .chart ~ table thead')][0]?.textContent);
    assert.match(headers, /node@22 wasm.*bun napi/);
    assert.match(await page.evaluate(() => document.body.textContent), /Where the answer changes between runtimes.*wasm on node@22 \(15\.8x\); napi on bun \(2\.53x\)/s);
  } finally {
    await browser.close();
  }
});
