// Drives the explorer page in a real Chromium against a running skillgraph
// server: opens every view, follows links, runs a comparison and a
// recommendation, and checks what the page shows against what the API
// answers. Saves screenshots to artifacts/screenshots/.
//
//   node .ci/browser/explorer.mjs http://127.0.0.1:8080/
//
// Environment: CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR.

import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:8080/');
const here = dirname(fileURLToPath(import.meta.url));
const shots = resolve(process.env.SCREENSHOT_DIR ?? resolve(here, '../../artifacts/screenshots'));
const graphqlUrl = new URL('graphql', base).href;

const A = 'platform_engineer';
const B = 'cloud_native_engineer';
const KNOWN = ['Kubernetes', 'Terraform'];

/** Asks the API directly, as the page should have. */
async function api(query, variables = {}) {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return body.data;
}

const percent = (value) => `${(value * 100).toFixed(1)}%`;
const url = (hash) => new URL(hash, base).href;

let failures = 0;
async function step(name, run) {
  const started = Date.now();
  try {
    await run();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failures += 1;
    console.error(`FAIL ${name}\n${error.stack ?? error}`);
  }
}

/** Waits until the view finished rendering (the router marks `main`). */
// Ready means the view for the current address has finished drawing: a
// `hashchange` is handled a task after the address changes, so the previous
// view's ready state must not count.
async function ready(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main?.dataset.state === 'ready' && !main.hasAttribute('aria-busy') && main.dataset.route === location.hash;
  }, null, { timeout: 15_000 });
}

async function open(page, hash) {
  await page.goto(url(hash));
  await ready(page);
}

async function shoot(page, name) {
  await page.screenshot({ path: resolve(shots, `${name}.png`), fullPage: true });
}

