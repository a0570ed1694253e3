// Audits every view of the explorer with Lighthouse and axe-core, at
// desktop size and on a 390×844 phone, against a running skillgraph
// server. Owns the audit's targets, the table it prints and the figures it
// writes to artifacts/lighthouse.json (each run's whole Lighthouse report
// goes beside it, in artifacts/lighthouse/). Fails when any view misses a
// target.
//
//   node .ci/browser/audit.mjs http://127.0.0.1:8080/
//
// Environment: CHROMIUM (default /usr/bin/chromium), ARTIFACT_DIR (default
// artifacts/), AUDIT_VIEWS (names to audit, comma-separated; default all).
//
// package.json pins, under `overrides`, the two packages Lighthouse's trace
// engine asks for as `latest`: unpinned, `npm ci` refuses the lock file
// each time either publishes a new version.

import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import axe from 'axe-core';
import { throttling, userAgents } from 'lighthouse/core/config/constants.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:8080/');
const here = dirname(fileURLToPath(import.meta.url));
const artifacts = resolve(process.env.ARTIFACT_DIR ?? resolve(here, '../../artifacts'));

/** What every view must reach, on both form factors. */
const TARGETS = { performance: 95, accessibility: 100, cls: 0.05, axe: 0 };

const RESUME = 'Kubernetesクラスターの運用（k8s 3年）とTerraform。\nBuilt services in Go and Python.';

/** Every route the router knows, and one it does not. */
const VIEWS = [
  ['home', '#/'],
  ['role', '#/role/platform_engineer'],
  ['compare', '#/compare/platform_engineer/cloud_native_engineer'],
  ['recommend', '#/recommend?tools=Kubernetes,Terraform'],
  ['text', `#/text?t=${encodeURIComponent(RESUME)}`],
  ['graph', '#/graph/job:platform_engineer'],
  ['map', '#/map'],
  ['search', `#/search?q=${encodeURIComponent('監視')}`],
  ['missing', '#/no-such-view'],
];

const FORM_FACTORS = {
  desktop: { mobile: false, width: 1280, height: 900, deviceScaleFactor: 1 },
  mobile: { mobile: true, width: 390, height: 844, deviceScaleFactor: 3 },
};

// Lighthouse simulates the network and CPU (its default, 'simulate'),
// with the slow 4G phone of its mobile preset and the dense 4G desktop of
// its desktop preset. Two reasons: a page served from loopback loads in
// milliseconds, so measuring it as it loads here ('provided') hides the
// cost of a chain of module loads that a real network shows; and observed
// throttling ('provided', 'devtools') makes Lighthouse wait 5.25 s of quiet
// four times per run, which puts 18 runs past five minutes on this
// machine, where 'simulate' waits 1 s. The simulation scales the CPU time
// it observes, so a busy machine moves Total Blocking Time a little; the
// page blocks for a few milliseconds, far from where that changes a score.
const THROTTLING_METHOD = process.env.LH_THROTTLING ?? 'simulate';

/** A Lighthouse configuration for one form factor: performance and accessibility only, no screenshots. */
function lighthouseConfig(formFactor) {
  const screen = FORM_FACTORS[formFactor];
  return {
    extends: 'lighthouse:default',
    settings: {
      onlyCategories: ['performance', 'accessibility'],
      formFactor,
      screenEmulation: { ...screen, disabled: false },
      emulatedUserAgent: userAgents[formFactor],
      throttlingMethod: THROTTLING_METHOD,
      throttling: formFactor === 'mobile' ? throttling.mobileSlow4G : throttling.desktopDense4G,
      // Images of the page cost seconds per run and are not scored.
      skipAudits: ['screenshot-thumbnails', 'final-screenshot', 'full-page-screenshot'],
    },
  };
}

/** A free loopback port for Chromium's DevTools endpoint, which Lighthouse connects to. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Runs Lighthouse once and keeps the figures the targets name. */
async function audit(port, url, formFactor) {
  const run = await lighthouse(url, { port, logLevel: 'error', output: 'json' }, lighthouseConfig(formFactor));
  const { lhr } = run;
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = (id) => Math.round((lhr.categories[id].score ?? 0) * 100);
  const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
  const failing = Object.values(lhr.categories.accessibility.auditRefs)
    .map((ref) => lhr.audits[ref.id])
    .filter((result) => result.score !== null && result.score < 1 && result.scoreDisplayMode === 'binary')
    .map((result) => result.id);
  const shifts = (lhr.audits['layout-shifts']?.details?.items ?? [])
    .map((item) => `${item.node?.selector ?? '?'} ${item.score.toFixed(3)}`);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    cls: numeric('cumulative-layout-shift'),
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    failingAccessibility: failing,
    shifts,
    report: run.report,
  };
}

