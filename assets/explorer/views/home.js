// `#/`: every role in the graph, and where to start.

import { gql, loadCatalog } from '../api.js';
import { h, replace } from '../dom.js';
import { compareHref, graphHref, href, roleHref } from '../links.js';
import { chip, loading, pageHeading } from '../ui.js';

const CORPUS = `query Corpus { corpus { guides nodes edges nodesByKind { kind count } } }`;

export default {
  nav: 'home',
  title: () => '',
  async render(main, route, { signal }) {
    replace(main, loading('職種を読み込み中…'));
    const [{ data }, catalog] = await Promise.all([gql(CORPUS, {}, { signal }), loadCatalog()]);
    const guided = catalog.jobs.filter((job) => job.hasGuide);
    const others = catalog.jobs.filter((job) => !job.hasGuide);
    const toolNames = new Set(catalog.tools.map((tool) => tool.name));
    const sample = ['Kubernetes', 'Terraform'].filter((name) => toolNames.has(name));
    const known = sample.length ? sample : catalog.tools.slice(0, 2).map((tool) => tool.name);
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
      h('section', { class: 'block', 'aria-labelledby': 'guided-heading' },
        h('h2', { id: 'guided-heading' }, 'ガイドのある職種'),
        h('ul', { class: 'job-grid' }, guided.map(jobCard))),
      others.length ? h('section', { class: 'block', 'aria-labelledby': 'others-heading' },
        h('h2', { id: 'others-heading' }, 'ガイドに名前の出てくる職種'),
        h('p', { class: 'muted' }, 'まだガイドはありませんが、関連職種やキャリアの行き先として登場します。'),
        h('ul', { class: 'chips' }, others.map((job) => h('li', null, chip(job.name, { href: roleHref(job.slug) }))))) : null);
  },
};

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
