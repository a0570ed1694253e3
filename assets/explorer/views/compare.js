// `#/compare/:a/:b`: what two roles share and what each adds, drawn as
// area-proportional Venn diagrams and three columns, with the similarity
// and its facets as bars.

import { gql } from '../api.js';
import { bar, gauge, venn } from '../charts.js';
import { announce, h, percent, replace } from '../dom.js';
import { compareHref, graphHref, roleHref } from '../links.js';
import { resolveNames, suggest } from '../suggest.js';
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
  similarityWeights { hardSkills softSkills tools tags explicit }
}`;

const PATH = `query ComparePath($a: String!, $b: String!) {
  transition(from: $a, to: $b) { path { slug name hasGuide } steps { reason cost } totalCost }
}`;

const SUGGEST = `query Suggest($slug: String!) {
  job(slug: $slug) { slug name }
  relatedJobs(slug: $slug, first: 5) { job { slug name } score }
}`;

/** The facets of `similarity`, by their field in `facets` and `similarityWeights`. */
const FACETS = [
  ['hardSkills', '技術スキル'],
  ['softSkills', 'ヒューマンスキル'],
  ['tools', 'ツール'],
  ['tags', 'タグ'],
  ['explicit', 'ガイドでの関連指定'],
];

const REASONS = { EXPLICIT: '関連職種の指定', LEADS_TO: 'キャリアの行き先', SIMILAR: 'スキルの近さ' };

export default {
  nav: 'compare',
  title: (route) => (route.segments.length === 2 ? `${route.segments[0]} と ${route.segments[1]}` : '職種をくらべる'),
  async render(main, route, context) {
    const [a, b] = route.segments;
    const { signal } = context;
    const form = picker(signal);
    if (!a || !b) {
      const hints = h('div', { class: 'slot' });
      replace(main, pageHeading('職種をくらべる'),
        h('p', { class: 'lead' }, '2つの職種を選ぶと、共通するスキルとツール、それぞれにしかないもの、そして似ている度合いを図にします。'),
        form.element, hints);
      if (a) {
        replace(hints, loading('近い職種を探しています…'));
        try {
          const { data } = await gql(SUGGEST, { slug: a }, { signal });
          const nameA = data.job?.name ?? a;
          form.fill(data.job, null);
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
    // The page goes up once both answers are in: its heading names the two
    // roles, and a heading that changed from the route's slugs to their
    // names (a line longer on a phone) would push the form and all under
    // it down. The path still fails alone, in its own section.
    replace(main, loading('くらべています…'));
    const path = gql(PATH, { a, b }, { signal });
    path.catch(() => {});
    const { data } = await gql(OVERLAP, { a, b }, { signal });
    const overlap = data.skillOverlap;
    const pathSlot = h('div', { class: 'slot' });
    try {
      const { data: moved } = await path;
      replace(pathSlot, pathView(moved.transition));
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      replace(pathSlot, failure(error));
    }
    context.setTitle(`${overlap.a.name} と ${overlap.b.name}`);
    replace(main, pageHeading(`${overlap.a.name} と ${overlap.b.name}`), form.element,
      h('div', { class: 'slot' }, render(overlap, data.similarityWeights, pathSlot)));
    form.fill(overlap.a, overlap.b);
  },
};

/**
 * Two fields for two roles, each suggesting roles as it is typed. A name
 * typed without picking a suggestion is read as `resolve` reads it.
 */
function picker(signal) {
  const field = (id) => h('input', { id, type: 'text', required: true, placeholder: '職種名を入力' });
  const first = field('compare-a');
  const second = field('compare-b');
  const firstOptions = suggest(first, { kinds: ['JOB'], signal });
  const secondOptions = suggest(second, { kinds: ['JOB'], signal });
  const problem = h('p', { class: 'compare-form__problem' });
  const say = (message) => {
    problem.textContent = message;
    if (message) announce(message);
  };
  const swap = h('button', { type: 'button', class: 'button button--ghost', title: '左右を入れかえる' }, '⇄ 入れかえ');
  swap.addEventListener('click', () => {
    [first.value, second.value] = [second.value, first.value];
  });
  const choose = async () => {
    const typed = [first.value.trim(), second.value.trim()];
    const picked = [firstOptions.find(typed[0]), secondOptions.find(typed[1])];
    const missing = typed.filter((_, index) => !picked[index]);
    const read = await resolveNames(missing, { kinds: ['JOB'], signal });
    const jobs = picked.map((job) => job ?? read.shift());
    const unknown = typed.filter((_, index) => !jobs[index]);
    if (unknown.length) {
      say(`グラフにない職種です: ${unknown.join('、')}`);
      return;
    }
    say('');
    location.hash = compareHref(jobs[0].slug, jobs[1].slug);
  };
  const element = h('form', {
    class: 'compare-form card',
    onsubmit: (event) => {
      event.preventDefault();
      choose().catch((error) => {
        if (error.name !== 'AbortError') say(`職種を確かめられませんでした: ${error.message}`);
      });
    },
  },
  h('div', { class: 'field field--a' }, h('label', { for: 'compare-a' }, '職種 A'), first, firstOptions.list),
  swap,
  h('div', { class: 'field field--b' }, h('label', { for: 'compare-b' }, '職種 B'), second, secondOptions.list),
  h('button', { type: 'submit', class: 'button' }, 'くらべる'),
  problem);
  return {
    element,
    /** Shows the roles the address names, unless the person is typing there. */
    fill(jobA, jobB) {
      for (const [input, job] of [[first, jobA], [second, jobB]]) {
        if (job && document.activeElement !== input) input.value = job.name;
      }
    },
  };
}

function render(overlap, weights, pathSlot) {
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
        h('div', { class: 'bars' }, FACETS.map(([key, label]) => bar(label, overlap.facets[key], { note: `×${weights[key]}` }))))),
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
