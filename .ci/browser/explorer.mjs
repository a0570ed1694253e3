// Drives the explorer page in a real Chromium against a running skillgraph
// server: opens every view, follows links, runs a comparison, a
// recommendation and a pasted résumé, and checks what the page shows
// against what the API answers; pans and zooms the career map and reloads
// its address; checks that pictures keep their labels at 11 px or more and
// inside their boxes, on a phone too. Saves screenshots to
// artifacts/screenshots/ (the ladder as role.png, the map as map.png).
//
//   node .ci/browser/explorer.mjs http://127.0.0.1:8080/
//
// Environment: CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR.

import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:8080/');
const here = dirname(fileURLToPath(import.meta.url));
const shots = resolve(process.env.SCREENSHOT_DIR ?? resolve(here, '../../artifacts/screenshots'));
const graphqlUrl = new URL('graphql', base).href;

const A = 'platform_engineer';
const B = 'cloud_native_engineer';
const KNOWN = ['Kubernetes', 'Terraform'];
// Japanese and English, an everyday word used as a tool (`Go`) and as a
// verb (`go live`, which may be read as a launch but never as Go), and a
// name written with a character outside the BMP (𠮷, two UTF-16 units):
// the API counts offsets in code points, so a page slicing UTF-16 units
// would mark every name after it one off.
const RESUME = '𠮷田の職務経歴。Kubernetesクラスターの運用（k8s 3年）とTerraform。\nBuilt services in Go and Python; ready to go live.';
const EXTRACTION = `query ($text: String!) {
  extractSkills(text: $text) {
    text
    mentions { surface start end node { id ... on Skill { name } ... on Tool { name } } }
    concepts { surface start end node { id ... on Concept { name } } }
    jobs(first: 5) { job { slug name } evidence { sharedConcepts { written } } }
  }
  recommendPostings(text: $text, first: 5) { posting { identifier title } }
}`;

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
const textHash = (text) => `#/text?t=${encodeURIComponent(text)}`;

/**
 * The marks the page should draw, in text order: every skill, tool and
 * concept read, and names that overlap (a skill and a tool in the same
 * words, a concept inside a name) merged into one mark, as the page merges them.
 */
function markedSpans(extraction) {
  const characters = Array.from(extraction.text);
  const read = [...extraction.mentions, ...(extraction.concepts ?? [])]
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const spans = [];
  for (const found of read) {
    const last = spans.at(-1);
    if (last && found.start < last.end) last.end = Math.max(last.end, found.end);
    else spans.push({ start: found.start, end: found.end, node: found.node });
  }
  return spans.map((span) => ({ ...span, surface: characters.slice(span.start, span.end).join('') }));
}

