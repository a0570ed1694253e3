// The explorer: a hash router over eight views, each drawn from the public
// GraphQL API. Everything a view shows is in its URL.
//
// A view's module is fetched when its route first opens (`import()`), so
// the first page loads this file, what every view shares, and the one view
// it shows, not all eight. Relative imports resolve against this file's
// address, so they stay under the server's version prefix.

import { announce, replace } from './dom.js';
import { language, setLanguage } from './lang.js';
import { watchCorpus } from './live.js';
import { parse, searchHref } from './links.js';
import { failure, pageHeading } from './ui.js';

const VIEWS = {
  '': () => import('./views/home.js'),
  role: () => import('./views/role.js'),
  compare: () => import('./views/compare.js'),
  recommend: () => import('./views/recommend.js'),
  text: () => import('./views/text.js'),
  graph: () => import('./views/graph.js'),
  map: () => import('./views/map.js'),
  search: () => import('./views/search.js'),
};

const missing = () => import('./views/missing.js');

/** The view module of `route`; a failed fetch is tried again on the next visit, as `import()` does. */
async function viewOf(route) {
  const load = Object.hasOwn(VIEWS, route.name) ? VIEWS[route.name] : missing;
  return (await load()).default;
}

let current = null;
let firstRender = true;
/** Counts addresses asked for, so a view whose module arrives late is not drawn over a newer one. */
let shown = 0;

/**
 * Draws the view of the address. `{ refresh: true }` draws it again from
 * scratch where it is (after the corpus changed): no in-place update, and
 * focus and scroll stay put.
 */
async function show({ refresh = false } = {}) {
  const hash = location.hash;
  // `#main` and other in-page anchors are not routes.
  if (hash && hash !== '#' && !hash.startsWith('#/')) return;
  const route = parse(hash);
  const main = document.getElementById('main');
  const asked = (shown += 1);
  let view;
  try {
    view = await viewOf(route);
  } catch (error) {
    if (asked !== shown) return;
    console.error(error);
    main.dataset.state = 'error';
    main.dataset.route = hash;
    replace(main, pageHeading('読み込めませんでした'), failure(new Error('ページの部品を読み込めませんでした。接続を確かめて、もう一度試してください。'), () => show()));
    return;
  }
  // Another address was asked for while this view's module loaded.
  if (asked !== shown) return;
  // Marks which route `main` shows, so a reader (or a test) can tell the
  // previous view's ready state from this one's. Set once the module is
  // in: until then `main` still shows the previous route.
  main.dataset.route = hash;
  markNav(view.nav);
  syncSearchBox(route);
  if (!refresh && current?.view === view && view.update && view.update(main, route, current.context)) {
    return;
  }
  current?.controller.abort();
  const controller = new AbortController();
  const context = {
    signal: controller.signal,
    setTitle: (title) => {
      document.title = title ? `${title} – skillgraph Explorer` : 'skillgraph Explorer';
    },
    state: {},
    /**
     * Writes `hash` as the address without drawing the view again (a map
     * panned or zoomed): the history entry is replaced, not added, so Back
     * leaves the view rather than replaying each move.
     */
    keepAddress: (next) => {
      if (controller.signal.aborted || next === location.hash) return;
      history.replaceState(history.state, '', next);
      main.dataset.route = next;
    },
  };
  current = { view, controller, context };
  context.setTitle(view.title?.(route) ?? '');
  main.dataset.state = 'loading';
  main.setAttribute('aria-busy', 'true');
  const wasFirst = firstRender;
  firstRender = false;
  try {
    await view.render(main, route, context);
    if (controller.signal.aborted) return;
    main.dataset.state = 'ready';
    if (!refresh) announce(document.title);
  } catch (error) {
    if (error?.name === 'AbortError' || controller.signal.aborted) return;
    console.error(error);
    main.dataset.state = 'error';
    replace(main, pageHeading(view.title?.(route) || '読み込めませんでした'), failure(error, () => show()));
  } finally {
    if (current?.controller === controller) main.removeAttribute('aria-busy');
  }
  if (!wasFirst && !refresh && !controller.signal.aborted) {
    const heading = main.querySelector('h1');
    (heading ?? main).focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }
}

function markNav(name) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function syncSearchBox(route) {
  const input = document.getElementById('site-search-q');
  if (input && route.name === 'search' && document.activeElement !== input) input.value = route.get('q') ?? '';
}

document.querySelector('[data-site-search]')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new FormData(event.currentTarget).get('q')?.toString().trim();
  if (q) location.hash = searchHref(q);
});

document.querySelector('[data-skip]')?.addEventListener('click', (event) => {
  event.preventDefault();
  const main = document.getElementById('main');
  (main.querySelector('h1') ?? main).focus();
});

/** Marks the language chosen, and draws the view again when it changes. */
function watchLanguageSwitch() {
  const buttons = document.querySelectorAll('[data-language-switch] [data-lang]');
  const mark = () => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === language()));
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      if (button.dataset.lang === language()) return;
      setLanguage(button.dataset.lang);
      mark();
      show({ refresh: true }).then(() => announce(button.dataset.lang === 'en' ? 'Names are shown in English.' : '名前を日本語で表示しています。'));
    });
  }
  mark();
}

/** What a reload changed, in a sentence for the live region. */
function describe(changes) {
  const guides = [...changes.guidesChanged, ...changes.guidesAdded, ...changes.guidesRemoved];
  const which = guides.length ? `（${guides.join('、')}）` : '';
  return `データが更新されました${which}。表示を新しくしました。`;
}

window.addEventListener('hashchange', () => show());
watchLanguageSwitch();
show();
watchCorpus((changes) => {
  show({ refresh: true }).then(() => announce(describe(changes)));
});