/** Waits until the explorer's router says the view is drawn. */
async function ready(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main?.dataset.state === 'ready' && !main.hasAttribute('aria-busy') && main.dataset.route === location.hash
      && !main.querySelector('.slot .loading');
  }, null, { timeout: 20_000 });
}

/** axe-core's violations on one view, injected as the page is, not through the page's policy. */
async function axeViolations(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await ready(page);
    // page.evaluate runs outside the page's script-src, so axe needs no exception in the CSP.
    await page.evaluate(axe.source);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
  } finally {
    await page.close();
  }
}

/** Which targets a row misses, in words. */
function misses(row) {
  const found = [];
  if (row.performance < TARGETS.performance) found.push(`performance ${row.performance} < ${TARGETS.performance}`);
  if (row.accessibility < TARGETS.accessibility) found.push(`accessibility ${row.accessibility} < ${TARGETS.accessibility} (${row.failingAccessibility.join(', ')})`);
  if (row.cls === null || row.cls >= TARGETS.cls) found.push(`CLS ${row.cls?.toFixed(3)} ≥ ${TARGETS.cls} (${row.shifts.join('; ')})`);
  if (row.axe.length > TARGETS.axe) found.push(`axe: ${row.axe.map((violation) => `${violation.id} [${violation.nodes.join(' | ')}]`).join(', ')}`);
  return found;
}

function table(rows) {
  const header = ['view', 'form', 'perf', 'a11y', 'CLS', 'FCP ms', 'LCP ms', 'TBT ms', 'axe', 'run s'];
  const lines = rows.map((row) => [
    row.view, row.formFactor, row.performance, row.accessibility, row.cls?.toFixed(3) ?? '-',
    Math.round(row.fcp ?? 0), Math.round(row.lcp ?? 0), Math.round(row.tbt ?? 0), row.axe.length, row.seconds.toFixed(1),
  ].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

async function main() {
  const started = Date.now();
  const only = (process.env.AUDIT_VIEWS ?? '').split(',').filter(Boolean);
  const views = only.length ? VIEWS.filter(([name]) => only.includes(name)) : VIEWS;
  await mkdir(resolve(artifacts, 'lighthouse'), { recursive: true });
  const port = await freePort();
  // One browser for everything: Lighthouse drives its own tabs through the
  // DevTools port, axe runs in Playwright contexts of the same browser.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [`--remote-debugging-port=${port}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows = [];
  try {
    for (const formFactor of Object.keys(FORM_FACTORS)) {
      const { mobile, width, height, deviceScaleFactor } = FORM_FACTORS[formFactor];
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, isMobile: mobile, hasTouch: mobile, locale: 'ja-JP' });
      for (const [view, hash] of views) {
        const url = new URL(hash, base).href;
        const runStarted = Date.now();
        const { report, ...figures } = await audit(port, url, formFactor);
        const violations = await axeViolations(context, url);
        const row = { view, formFactor, url, ...figures, axe: violations, seconds: (Date.now() - runStarted) / 1000 };
        rows.push(row);
        await writeFile(resolve(artifacts, 'lighthouse', `${view}-${formFactor}.json`), report);
        console.log(`${view} ${formFactor}: performance ${row.performance}, accessibility ${row.accessibility}, CLS ${row.cls?.toFixed(3)}, axe ${violations.length} (${row.seconds.toFixed(1)} s)`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${table(rows)}\n\n${rows.length} audits in ${seconds.toFixed(0)} s (throttling: ${THROTTLING_METHOD})`);
  await writeFile(resolve(artifacts, 'lighthouse.json'), `${JSON.stringify({ targets: TARGETS, throttlingMethod: THROTTLING_METHOD, seconds, rows }, null, 2)}\n`);
  const failed = rows.map((row) => [row, misses(row)]).filter(([, found]) => found.length);
  for (const [row, found] of failed) console.error(`FAIL ${row.view} ${row.formFactor}: ${found.join('; ')}`);
  if (failed.length) {
    console.error(`${failed.length} of ${rows.length} audits miss a target; figures in ${resolve(artifacts, 'lighthouse.json')}`);
    process.exit(1);
  }
  console.log(`every view meets the targets; figures in ${resolve(artifacts, 'lighthouse.json')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