/** Elements that stick out to the right of the viewport, for the failure message. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .filter((element) => !element.closest('.picture__frame.is-actual'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)}px)`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

async function main() {
  await mkdir(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const watch = (tab) => {
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    tab.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
    });
    return tab;
  };
  const page = watch(await context.newPage());

  await step('the home page lists every role with a guide', async () => {
    const data = await api('{ jobs(first: 100, filter: { hasGuide: true }) { nodes { name } } }');
    await open(page, '#/');
    const shown = await page.locator('.job-card__name').allInnerTexts();
    assert.deepEqual(shown.sort(), data.jobs.nodes.map((job) => job.name).sort());
    await shoot(page, 'home');
  });

  await step('Japanese text is drawn with a Japanese font', async () => {
    const session = await context.newCDPSession(page);
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument');
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    const families = fonts.map((font) => font.familyName);
    assert.ok(families.some((family) => /CJK|Noto Sans JP|Hiragino|Yu Gothic|Meiryo/i.test(family)), `h1 drawn with ${families}`);
    await session.detach();
  });

  await step('a role shows its profile, its ladder and the roles it leads to', async () => {
    const data = await api(`query ($slug: String!, $id: ID!) {
      job(slug: $slug) { name tools { tool { name } } stages { name } }
      neighborhood(id: $id, depth: 2, kinds: [JOB, CAREER_STAGE]) { nodes { id } }
      careerPath(slug: $slug) { nextJobs { name } }
    }`, { slug: A, id: `job:${A}` });
    await open(page, `#/role/${A}`);
    assert.equal(await page.locator('h1').innerText(), data.job.name);
    await page.locator('section[aria-labelledby="ladder"] .graph-svg').waitFor();
    assert.equal(await page.locator('section[aria-labelledby="ladder"] .graph-svg a.node').count(), data.neighborhood.nodes.length);
    const stages = await page.locator('.stage__name').allInnerTexts();
    assert.deepEqual(stages, data.job.stages.map((stage) => stage.name));
    const next = await page.locator('.link-list--cards a').allInnerTexts();
    assert.deepEqual(next.map((text) => text.replace('（ガイドなし）', '')), data.careerPath.nextJobs.map((job) => job.name));
    assert.ok((await page.locator('.tool-bar').first().innerText()).includes(data.job.tools[0].tool.name));
    await shoot(page, 'role');
  });

  await step('clicking a related role opens that role, with focus on its heading', async () => {
    const data = await api('query ($slug: String!) { relatedJobs(slug: $slug, first: 8) { job { slug name } } }', { slug: A });
    const target = data.relatedJobs[0].job;
    await open(page, `#/role/${A}`);
    await page.locator('.related a.related-link', { hasText: target.name }).first().click();
    await page.waitForURL((address) => address.hash === `#/role/${target.slug}`);
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), target.name);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    await shoot(page, 'role-related');
  });

  await step('the ladder picture links its nodes', async () => {
    await open(page, `#/role/${A}`);
    const related = await api('query ($id: ID!) { neighborhood(id: $id, depth: 2, kinds: [JOB, CAREER_STAGE]) { nodes { id kind label } } }', { id: `job:${A}` });
    const job = related.neighborhood.nodes.find((node) => node.kind === 'JOB' && node.id !== `job:${A}`);
    const node = page.locator(`.graph-svg a.node[data-id="${job.id}"]`);
    await node.click();
    await page.waitForURL((address) => address.hash === `#/role/${job.id.slice(4)}`);
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), job.label);
  });

  await step('a comparison shows the API similarity, facets and shared tools', async () => {
    const data = await api(`query ($a: String!, $b: String!) { skillOverlap(a: $a, b: $b) {
      similarity sharedTools { name } sharedSkills { name } onlyA { skills { name } tools { name } } onlyB { skills { name } tools { name } }
      facets { hardSkills tools } } }`, { a: A, b: B });
    const overlap = data.skillOverlap;
    await open(page, '#/compare');
    await page.selectOption('#compare-a', A);
    await page.selectOption('#compare-b', B);
    await page.getByRole('button', { name: 'くらべる' }).click();
    await page.waitForURL((address) => address.hash === `#/compare/${A}/${B}`);
    await ready(page);
    assert.equal(await page.getByTestId('similarity').textContent(), percent(overlap.similarity));
    assert.equal(Number(await page.getByTestId('similarity').getAttribute('data-value')), overlap.similarity);
    const shared = page.locator('[data-column="shared"]');
    assert.ok((await shared.innerText()).includes(overlap.sharedTools[0].name), 'the first shared tool is listed');
    const facets = await page.locator('section[aria-labelledby="facets"] .bar').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('aria-label')));
    assert.ok(facets.includes(`技術スキル: ${percent(overlap.facets.hardSkills)}`), facets.join(' | '));
    assert.ok(facets.includes(`ツール: ${percent(overlap.facets.tools)}`), facets.join(' | '));
    const venns = await page.locator('svg.venn').evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-label')));
    assert.equal(venns.length, 2);
    assert.ok(venns[1].includes(`共通 ${overlap.sharedTools.length}`), venns[1]);
    assert.ok(venns[0].includes(`共通 ${overlap.sharedSkills.length}`), venns[0]);
    await shoot(page, 'compare');
  });

  await step('a recommendation ranks roles as the API does, with a learning plan', async () => {
    const data = await api(`query ($skills: [String!]!) {
      recommendJobs(skills: [], tools: $skills, first: 8) { score job { slug name } matched { tools { name } } }
    }`, { skills: KNOWN });
    const best = data.recommendJobs[0];
    const plan = await api('query ($slug: String!) { job(slug: $slug) { learningSteps { title } } }', { slug: best.job.slug });
    await open(page, '#/recommend');
    const input = page.getByLabel('知っているスキル・ツール');
    await input.fill(KNOWN[0]);
    await input.press('Enter');
    await page.waitForURL((address) => address.hash.includes(KNOWN[0]));
    await ready(page);
    await input.fill(KNOWN[1]);
    await page.getByRole('button', { name: '追加' }).click();
    await page.waitForURL((address) => address.hash.includes(KNOWN[1]));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'known-input', 'focus stays in the input');
    await page.locator('.recommendation').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.recommendations .loading') && document.querySelector('.plan .steps'));
    const names = await page.locator('.recommendation__name').allInnerTexts();
    assert.deepEqual(names, data.recommendJobs.map((entry) => entry.job.name));
    const firstScore = await page.locator('.recommendation').first().locator('.bar').first().getAttribute('aria-label');
    assert.equal(firstScore, `適合度: ${percent(best.score)}`);
    const steps = await page.locator('.recommendation').first().locator('.step__title').allInnerTexts();
    assert.deepEqual(steps, plan.job.learningSteps.map((item) => item.title));
    const chosen = await page.locator('.chips--chosen .chip').allInnerTexts();
    assert.equal(chosen.length, 2);
    await shoot(page, 'recommend');
  });

  await step('the neighbourhood is drawn and its nodes lead on', async () => {
    const data = await api(`query ($id: ID!) { neighborhood(id: $id, depth: 1, kinds: [JOB, SKILL, TEAM]) { nodes { id kind label } } }`, { id: `job:${A}` });
    await open(page, `#/graph/job:${A}`);
    assert.equal(await page.locator('.node-list .chips a').count(), data.neighborhood.nodes.length - 1);
    assert.equal(await page.locator('.graph-svg a.node').count(), data.neighborhood.nodes.length);
    await shoot(page, 'graph');
    const skill = data.neighborhood.nodes.find((node) => node.kind === 'SKILL');
    await page.locator(`.graph-svg a.node[data-id="${skill.id}"]`).click();
    await page.waitForURL((address) => decodeURIComponent(address.hash) === `#/graph/${skill.id}`);
    await ready(page);
    assert.ok((await page.locator('h1').innerText()).startsWith(skill.label));
    await page.getByLabel('職種', { exact: true }).uncheck();
    await page.waitForURL((address) => address.hash.includes('kinds='));
    await page.waitForFunction(() => !document.querySelector('.node-list .chip--kind-JOB') && document.querySelector('.graph-svg'));
    assert.ok(await page.getByLabel('スキル', { exact: true }).isChecked(), 'the other kinds stay checked');
    await shoot(page, 'graph-skill');
  });

  await step('search finds Japanese and Latin words', async () => {
    const japanese = await api('{ search(query: "監視", first: 30) { node { id } } }');
    await open(page, `#/search?q=${encodeURIComponent('監視')}`);
    assert.equal(await page.locator('.hit').count(), japanese.search.length);
    assert.ok(await page.locator('.hit mark').count() > 0, 'the word is highlighted');
    await shoot(page, 'search');
    const latin = await api('{ search(query: "terraform", first: 30) { node { id ... on Tool { name } } } }');
    await page.locator('#site-search-q').fill('terraform');
    await page.locator('#site-search-q').press('Enter');
    await page.waitForURL((address) => address.hash === '#/search?q=terraform');
    await ready(page);
    assert.equal(await page.locator('.hit').count(), latin.search.length);
    assert.equal(await page.locator('.hit__name').first().innerText(), latin.search[0].node.name);
  });

  await step('keyboard: the skip link comes first and every view is reachable by Tab', async () => {
    // A fresh load, so focus starts at the top of the document.
    await page.goto(url('#/'));
    await page.reload();
    await ready(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '本文へスキップ');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused link shows an outline');
    const reached = new Set();
    for (let index = 0; index < 12; index += 1) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.getAttribute('href')));
    }
    for (const hash of ['#/compare', '#/recommend', '#/graph']) assert.ok(reached.has(hash), `${hash} reached by Tab`);
  });

  await step('loading failures and unknown roles are shown, not swallowed', async () => {
    await open(page, '#/role/no_such_role');
    assert.equal(await page.locator('h1').innerText(), '職種が見つかりません');
    await page.route('**/graphql', (route) => route.abort());
    await page.goto(url('#/compare/x/y'));
    await page.reload();
    await page.locator('.notice--error').waitFor();
    assert.ok(await page.getByRole('button', { name: 'もう一度試す' }).isVisible());
    await shoot(page, 'error');
    await page.unroute('**/graphql');
  });
  // The aborted requests above are the point of that step.
  const expected = (problem) => /net::ERR_FAILED|Failed to load resource|サーバーに接続できません/.test(problem);
  problems.splice(0, problems.length, ...problems.filter((problem) => !expected(problem)));

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP', isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const small = watch(await phone.newPage());
  const views = [
    ['home', '#/'],
    ['role', `#/role/${A}`],
    ['compare', `#/compare/${A}/${B}`],
    ['recommend', `#/recommend?tools=${KNOWN.join(',')}`],
    ['graph', `#/graph/job:${A}`],
    ['search', `#/search?q=${encodeURIComponent('監視')}`],
  ];
  for (const [name, hash] of views) {
    await step(`at 390 px the ${name} view does not overflow`, async () => {
      await open(small, hash);
      const measured = await overflow(small);
      assert.ok(measured.scrollWidth <= measured.width, `scrollWidth ${measured.scrollWidth} > ${measured.width}: ${measured.wide.join(', ')}`);
      await shoot(small, `mobile-${name}`);
    });
  }

  await step('no console errors, policy violations or failed requests', async () => {
    assert.deepEqual(problems, []);
  });

  await browser.close();
  if (failures) {
    console.error(`${failures} step(s) failed; screenshots in ${shots}`);
    process.exit(1);
  }
  console.log(`all steps passed; screenshots in ${shots}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
