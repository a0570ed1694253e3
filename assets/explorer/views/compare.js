// `#/compare/:a/:b`: what two roles share and what each adds, drawn as
// area-proportional Venn diagrams and three columns, with the similarity
// and its facets as bars.

import { gql, loadCatalog } from '../api.js';
import { bar, gauge, venn } from '../charts.js';
import { h, percent, replace } from '../dom.js';
import { compareHref, graphHref, roleHref } from '../links.js';
import { chips, failure, loading, note, pageHeading, section } from '../ui.js';

const OVERLAP = `query Compare($a: String!, $b: String!) {
  skillOverlap(a: $a, b: $b) {
    a { slug name title hasGuide }
    b { slug name title hasGuide }
    similarity jaccard
    facets { hardSkills softSkills tools tags explicit }
    sharedSkills { id name kind }
    sharedTools { id name }
    onlyA { skills { id name } tools { id name } }
    onlyB { skills { id name } tools { id name } }
  }
}`;

const PATH = `query ComparePath($a: String!, $b: String!) {
  transition(from: $a, to: $b) { path { slug name hasGuide } steps { reason cost } totalCost }
}`;

const SUGGEST = `query Suggest($slug: String!) { relatedJobs(slug: $slug, first: 5) { job { slug name } score } }`;

/** The facets with the default weights `similarity` uses. */
const FACETS = [
  ['hardSkills', '技術スキル', 0.35],
  ['softSkills', 'ヒューマンスキル', 0.1],
  ['tools', 'ツール', 0.35],
  ['tags', 'タグ', 0.1],
  ['explicit', 'ガイドでの関連指定', 0.1],
];

const REASONS = { EXPLICIT: '関連職種の指定', LEADS_TO: 'キャリアの行き先', SIMILAR: 'スキルの近さ' };

export default {
  nav: 'compare',
  title: (route) => (route.segments.length === 2 ? `${route.segments[0]} と ${route.segments[1]}` : '職種をくらべる'),
  async render(main, route, context) {
    const [a, b] = route.segments;
    const { signal } = context;
    replace(main, loading());
    const catalog = await loadCatalog();
    const form = picker(catalog.jobs, a, b);
    if (!a || !b) {
      const hints = h('div', { class: 'slot' });
      replace(main, pageHeading('職種をくらべる'),
        h('p', { class: 'lead' }, '2つの職種を選ぶと、共通するスキルとツール、それぞれにしかないもの、そして似ている度合いを図にします。'),
        form, hints);
      if (a) {
        replace(hints, loading('近い職種を探しています…'));
        try {
          const { data } = await gql(SUGGEST, { slug: a }, { signal });
          const nameA = catalog.jobs.find((job) => job.slug === a)?.name ?? a;
          replace(hints, data.relatedJobs.length ? section('たとえば', { id: 'suggest' },
            h('ul', { class: 'link-list' }, data.relatedJobs.map((entry) => h('li', null,
              h('a', { href: compareHref(a, entry.job.slug) }, `${nameA} と ${entry.job.name}`),
              h('span', { class: 'muted small' }, ` 近さ ${percent(entry.score)}`))))) : '');
        } catch (error) {
          if (error.name === 'AbortError') throw error;
          replace(hints, failure(error));
        }
      }
      return;
    }
    const results = h('div', { class: 'slot' }, loading('くらべています…'));
    replace(main, pageHeading('職種をくらべる'), form, results);
    const path = gql(PATH, { a, b }, { signal });
    path.catch(() => {});
    const { data } = await gql(OVERLAP, { a, b }, { signal });
    const overlap = data.skillOverlap;
    context.setTitle(`${overlap.a.name} と ${overlap.b.name}`);
    main.querySelector('h1').textContent = `${overlap.a.name} と ${overlap.b.name}`;
    const pathSlot = h('div', { class: 'slot' }, loading());
    replace(results, render(overlap, pathSlot));
    try {
      const { data: moved } = await path;
      replace(pathSlot, pathView(moved.transition));
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      replace(pathSlot, failure(error));
    }
  },
};

