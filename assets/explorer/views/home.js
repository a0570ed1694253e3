// `#/`: every role in the graph, and where to start; with many roles, the
// career map first.

import { gql, pick } from '../api.js';
import { h, replace } from '../dom.js';
import { compareHref, graphHref, href, roleHref } from '../links.js';
import { chip, loading, pageHeading } from '../ui.js';

// One request: the counts, the roles (a page of each, with how many there
// are in all), and two tools to suggest, which the graph may lack.
const HOME = `query Home {
  corpus { guides nodes edges }
  guided: jobs(first: 100, filter: { hasGuide: true }) { totalCount nodes { id slug name title hasGuide tags } }
  others: jobs(first: 100, filter: { hasGuide: false }) { totalCount nodes { slug name } }
  sample: resolve(names: ["Kubernetes", "Terraform"], kinds: [TOOL]) { how node { ... on Tool { name } } }
  tools(first: 2) { nodes { name } }
}`;

// The home page opens with the career map when the roles with a guide are
// more than fit on one screen as cards: at 1280 × 900 the cards stand three
// to a row under the introduction, so a tenth card falls below the fold.
// Past that, the map shows every family at a glance where the cards would
// need scrolling; the cards still follow it.
const MAP_FIRST_ABOVE = 9;

/** The career map of every family, for a corpus too large for cards alone; its module is loaded only then. */
async function mapBlock(signal) {
  const { MAP, mapFigure } = await import('./map.js');
  const map = pick(await gql(MAP, { category: null }, { signal }), 'careerMap');
  if (!map.roles.length) return null;
  // The wheel scrolls on down the home page; Ctrl and the wheel, or the buttons, zoom.
  const { figure } = mapFigure(map, { category: null, wheelZooms: false });
  return h('section', { class: 'block', 'aria-labelledby': 'map-heading' },
    h('h2', { id: 'map-heading' }, '職種マップ'),
    h('p', { class: 'muted' }, '職種を横に、レベルを縦に並べた地図です。箱を選ぶとその職種へ、', h('a', { href: '#/map' }, '職種群ごとのマップ'), 'も見られます。'),
    figure);
}

export default {
  nav: 'home',
  title: () => '',
  async render(main, route, { signal }) {
    replace(main, loading('職種を読み込み中…'));
    const { data } = await gql(HOME, {}, { signal });
    // The cards list every role anyway: a map that fails leaves them alone.
    const mapFirst = data.guided.totalCount > MAP_FIRST_ABOVE ? await mapBlock(signal).catch((error) => {
      if (error.name === 'AbortError') throw error;
      console.warn('map', error);
      return null;
    }) : null;
    const guided = data.guided.nodes;
    const others = data.others.nodes;
    const sample = data.sample.filter((entry) => entry.how === 'EXACT').map((entry) => entry.node.name);
    const known = sample.length ? sample : data.tools.nodes.map((tool) => tool.name);
    const [first, second] = guided;
    const { corpus } = data;
    replace(main,
      h('div', { class: 'hero' },
        pageHeading('キャリアをグラフで探る'),
        h('p', { class: 'hero__lead' },
          `${corpus.guides} 本のキャリアガイドから、${corpus.nodes} 個のノードと ${corpus.edges} 本の関係を読み取りました。`,
          '職種のキャリアラダーを図で見て、職種どうしをくらべ、手持ちのスキルに合う職種を探せます。'),
        h('ul', { class: 'starts' },
          first ? start('キャリアラダーを見る', `${first.name} の段階と次の職種`, roleHref(first.slug), 'ladder') : null,
          first && second ? start('2つの職種をくらべる', `${first.name} と ${second.name}`, compareHref(first.slug, second.slug), 'compare') : null,
          start('スキルから職種を探す', `${known.join(' と ')} を知っているなら`, href(['recommend'], { skills: known }), 'recommend'),
          first ? start('グラフをたどる', `${first.name} のまわり`, graphHref(first.id), 'graph') : null)),
      mapFirst,
      h('section', { class: 'block', 'aria-labelledby': 'guided-heading' },
        h('h2', { id: 'guided-heading' }, 'ガイドのある職種'),
        h('ul', { class: 'job-grid' }, guided.map(jobCard)),
        more(data.guided)),
      others.length ? h('section', { class: 'block', 'aria-labelledby': 'others-heading' },
        h('h2', { id: 'others-heading' }, 'ガイドに名前の出てくる職種'),
        h('p', { class: 'muted' }, 'まだガイドはありませんが、関連職種やキャリアの行き先として登場します。'),
        h('ul', { class: 'chips' }, others.map((job) => h('li', null, chip(job.name, { href: roleHref(job.slug) })))),
        more(data.others)) : null);
  },
};

/** Says how many of a list are not shown, rather than cutting it silently. */
function more(connection) {
  const rest = connection.totalCount - connection.nodes.length;
  return rest > 0 ? h('p', { class: 'muted small' }, `ほかに ${rest} 件あります。上の検索欄から探せます。`) : null;
}

function start(title, detail, link, icon) {
  return h('li', null, h('a', { class: ['start', `start--${icon}`], href: link },
    h('span', { class: 'start__title' }, title),
    h('span', { class: 'start__detail' }, detail)));
}

function jobCard(job) {
  return h('li', { class: 'job-card' },
    h('h3', { class: 'job-card__name' }, h('a', { href: roleHref(job.slug) }, job.name)),
    h('p', { class: 'job-card__title' }, job.title),
    job.tags?.length ? h('ul', { class: 'chips chips--small', 'aria-label': 'タグ' }, job.tags.slice(0, 6).map((tag) => h('li', null, chip(tag)))) : null,
    h('p', { class: 'job-card__links' },
      h('a', { href: graphHref(job.id) }, 'グラフ'),
      h('a', { href: href(['compare', job.slug]) }, 'くらべる')));
}