/** Waits until the marked text shows exactly `surfaces`, in order. */
async function marksShow(page, surfaces) {
  await page.waitForFunction((expected) => {
    const region = document.querySelector('.marked-text')?.closest('.slot');
    const shown = [...document.querySelectorAll('.marked-text mark')].map((mark) => mark.textContent);
    return region && !region.hasAttribute('aria-busy') && JSON.stringify(shown) === JSON.stringify(expected);
  }, surfaces, { timeout: 15_000 });
}
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
      // A picture scrolls in its frame at the size it was drawn.
      .filter((element) => !element.closest('.picture__frame'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)}px)`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

/**
 * The smallest size, in screen pixels, that any label of the pictures on
 * the page is drawn at: its font size in the picture's units times the
 * picture's scale on screen, and the height of its drawn box, whichever is
 * smaller (a picture shrunk to fit shows in both).
 */
async function smallestLabel(page) {
  return page.locator('.graph-svg text').evaluateAll((texts) => {
    let smallest = Infinity;
    for (const text of texts) {
      const scale = text.getScreenCTM()?.a ?? 1;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      const box = text.getBoundingClientRect();
      if (box.width === 0) continue;
      smallest = Math.min(smallest, size, box.height);
    }
    return smallest;
  });
}

/** Boxes of the pictures whose label runs out of the box, as drawn on screen. */
async function labelsOutOfBoxes(page) {
  return page.locator('.graph-svg a.node').evaluateAll((nodes) => nodes.flatMap((node) => {
    const shape = node.querySelector('rect, ellipse, polygon');
    if (!shape) return [];
    const box = shape.getBoundingClientRect();
    return [...node.querySelectorAll('text')]
      .map((text) => text.getBoundingClientRect())
      .filter((line) => line.width > 0 && (line.left < box.left - 1 || line.right > box.right + 1 || line.top < box.top - 1 || line.bottom > box.bottom + 1))
      .map((line) => `${node.dataset.id}: label ${Math.round(line.width)} px in a box of ${Math.round(box.width)} px`);
  }));
}

/** The map's view as the page shows it: the zoom, and the picture point at the frame's corner. */
async function mapView(page) {
  return page.locator('.picture__frame').first().evaluate((frame) => {
    const svg = frame.querySelector('.graph-svg');
    const natural = parseFloat(svg.style.getPropertyValue('--natural-width'));
    const z = svg.getBoundingClientRect().width / natural;
    return { z, x: frame.scrollLeft / z, y: frame.scrollTop / z };
  });
}

/** The view the address names (`z`, `x`, `y`; at rest when missing). */
function addressView(address) {
  const query = new URLSearchParams(new URL(address).hash.split('?')[1] ?? '');
  const read = (key, otherwise) => (query.has(key) ? Number(query.get(key)) : otherwise);
  return { z: read('z', 1), x: read('x', 0), y: read('y', 0) };
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
    assert.equal(await page.locator('.graph-svg').count(), 0, 'a few roles fit on one screen as cards, with no map');
    await shoot(page, 'home');
  });

  await step('the home page opens with the career map when the roles are more than fit on a screen', async () => {
    const data = await api('{ careerMap(first: 100) { picture } }');
    const drawn = [...data.careerMap.picture.matchAll(/data-node-id="/g)].length;
    // The seeds have two roles; the home page is told there are forty.
    await page.route('**/graphql', async (route) => {
      if (!/query Home\b/.test(route.request().postDataJSON()?.query ?? '')) return route.continue();
      const response = await route.fetch();
      const json = await response.json();
      json.data.guided.totalCount = 40;
      return route.fulfill({ response, json });
    });
    try {
      // The page is at #/ already: reloaded, it asks again.
      await page.goto(url('#/'));
      await page.reload();
      await ready(page);
      const map = page.locator('section[aria-labelledby="map-heading"]');
      assert.equal(await map.locator('.graph-svg a.node').count(), drawn);
      assert.equal(await page.locator('.hero + section[aria-labelledby="map-heading"]').count(), 1, 'the map comes right after the introduction');
      assert.ok(await page.locator('.job-card').count() > 0, 'the cards follow it');
      await shoot(page, 'home-map');
    } finally {
      await page.unroute('**/graphql');
    }
  });

  await step('the live socket reaches connection_ack and subscribes', async () => {
    const frames = [];
    const opened = page.waitForEvent('websocket', { timeout: 15_000 });
    await page.reload();
    const socket = await opened;
    socket.on('framesent', (frame) => frames.push(String(frame.payload)));
    socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
    assert.match(socket.url(), /\/graphql\/ws$/);
    await page.waitForFunction(() => document.body.dataset.live === 'connected', null, { timeout: 15_000 });
    await ready(page);
    // The subscribe may leave a moment after the ack that marked the page.
    await page.waitForTimeout(200);
    assert.ok(frames.some((frame) => frame.includes('"connection_ack"')), `frames: ${frames.join(' | ')}`);
    assert.ok(frames.some((frame) => frame.includes('"subscribe"') && frame.includes('corpusChanged')), `frames: ${frames.join(' | ')}`);
  });

  await step('a page loads the module of the view it opens, and no other view\'s', async () => {
    const tab = watch(await context.newPage());
    const scripts = [];
    tab.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.replace(/^.*\/explorer\/[^/]+\//, ''));
    });
    try {
      await open(tab, `#/search?q=${encodeURIComponent('監視')}`);
      assert.deepEqual(scripts.filter((path) => path.startsWith('views/')), ['views/search.js'], scripts.join(' '));
      await tab.locator('a[data-nav="map"]').click();
      await tab.waitForURL((address) => address.hash === '#/map');
      await ready(tab);
      assert.deepEqual(scripts.filter((path) => path.startsWith('views/')), ['views/search.js', 'views/map.js'], scripts.join(' '));
    } finally {
      await tab.close();
    }
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
    const data = await api(`query ($slug: String!) {
      job(slug: $slug) { name tools { tool { name } } stages { name } }
      careerPath(slug: $slug) { nextJobs { name } picture }
    }`, { slug: A });
    await open(page, `#/role/${A}`);
    assert.equal(await page.locator('h1').innerText(), data.job.name);
    await page.locator('section[aria-labelledby="ladder"] .graph-svg').waitFor();
    // The ladder picture: every box the API drew is a link, and only the
    // ladder's own steps and where it leads are drawn.
    const drawn = [...data.careerPath.picture.matchAll(/data-node-id="([^"]+)"/g)].length;
    assert.ok(drawn >= data.job.stages.length, `${drawn} boxes`);
    assert.equal(await page.locator('section[aria-labelledby="ladder"] .graph-svg a.node').count(), drawn);
    assert.ok(!data.careerPath.picture.includes('HAS_STAGE'), 'no job fanned out to its rungs');
    const stages = await page.locator('.stage__name').allInnerTexts();
    assert.deepEqual(stages, data.job.stages.map((stage) => stage.name));
    const next = await page.locator('.link-list--cards a').allInnerTexts();
    assert.deepEqual(next.map((text) => text.replace('（ガイドなし）', '')), data.careerPath.nextJobs.map((job) => job.name));
    assert.ok((await page.locator('.tool-bar').first().innerText()).includes(data.job.tools[0].tool.name));
    // The ladder is shown as drawn, never shrunk to fit: labels stay readable.
    const smallest = await smallestLabel(page);
    assert.ok(smallest >= 11, `the ladder's smallest label is ${smallest.toFixed(1)} px`);
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
    const path = await api('query ($slug: String!) { careerPath(slug: $slug) { nextJobs { id slug name } } }', { slug: A });
    const job = path.careerPath.nextJobs[0];
    const node = page.locator(`.graph-svg a.node[data-id="${job.id}"]`);
    await node.click();
    await page.waitForURL((address) => address.hash === `#/role/${job.slug}`);
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), job.name);
  });

  await step('the career map places every role of a family, and a click on a rung opens its role', async () => {
    const data = await api(`query ($category: String) { careerMap(category: $category, first: 100) {
      roles { job { slug name } stages { stage { id } } } picture } }`, { category: 'cloud-infra' });
    await open(page, '#/map?category=cloud-infra');
    await page.locator('.graph-svg').waitFor();
    const drawn = [...data.careerMap.picture.matchAll(/data-node-id="([^"]+)"/g)].length;
    assert.ok(drawn > data.careerMap.roles.length, `${drawn} boxes`);
    assert.equal(await page.locator('.graph-svg a.node').count(), drawn);
    assert.equal(await page.locator('#map-family').inputValue(), 'cloud-infra', 'the address keeps the family');
    await shoot(page, 'map');
    const role = data.careerMap.roles[data.careerMap.roles.length - 1];
    await page.locator(`.graph-svg a.node[data-id="${role.stages[0].stage.id}"]`).click();
    await page.waitForURL((address) => address.hash === `#/role/${role.job.slug}`);
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), role.job.name);
  });

  await step('the map pans and zooms, the address keeps the view, and a reload gives it back', async () => {
    const data = await api(`{ careerMap(category: "cloud-infra", first: 100) { roles { job { slug name } stages { stage { id } } } } }`);
    await open(page, '#/map?category=cloud-infra');
    assert.ok(await smallestLabel(page) >= 11, 'the map is shown as drawn');
    const frame = page.locator('.picture__frame');
    const zoomed = async (test) => page.waitForURL((address) => test(addressView(address.href)), { timeout: 5_000 });
    // The buttons zoom about the middle.
    await page.getByRole('button', { name: '拡大', exact: true }).click();
    await page.getByRole('button', { name: '拡大', exact: true }).click();
    await zoomed((view) => Math.abs(view.z - 1.56) < 0.01);
    // Dragging pans: the picture follows the pointer. Zoomed about the
    // middle, the map has room to move towards the corner it started at.
    const box = await frame.boundingBox();
    const before = await mapView(page);
    assert.ok(before.x > 30 && before.y > 30, `zoomed about the middle: ${JSON.stringify(before)}`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 100, { steps: 8 });
    await page.mouse.up();
    await zoomed((view) => view.x < before.x - 30 && view.y < before.y - 30);
    // The wheel zooms about the pointer.
    await page.mouse.move(box.x + 200, box.y + 150);
    await page.mouse.wheel(0, -240);
    await zoomed((view) => view.z > 1.7);
    const kept = addressView(page.url());
    assert.ok(kept.z <= 3, `zoom ${kept.z} within bounds`);
    // A reload of the address shows the same part of the map.
    await page.reload();
    await ready(page);
    const shown = await mapView(page);
    assert.ok(Math.abs(shown.z - kept.z) < 0.01, `zoom ${shown.z} after a reload, ${kept.z} before`);
    assert.ok(Math.abs(shown.x - kept.x) <= 1.5 && Math.abs(shown.y - kept.y) <= 1.5, `view ${JSON.stringify(shown)} after a reload, ${JSON.stringify(kept)} before`);
    assert.equal(await page.locator('#map-family').inputValue(), 'cloud-infra');
    // The keyboard does all of it too: the frame takes focus, − zooms out, 0 puts the map back.
    await frame.focus();
    await page.keyboard.press('-');
    await zoomed((view) => view.z < kept.z - 0.01);
    await page.keyboard.press('0');
    await page.waitForURL((address) => address.hash === '#/map?category=cloud-infra', { timeout: 5_000 });
    // A press that moves is a drag and opens nothing; a click on a box still opens its role.
    const role = data.careerMap.roles[0];
    const rung = page.locator(`.graph-svg a.node[data-id="${role.stages.at(-1).stage.id}"]`);
    const at = await rung.boundingBox();
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + 40, at.y + at.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    assert.ok(new URL(page.url()).hash.startsWith('#/map'), `a drag stays on the map: ${page.url()}`);
    await rung.click();
    await page.waitForURL((address) => address.hash === `#/role/${role.job.slug}`);
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), role.job.name);
  });

  await step('the language switch shows English names, pictures included', async () => {
    const data = await api(`query ($slug: String!) {
      job(slug: $slug) { skills { skill { id name labels(lang: "en") { text } } } }
    }`, { slug: A });
    const skill = data.job.skills.map((entry) => entry.skill)
      .find((each) => each.labels[0] && each.labels[0].text !== each.name);
    assert.ok(skill, 'a skill of the role has an English label of its own');
    const english = skill.labels[0].text;
    const squeeze = (text) => text.replace(/\s+/g, '');
    try {
      await open(page, `#/role/${A}`);
      await page.locator('[data-language-switch] [data-lang="en"]').click();
      await page.locator('.skills__name', { hasText: english }).first().waitFor();
      await ready(page);
      assert.equal(await page.locator('[data-language-switch] [data-lang="en"]').getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator('.skills__name', { hasText: skill.name }).count(), 0, 'no Japanese name is left');
      await shoot(page, 'role-english');
      await open(page, `#/graph/job:${A}`);
      const drawn = page.locator(`.graph-svg a.node[data-id="${skill.id}"]`);
      await drawn.waitFor();
      assert.equal(squeeze(await drawn.locator('text').textContent()), squeeze(english));
      await shoot(page, 'graph-english');
      await page.locator('[data-language-switch] [data-lang="ja"]').click();
      await page.locator(`.graph-svg a.node[data-id="${skill.id}"] text`, { hasText: skill.name.slice(0, 4) }).waitFor();
      await ready(page);
    } finally {
      await page.evaluate(() => localStorage.removeItem('skillgraph.lang'));
    }
  });

  await step('a comparison shows the API similarity, facets and shared tools', async () => {
    const data = await api(`query ($a: String!, $b: String!) { skillOverlap(a: $a, b: $b) {
      a { name } b { name }
      similarity sharedTools { name } sharedSkills { name } onlyA { skills { name } tools { name } } onlyB { skills { name } tools { name } }
      facets { hardSkills tools } }
      similarityWeights { hardSkills softSkills tools tags explicit } }`, { a: A, b: B });
    const overlap = data.skillOverlap;
    await open(page, '#/compare');
    // The fields take a role's name, typed; the page reads it as the API does.
    await page.locator('#compare-a').fill(overlap.a.name);
    await page.locator('#compare-b').fill(overlap.b.name);
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
    const weights = await page.locator('section[aria-labelledby="facets"] .bar small').allInnerTexts();
    const { hardSkills, softSkills, tools, tags, explicit } = data.similarityWeights;
    assert.deepEqual(weights, [hardSkills, softSkills, tools, tags, explicit].map((weight) => `×${weight}`), 'the weights are the API\'s');
    assert.equal(await page.locator('#compare-a').inputValue(), overlap.a.name);
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
    // Only the short status line is live, not the cards.
    assert.equal(await page.locator('.recommendations').evaluate((list) => list.closest('[aria-live]')), null);
    assert.equal(await page.locator('[role="status"].results-status').innerText(), `${data.recommendJobs.length} 件の職種が見つかりました。`);
    await shoot(page, 'recommend');
  });

  await step('the neighbourhood is drawn and its nodes lead on', async () => {
    const data = await api(`query ($id: ID!) { neighborhood(id: $id, depth: 1, kinds: [JOB, SKILL, TEAM]) { nodes { id: nodeId kind label } edges { source target kind } } }`, { id: `job:${A}` });
    await open(page, `#/graph/job:${A}`);
    assert.equal(await page.locator('.node-list .chips a').count(), data.neighborhood.nodes.length - 1);
    assert.equal(await page.locator('.graph-svg a.node').count(), data.neighborhood.nodes.length);
    // Each box is found by its id and keeps the label the server drew.
    const squeeze = (text) => text.replace(/\s+/g, '');
    const boxes = await page.locator('.graph-svg a.node').evaluateAll((links) => links.map((link) => [link.dataset.id, link.querySelector('text').textContent]));
    const labels = new Map(data.neighborhood.nodes.map((node) => [node.id, node.label]));
    for (const [id, text] of boxes) assert.equal(squeeze(text), squeeze(labels.get(id)), id);
    const edges = await page.locator('.graph-svg g[data-edge-kind]').evaluateAll((groups) => groups.map((group) => [
      group.dataset.edgeSource, group.dataset.edgeTarget, group.dataset.edgeKind, group.querySelector('path').getAttribute('class'),
    ]));
    const key = (edge) => edge.slice(0, 3).join(' ');
    assert.deepEqual(edges.map(key).sort(), data.neighborhood.edges.map((edge) => key([edge.source, edge.target, edge.kind])).sort());
    for (const edge of edges) assert.equal(edge[3], `edge edge-${edge[2]}`);
    const smallest = await smallestLabel(page);
    assert.ok(smallest >= 11, `the graph's smallest label is ${smallest.toFixed(1)} px`);
    await shoot(page, 'graph');
    const skill = data.neighborhood.nodes.find((node) => node.kind === 'SKILL');
    await page.locator(`.graph-svg a.node[data-id="${skill.id}"]`).click();
    await page.waitForURL((address) => decodeURIComponent(address.hash) === `#/graph/${skill.id}`);
    await ready(page);
    assert.ok((await page.locator('h1').innerText()).startsWith(skill.label));
    await page.getByLabel('職種', { exact: true }).uncheck();
    await page.waitForURL((address) => address.hash.includes('kinds='));
    await page.waitForFunction(() => !document.querySelector('.node-list .chip[data-kind="JOB"]') && document.querySelector('.graph-svg'));
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

  await step('a posting found by search shows as a posting, by its title and colour', async () => {
    const query = 'Platform Engineer';
    const found = await api(`{ search(query: "${query}", kinds: [POSTING], first: 30) { node { id nodeKind label } } }`);
    assert.ok(found.search.length > 0, 'the example postings are served');
    await open(page, `#/search?q=${encodeURIComponent(query)}&kind=POSTING`);
    const hits = page.locator('.hit');
    assert.equal(await hits.count(), found.search.length);
    const first = hits.first();
    assert.equal(await first.locator('.hit__name').innerText(), found.search[0].node.label);
    const badge = first.locator('.badge');
    assert.equal(await badge.getAttribute('data-kind'), 'POSTING');
    assert.equal(await badge.innerText(), '求人');
    // The colour comes from kinds.css, which the server writes.
    assert.equal(await badge.evaluate((element) => getComputedStyle(element).backgroundColor), 'rgb(254, 226, 226)');
    await shoot(page, 'search-postings');
  });

  await step('a pasted text is marked where the API reads names, with the roles and postings it fits', async () => {
    const data = await api(EXTRACTION, { text: RESUME });
    const extraction = data.extractSkills;
    const spans = markedSpans(extraction);
    await open(page, textHash(RESUME));
    assert.equal(await page.getByLabel('履歴書や求人票を貼り付け…').inputValue(), RESUME, 'the address gives the text back');
    assert.equal(await page.locator('.marked-text').textContent(), extraction.text, 'the text read is shown whole');
    const marks = page.locator('.marked-text mark');
    assert.equal(await marks.count(), spans.length);
    assert.deepEqual(await marks.allTextContents(), spans.map((mention) => mention.surface));
    const links = await page.locator('.marked-text a.mention-link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    assert.deepEqual(links, spans.map((mention) => `#/graph/${encodeURIComponent(mention.node.id).replace(/%3A/gi, ':')}`));
    const titles = await marks.evaluateAll((elements) => elements.map((element) => element.title));
    titles.forEach((title, index) => assert.ok(title.includes(spans[index].node.name), title));
    // A mark of one kind is coloured as that kind (kinds.css): Kubernetes as a tool.
    const kinds = await marks.evaluateAll((elements) => elements.map((element) => element.dataset.kind ?? null));
    const kubernetes = spans.findIndex((mention) => mention.surface === 'Kubernetes');
    assert.equal(kinds[kubernetes], 'TOOL', `${kinds}`);
    // "go live" may be marked as the concept of a launch, never as the tool Go.
    const goLiveLink = await page.locator('.marked-text').evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.data.includes('go live')) return node.parentElement.closest('a.mention-link')?.getAttribute('href') ?? '';
      }
      return null;
    });
    assert.notEqual(goLiveLink, null, 'the text read holds "go live"');
    assert.ok(!goLiveLink.startsWith('#/graph/tool:'), `"go live" is not the tool Go: ${goLiveLink}`);
    const roles = await page.locator('[aria-labelledby="text-jobs"] .recommendation').evaluateAll((items) => items.map((item) => item.dataset.slug));
    assert.deepEqual(roles, extraction.jobs.map((entry) => entry.job.slug));
    assert.deepEqual(await page.locator('[aria-labelledby="text-jobs"] .recommendation__name').allInnerTexts(), extraction.jobs.map((entry) => entry.job.name));
    // Each role says why it fits in its own words: the concepts shared.
    const why = await page.locator('[aria-labelledby="text-jobs"] .recommendation').evaluateAll((items) => items.map((item) => [...item.querySelectorAll('.why .chip')].map((chip) => chip.textContent)));
    assert.deepEqual(why, extraction.jobs.map((entry) => entry.evidence.sharedConcepts.map((shared) => shared.written)));
    const postings = page.locator('[aria-labelledby="text-postings"]');
    if (data.recommendPostings.length) {
      assert.deepEqual(await postings.locator('.recommendation__name').allInnerTexts(), data.recommendPostings.map((entry) => entry.posting.title));
    } else {
      assert.ok(await postings.locator('.notice').isVisible(), 'no postings is said, not left blank');
    }
    // The results are not a live region (it would read every card again);
    // a status line sums them up.
    assert.equal(await page.locator('.marked-text').evaluate((element) => element.closest('[aria-live]')), null);
    const status = await page.locator('[role="status"].results-status').innerText();
    assert.ok(status.includes(`合う職種 ${extraction.jobs.length} 件`), status);
    assert.ok(status.includes(`合う求人 ${data.recommendPostings.length} 件`), status);
    await shoot(page, 'text');
  });

  await step('typing a text and submitting it updates the address and the results', async () => {
    const next = 'PrometheusとGrafanaで監視基盤を構築。AnsibleとGitHub Actionsも使います。';
    const [first, second] = await Promise.all([RESUME, next].map((text) => api(EXTRACTION, { text })));
    await open(page, textHash(RESUME));
    const box = page.getByLabel('履歴書や求人票を貼り付け…');
    await box.fill(next);
    await page.getByRole('button', { name: 'スキルを探す' }).click();
    await page.waitForURL((address) => address.hash === textHash(next).replace(/%3A/gi, ':'));
    await marksShow(page, markedSpans(second.extractSkills).map((mention) => mention.surface));
    const roles = await page.locator('[aria-labelledby="text-jobs"] .recommendation').evaluateAll((items) => items.map((item) => item.dataset.slug));
    assert.deepEqual(roles, second.extractSkills.jobs.map((entry) => entry.job.slug));
    // Back gives the earlier text and its marks again, in the same form.
    await page.goBack();
    await marksShow(page, markedSpans(first.extractSkills).map((mention) => mention.surface));
    assert.equal(await box.inputValue(), RESUME);
  });

  await step('a long text is kept in the tab and the address carries only its key', async () => {
    const long = Array.from({ length: 40 }, (_, index) => `${index + 1}年目: Kubernetes と Terraform で基盤を運用し、Python でツールを書きました。`).join('\n');
    const data = await api(EXTRACTION, { text: long });
    const surfaces = markedSpans(data.extractSkills).map((mention) => mention.surface);
    await open(page, '#/text');
    await page.getByLabel('履歴書や求人票を貼り付け…').fill(long);
    await page.getByLabel('履歴書や求人票を貼り付け…').press('Control+Enter');
    await page.waitForURL((address) => /^#\/text\?k=[0-9a-z]+$/.test(address.hash));
    await marksShow(page, surfaces);
    await page.reload();
    await ready(page);
    await marksShow(page, surfaces);
  });

  await step('the recommend view takes a pasted text to the text view', async () => {
    await open(page, '#/recommend');
    await page.getByText('または、履歴書や求人票を貼り付けて探す').click();
    await page.getByLabel('履歴書や求人票の文章').fill(RESUME);
    await page.getByRole('button', { name: 'この文章で探す' }).click();
    await page.waitForURL((address) => address.hash === textHash(RESUME).replace(/%3A/gi, ':'));
    await ready(page);
    assert.equal(await page.getByLabel('履歴書や求人票を貼り付け…').inputValue(), RESUME);
    assert.ok(await page.locator('.marked-text mark').count() > 0);
  });

  await step('names that overlap are drawn as one mark, never nested', async () => {
    // The shipped seeds have no name that is a skill and a tool, so the
    // answer is made up: `Git` both ways, and `Spark` inside `Apache Spark`.
    const text = 'Git と Apache Spark';
    const node = (id, label, nodeKind) => ({ id, label, nodeKind });
    const answer = {
      data: {
        extractSkills: {
          text,
          mentions: [
            { surface: 'Git', start: 0, end: 3, how: 'EXACT', confidence: 1, node: node('skill:git', 'Git', 'SKILL') },
            { surface: 'Git', start: 0, end: 3, how: 'EXACT', confidence: 1, node: node('tool:git', 'Git', 'TOOL') },
            { surface: 'Apache Spark', start: 6, end: 18, how: 'EXACT', confidence: 1, node: node('tool:apache_spark', 'Apache Spark', 'TOOL') },
            { surface: 'Spark', start: 13, end: 18, how: 'VARIANT', confidence: 0.9, node: node('skill:spark', 'Spark', 'SKILL') },
          ],
          concepts: [], skills: [], tools: [], jobs: [],
        },
        recommendPostings: [],
      },
    };
    await page.route('**/graphql', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) }));
    try {
      // The page shows a text already, so the new one arrives in place.
      await open(page, textHash(text));
      await marksShow(page, ['Git', 'Apache Spark']);
      assert.equal(await page.locator('.marked-text mark mark, .marked-text a a').count(), 0);
      assert.equal(await page.locator('.marked-text').textContent(), text);
      const git = page.locator('.marked-text mark').first();
      assert.match(await git.getAttribute('class'), /mention--both/);
      assert.ok((await git.getAttribute('title')).includes('スキル') && (await git.getAttribute('title')).includes('ツール'));
      assert.ok(await page.locator('[aria-labelledby="text-jobs"] .notice').isVisible(), 'no roles is said');
    } finally {
      await page.unroute('**/graphql');
    }
  });

  await step('suggestions come from the API as one types, never from a full list', async () => {
    const asked = [];
    const listen = (request) => {
      if (request.url() === graphqlUrl && request.method() === 'POST') asked.push(request.postDataJSON());
    };
    page.on('request', listen);
    try {
      await open(page, '#/recommend');
      await page.locator('#known-input').pressSequentially('Kube', { delay: 40 });
      await page.locator('#known-input-options option[value="Kubernetes"]').waitFor({ state: 'attached' });
      const suggestions = asked.filter((body) => /\bsuggest\(/.test(body.query));
      assert.ok(suggestions.length >= 1 && suggestions.length < 4, `one request per pause in typing, not per key: ${suggestions.length}`);
      assert.equal(suggestions.at(-1).variables.prefix, 'Kube');
      assert.deepEqual(suggestions.at(-1).variables.kinds, ['SKILL', 'TOOL']);
      assert.ok(!asked.some((body) => /\bsearch\(/.test(body.query)), 'suggestions never ask the full-text search');
      const lists = asked.filter((body) => /\b(skills|tools)\(first:/.test(body.query) || /after: \$after/.test(body.query));
      assert.deepEqual(lists, [], 'no list of every skill or tool is loaded');
      await page.locator('#known-input').fill('');
    } finally {
      page.off('request', listen);
    }
  });

  await step('the graph view starts from any node picked from its suggestions', async () => {
    const data = await api('{ tool(name: "Terraform") { id name } }');
    await open(page, '#/graph');
    const start = page.locator('#graph-start');
    await start.pressSequentially('Terra', { delay: 40 });
    await page.locator(`#graph-start-options option[value="${data.tool.name}"]`).waitFor({ state: 'attached' });
    await start.fill(data.tool.name);
    await start.press('Enter');
    await page.waitForURL((address) => decodeURIComponent(address.hash) === `#/graph/${data.tool.id}`);
    await ready(page);
    assert.ok((await page.locator('h1').innerText()).startsWith(data.tool.name));
  });

  await step('the role one has is typed by name and the address takes its slug', async () => {
    const data = await api('{ job(slug: "sre_engineer") { slug name } }');
    await open(page, `#/recommend?tools=${KNOWN.join(',')}`);
    await page.locator('#from-input').fill(data.job.name);
    await page.locator('#from-input').press('Enter');
    await page.waitForURL((address) => address.hash.endsWith(`from=${data.job.slug}`));
    await page.waitForFunction(() => !document.querySelector('.slot[aria-busy]') && document.querySelector('.recommendation'));
    assert.equal(await page.locator('#from-input').inputValue(), data.job.name);
    assert.deepEqual(await page.locator('.chips--chosen .chip').allInnerTexts().then((chips) => chips.map((chip) => chip.replace('×', '').trim())), KNOWN);
    // Opened afresh, the address gives the name back.
    await page.reload();
    await ready(page);
    assert.equal(await page.locator('#from-input').inputValue(), data.job.name);
  });

  await step('a role typed in the compare form that the graph lacks is said so', async () => {
    await open(page, '#/compare');
    await page.locator('#compare-a').fill('存在しない職種ではない何か');
    await page.locator('#compare-b').fill('Platform Engineer');
    await page.getByRole('button', { name: 'くらべる' }).click();
    await page.locator('.compare-form__problem', { hasText: 'グラフにない職種です' }).waitFor();
    assert.ok(page.url().endsWith('#/compare'), page.url());
  });

  await step('a value with = in a hand-typed address is read whole', async () => {
    await open(page, '#/search?q=a=b');
    assert.equal(await page.locator('h1').innerText(), '「a=b」の検索結果');
    assert.equal(await page.locator('#search-q').inputValue(), 'a=b');
    await open(page, `#/search?q=${encodeURIComponent('監視')}&kind=TOOL=x`);
    assert.equal(await page.locator('#search-q').inputValue(), '監視');
  });

  await step('the two search landmarks have names of their own', async () => {
    await open(page, `#/search?q=${encodeURIComponent('監視')}`);
    const names = await page.locator('[role="search"]').evaluateAll((forms) => forms.map((form) => form.getAttribute('aria-label') ?? ''));
    assert.equal(names.length, 2);
    assert.ok(names.every(Boolean), names.join(' | '));
    assert.equal(new Set(names).size, names.length, names.join(' | '));
  });

  await step('the graph view shows an update that failed, and a retry', async () => {
    await open(page, `#/graph/job:${A}`);
    await page.route('**/graphql', (route) => route.abort());
    try {
      await page.locator('#graph-depth').selectOption('2');
      const nodes = page.locator('section[aria-labelledby="nodes"]');
      await nodes.locator('.notice--error').waitFor();
      assert.equal(await nodes.locator('.loading, .spinner').count(), 0, 'the node list stops spinning');
      assert.equal(await page.locator('section[aria-labelledby="picture"] .loading, section[aria-labelledby="picture"] .spinner').count(), 0, 'so does the picture');
      assert.ok((await nodes.locator('.notice--error').innerText()).includes('サーバーに接続できません'));
      await shoot(page, 'graph-error');
      await page.unroute('**/graphql');
      await nodes.getByRole('button', { name: 'もう一度試す' }).click();
      await nodes.locator('.node-list').waitFor();
      await page.locator('.graph-svg').waitFor();
      assert.equal(await page.locator('#graph-depth').inputValue(), '2');
    } finally {
      await page.unroute('**/graphql');
    }
  });

  await step('a node the graph lacks is said so, not left spinning', async () => {
    await open(page, '#/graph/skill:no_such_skill');
    assert.equal(await page.locator('h1').innerText(), 'ノードが見つかりません');
    assert.equal(await page.locator('main .loading').count(), 0);
    assert.ok((await page.locator('main .notice').innerText()).includes('skill:no_such_skill'));
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
    for (const hash of ['#/compare', '#/recommend', '#/text', '#/graph']) assert.ok(reached.has(hash), `${hash} reached by Tab`);
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
    ['map', '#/map'],
    ['search', `#/search?q=${encodeURIComponent('監視')}`],
    ['text', textHash(RESUME)],
  ];
  for (const [name, hash] of views) {
    await step(`at 390 px the ${name} view does not overflow`, async () => {
      await open(small, hash);
      const measured = await overflow(small);
      assert.ok(measured.scrollWidth <= measured.width, `scrollWidth ${measured.scrollWidth} > ${measured.width}: ${measured.wide.join(', ')}`);
      if (['role', 'map', 'graph'].includes(name)) {
        // Pictures scroll in their frames at the size they were drawn:
        // no label shrinks under 11 px or runs out of its box on a phone.
        const smallest = await smallestLabel(small);
        assert.ok(smallest >= 11, `the smallest label is ${smallest.toFixed(1)} px`);
        assert.deepEqual(await labelsOutOfBoxes(small), []);
      }
      await shoot(small, `mobile-${name}`);
    });
  }

  await step('the ladder and the map are saved as screenshots', async () => {
    for (const name of ['role', 'map', 'mobile-role', 'mobile-map']) {
      const saved = await stat(resolve(shots, `${name}.png`));
      assert.ok(saved.size > 10_000, `${name}.png holds ${saved.size} bytes`);
    }
  });

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