function picker(jobs, a, b) {
  const options = (chosen) => {
    const group = (label, list) => h('optgroup', { label }, list.map((job) => h('option', { value: job.slug, selected: job.slug === chosen }, job.name)));
    return [
      h('option', { value: '', selected: !chosen }, '選んでください'),
      group('ガイドあり', jobs.filter((job) => job.hasGuide)),
      group('ガイドなし', jobs.filter((job) => !job.hasGuide)),
    ];
  };
  const first = h('select', { id: 'compare-a', name: 'a', required: true }, options(a));
  const second = h('select', { id: 'compare-b', name: 'b', required: true }, options(b));
  const swap = h('button', { type: 'button', class: 'button button--ghost', title: '左右を入れかえる' }, '⇄ 入れかえ');
  swap.addEventListener('click', () => {
    [first.value, second.value] = [second.value, first.value];
  });
  return h('form', {
    class: 'compare-form card',
    onsubmit: (event) => {
      event.preventDefault();
      if (first.value && second.value) location.hash = compareHref(first.value, second.value);
    },
  },
  h('div', { class: 'field field--a' }, h('label', { for: 'compare-a' }, '職種 A'), first),
  swap,
  h('div', { class: 'field field--b' }, h('label', { for: 'compare-b' }, '職種 B'), second),
  h('button', { type: 'submit', class: 'button' }, 'くらべる'));
}

function render(overlap, pathSlot) {
  const { a, b } = overlap;
  const nameA = a.name;
  const nameB = b.name;
  return [
    h('div', { class: 'columns columns--score' },
      section('似ている度合い', { id: 'similarity' },
        h('div', { class: 'score' },
          gauge(overlap.similarity, { testId: 'similarity' }),
          h('div', null,
            h('p', { class: 'small' }, '右の観点ごとの近さの加重平均です。スキルとツールは、どの職種にもあるものより珍しいものを重く数えます。'),
            bar('Jaccard 係数', overlap.jaccard, { note: '共通 ÷ 全体', tone: 'muted' })))),
      section('内訳', { id: 'facets', lead: '各観点の近さ（括弧内は類似度での重み）' },
        h('div', { class: 'bars' }, FACETS.map(([key, label, weight]) => bar(label, overlap.facets[key], { note: `×${weight}` }))))),
    section('共通と違い', { id: 'venn', lead: '円の面積は項目の数に比例します。' },
      h('ul', { class: 'legend legend--venn', 'aria-label': '色の凡例' },
        h('li', null, h('span', { class: 'swatch swatch--a', 'aria-hidden': 'true' }), h('a', { href: roleHref(a.slug) }, nameA)),
        h('li', null, h('span', { class: 'swatch swatch--shared', 'aria-hidden': 'true' }), '共通'),
        h('li', null, h('span', { class: 'swatch swatch--b', 'aria-hidden': 'true' }), h('a', { href: roleHref(b.slug) }, nameB))),
      h('div', { class: 'venns' },
        venn({ title: 'スキル', onlyA: overlap.onlyA.skills.length, shared: overlap.sharedSkills.length, onlyB: overlap.onlyB.skills.length, nameA, nameB }),
        venn({ title: 'ツール', onlyA: overlap.onlyA.tools.length, shared: overlap.sharedTools.length, onlyB: overlap.onlyB.tools.length, nameA, nameB })),
      h('div', { class: 'three' },
        column(`${nameA} だけ`, 'a', overlap.onlyA.skills, overlap.onlyA.tools),
        column('共通', 'shared', overlap.sharedSkills, overlap.sharedTools),
        column(`${nameB} だけ`, 'b', overlap.onlyB.skills, overlap.onlyB.tools))),
    section(`${nameA} から ${nameB} へ`, { id: 'path', lead: 'いちばん近い道のりと、その理由。' }, pathSlot),
  ];
}

function column(title, tone, skills, tools) {
  const link = (item) => graphHref(item.id);
  const name = (item) => item.name;
  return h('div', { class: ['three__column', `three__column--${tone}`], 'data-column': tone },
    h('h3', { class: 'three__title' }, title),
    h('h4', { class: 'subhead' }, 'スキル', h('span', { class: 'count' }, String(skills.length))),
    chips(skills, { tone, hrefFor: link, textFor: name, limit: 16, label: `${title}のスキル` }),
    h('h4', { class: 'subhead' }, 'ツール', h('span', { class: 'count' }, String(tools.length))),
    chips(tools, { tone, hrefFor: link, textFor: name, limit: 16, label: `${title}のツール` }));
}

function pathView(transition) {
  if (!transition.path.length) return note('ガイドのつながりからは道のりが見つかりませんでした。');
  return h('ol', { class: 'path' }, transition.path.map((job, index) => {
    const step = transition.steps[index];
    return h('li', { class: 'path__step' },
      h('a', { href: roleHref(job.slug) }, job.name),
      step?.reason ? h('span', { class: 'path__reason' }, `${REASONS[step.reason] ?? step.reason}（コスト ${step.cost.toFixed(2)}）`) : null);
  }));
}
