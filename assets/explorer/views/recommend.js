// `#/recommend?skills=Kubernetes,Terraform&from=sre_engineer`: roles that
// fit what someone knows, with what matched, what is missing and a plan.
// A pasted résumé goes to the text view, which reads the names out of it.

import { gql, loadCatalog } from '../api.js';
import { bar } from '../charts.js';
import { h, replace } from '../dom.js';
import { graphHref, href, roleHref, textHref } from '../links.js';
import { chips, failure, loading, note, pageHeading } from '../ui.js';

const RECOMMEND = `query Recommend($skills: [String!]!, $tools: [String!]) {
  recommendJobs(skills: $skills, tools: $tools, first: 8) {
    score
    job { slug name title hasGuide }
    matched { skills { id name } tools { id name } }
    missing { skills { id name } tools { id name } }
  }
}`;

const STEPS = `query LearningSteps($slug: String!) {
  job(slug: $slug) { learningSteps { order title goal resources { title kind } } }
}`;

const TRANSITION = `query Plan($from: String!, $to: String!) {
  transition(from: $from, to: $to) {
    path { slug name }
    learningPlan { order title goal resources { title kind } skills { name } tools { name } }
  }
}`;

const PRESETS = [
  ['Kubernetes', 'Terraform'],
  ['Python', 'AWS', 'Docker'],
  ['Prometheus', 'Grafana', 'オブザーバビリティ'],
];

const RESOURCE_KINDS = { BOOK: '書籍', COURSE: 'コース', CERTIFICATION: '資格' };

export default {
  nav: 'recommend',
  title: () => 'スキルから職種を探す',
  async render(main, route, context) {
    replace(main, loading());
    const catalog = await loadCatalog();
    const names = new Map();
    for (const skill of catalog.skills) names.set(skill.name.toLowerCase(), { name: skill.name, kind: 'SKILL' });
    for (const tool of catalog.tools) names.set(tool.name.toLowerCase(), { name: tool.name, kind: 'TOOL' });
    const input = h('input', {
      id: 'known-input', type: 'text', list: 'known-options', autocomplete: 'off',
      placeholder: '例: Kubernetes, Python, セキュリティ', 'aria-describedby': 'known-help',
    });
    const datalist = h('datalist', { id: 'known-options' },
      catalog.tools.map((tool) => h('option', { value: tool.name, label: 'ツール' })),
      catalog.skills.map((skill) => h('option', { value: skill.name, label: 'スキル' })));
    const chosen = h('ul', { class: 'chips chips--chosen', 'aria-label': '選んだスキルとツール' });
    const from = h('select', { id: 'from-select' },
      h('option', { value: '' }, '指定しない'),
      catalog.jobs.map((job) => h('option', { value: job.slug }, job.name)));
    const results = h('div', { class: 'slot', 'aria-live': 'polite' });
    const state = { names, input, chosen, from, results, known: [], ready: true };
    Object.assign(context.state, state);

    const form = h('form', {
      class: 'card recommend-form',
      onsubmit: (event) => {
        event.preventDefault();
        add(context.state, input.value);
      },
    },
    h('div', { class: 'field' },
      h('label', { for: 'known-input' }, '知っているスキル・ツール'),
      h('div', { class: 'inline' }, input, h('button', { type: 'submit', class: 'button' }, '追加'))),
    h('p', { id: 'known-help', class: 'muted small' }, `候補はグラフにある ${catalog.skills.length} のスキルと ${catalog.tools.length} のツールです。別の書き方（K8s など）でも探せます。`),
    datalist,
    chosen,
    h('div', { class: 'field field--inline' },
      h('label', { for: 'from-select' }, '今の職種（任意）'), from,
      h('span', { class: 'muted small' }, '選ぶと、そこからの道のりと学ぶことを示します。')),
    h('p', { class: 'presets' }, h('span', { class: 'muted small' }, '例: '),
      PRESETS.map((preset) => h('a', { class: 'chip chip--ghost', href: hrefFor(names, preset) }, preset.join(' + ')))));
    from.addEventListener('change', () => navigate(context.state, context.state.known));

    replace(main,
      pageHeading('スキルから職種を探す'),
      h('p', { class: 'lead' }, '知っているスキルとツールを選ぶと、それがどれだけ生きる職種かを順に並べ、足りないものと学び方を示します。'),
      form,
      pasteForm(),
      results);
    await refresh(route, context);
  },
  update(main, route, context) {
    if (!context.state.ready || !main.contains(context.state.input)) return false;
    refresh(route, context).catch((error) => {
      if (error.name !== 'AbortError') replace(context.state.results, failure(error));
    });
    return true;
  },
};

/** The other way in: a pasted text, whose names the text view reads out. */
function pasteForm() {
  const textarea = h('textarea', { id: 'paste-input', name: 'text', rows: 4, placeholder: '例: Kubernetes の運用 3 年、Terraform で AWS を構築…' });
  return h('details', { class: 'card paste' },
    h('summary', null, 'または、履歴書や求人票を貼り付けて探す'),
    h('form', {
      class: 'paste__form',
      onsubmit: (event) => {
        event.preventDefault();
        const text = textarea.value.trim();
        if (text) location.hash = textHref(text);
        else textarea.focus();
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'paste-input' }, '履歴書や求人票の文章'), textarea),
    h('button', { type: 'submit', class: 'button' }, 'この文章で探す')));
}

function add(state, raw) {
  const added = raw.split(/[,、]/).map((part) => part.trim()).filter(Boolean)
    .map((part) => state.names.get(part.toLowerCase())?.name ?? part);
  const next = [...state.known];
  for (const name of added) if (!next.some((known) => known.toLowerCase() === name.toLowerCase())) next.push(name);
  state.input.value = '';
  state.input.focus();
  navigate(state, next);
}

