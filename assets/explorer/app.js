// The explorer: a hash router over eight views, each drawn from the public
// GraphQL API. Everything a view shows is in its URL.

import { announce, replace } from './dom.js';
import { language, setLanguage } from './lang.js';
import { watchCorpus } from './live.js';
import { parse, searchHref } from './links.js';
import { failure, pageHeading } from './ui.js';
import home from './views/home.js';
import role from './views/role.js';
import compare from './views/compare.js';
import recommend from './views/recommend.js';
import graph from './views/graph.js';
import map from './views/map.js';
import search from './views/search.js';
import text from './views/text.js';
import missing from './views/missing.js';

const VIEWS = { '': home, role, compare, recommend, text, graph, map, search };

let current = null;
let firstRender = true;

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
  const view = VIEWS[route.name] ?? missing;
  const main = document.getElementById('main');
  // Marks which route `main` shows, so a reader (or a test) can tell the
  // previous view's ready state from this one's.
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