function navigate(state, known) {
  location.hash = hrefFor(state.names, known, state.from.value || null);
}

/** The view's address for `known` names, each listed as a skill or a tool. */
function hrefFor(names, known, from = null) {
  const isTool = (name) => names.get(name.toLowerCase())?.kind === 'TOOL';
  return href(['recommend'], { skills: known.filter((name) => !isTool(name)), tools: known.filter(isTool), from });
}

async function refresh(route, context) {
  const state = context.state;
  const { signal } = context;
  const skills = route.list('skills');
  const tools = route.list('tools');
  state.known = [...skills, ...tools];
  state.from.value = route.get('from') ?? '';
  replace(state.chosen, state.known.map((name) => h('li', null,
    h('span', { class: ['chip', 'chip--chosen', state.names.get(name.toLowerCase())?.kind === 'TOOL' ? 'chip--tool' : 'chip--skill'] },
      name,
      h('button', {
        type: 'button', class: 'chip__remove', 'aria-label': `${name} を外す`,
        onclick: () => navigate(state, state.known.filter((known) => known !== name)),
      }, '×')))));
  if (!state.known.length) {
    replace(state.results, note('スキルやツールを1つ以上追加してください。上の例から始めることもできます。'));
    return;
  }
  replace(state.results, loading('合う職種を探しています…'));
  // Answers to earlier choices may arrive after later ones: only the
  // latest is shown.
  state.ticket = (state.ticket ?? 0) + 1;
  const ticket = state.ticket;
  const { data, errors } = await gql(RECOMMEND, { skills, tools }, { signal });
  if (ticket !== state.ticket) return;
  const unknown = errors.flatMap((error) => error.extensions?.names ?? []);
  const list = data.recommendJobs;
  const fromSlug = route.get('from');
  replace(state.results,
    unknown.length ? h('p', { class: 'notice notice--warn', role: 'status' }, `グラフにない名前は無視しました: ${unknown.join('、')}`) : null,
    list.length
      ? h('ol', { class: 'recommendations' }, list.map((entry, index) => card(entry, index, fromSlug, signal)))
      : note('合う職種が見つかりませんでした。別のスキルやツールを試してください。'));
}

function card(entry, index, fromSlug, signal) {
  const matched = [...entry.matched.skills, ...entry.matched.tools];
  const missing = [...entry.missing.skills, ...entry.missing.tools];
  const planSlot = h('div', { class: 'slot' });
  const details = h('details', { class: 'plan', open: index === 0 },
    h('summary', null, fromSlug && fromSlug !== entry.job.slug ? '道のりと学習プラン' : '学習プラン'),
    planSlot);
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    replace(planSlot, loading('学習プランを読み込み中…'));
    plan(entry.job, fromSlug, signal).then((content) => replace(planSlot, content)).catch((error) => {
      if (error.name === 'AbortError') return;
      loaded = false;
      replace(planSlot, failure(error, load));
    });
  };
  details.addEventListener('toggle', () => details.open && load());
  if (index === 0) queueMicrotask(load);
  return h('li', { class: 'recommendation card', 'data-slug': entry.job.slug },
    h('div', { class: 'recommendation__head' },
      h('span', { class: 'rank', 'aria-hidden': 'true' }, String(index + 1)),
      h('div', null,
        h('h2', { class: 'recommendation__name' }, h('a', { href: roleHref(entry.job.slug) }, entry.job.name)),
        entry.job.title !== entry.job.name ? h('p', { class: 'muted small' }, entry.job.title) : null)),
    bar('適合度', entry.score),
    h('div', { class: 'columns columns--tight' },
      h('div', null, h('h3', { class: 'subhead' }, '生かせるもの', h('span', { class: 'count' }, String(matched.length))),
        chips(matched, { tone: 'match', textFor: (item) => item.name, hrefFor: (item) => graphHref(item.id), label: '生かせるもの' })),
      h('div', null, h('h3', { class: 'subhead' }, '足りないもの', h('span', { class: 'count' }, String(missing.length))),
        chips(missing, { tone: 'missing', textFor: (item) => item.name, hrefFor: (item) => graphHref(item.id), limit: 12, label: '足りないもの（重要な順）' }))),
    details);
}

async function plan(job, fromSlug, signal) {
  if (fromSlug && fromSlug !== job.slug) {
    const { data } = await gql(TRANSITION, { from: fromSlug, to: job.slug }, { signal });
    const transition = data.transition;
    return h('div', null,
      transition.path.length
        ? h('p', { class: 'path path--inline' }, '道のり: ', transition.path.map((step, index) => [index ? ' → ' : '', h('a', { href: roleHref(step.slug) }, step.name)]))
        : note('ガイドのつながりからは道のりが見つかりませんでした。'),
      steps(transition.learningPlan));
  }
  const { data } = await gql(STEPS, { slug: job.slug }, { signal });
  return steps(data.job?.learningSteps ?? []);
}

function steps(list) {
  if (!list.length) return note('この職種のガイドには学習の手順がありません。');
  return h('ol', { class: 'steps' }, list.map((step) => h('li', { class: 'step' },
    h('h4', { class: 'step__title' }, step.title),
    step.goal ? h('p', { class: 'step__goal' }, step.goal) : null,
    step.skills?.length || step.tools?.length
      ? h('p', { class: 'small muted' }, '身につくもの: ', [...(step.skills ?? []), ...(step.tools ?? [])].map((item) => item.name).join('、'))
      : null,
    step.resources.length ? h('ul', { class: 'resources' }, step.resources.map((resource) => h('li', null,
      h('span', { class: ['badge', `resource-${resource.kind}`] }, RESOURCE_KINDS[resource.kind] ?? resource.kind), ' ', resource.title))) : null)));
}

