// `#/recommend?skills=Kubernetes,Terraform&from=sre_engineer`: roles that
// fit what someone knows, with what matched, what is missing and a plan.
// A pasted résumé goes to the text view, which reads the names out of it.

import { gql } from '../api.js';
import { bar } from '../charts.js';
import { h, replace } from '../dom.js';
import { graphHref, href, roleHref, textHref } from '../links.js';
import { resolveNames, suggest } from '../suggest.js';
import { chips, failure, loading, note, pageHeading, refreshInPlace } from '../ui.js';

const RECOMMEND = `query Recommend($skills: [String!]!, $tools: [String!], $from: String!, $withFrom: Boolean!) {
  recommendJobs(skills: $skills, tools: $tools, first: 8) {
    score
    job { slug name title hasGuide }
    matched { skills { id name } tools { id name } }
    missing { skills { id name } tools { id name } }
  }
  origin: job(slug: $from) @include(if: $withFrom) { slug name }
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
    const { signal } = context;
    replace(main, loading());
    // Which preset names are tools, so their links say so; every other
    // name is looked up as it is typed or added.
    const presetNames = [...new Set(PRESETS.flat())];
    const resolved = await resolveNames(presetNames, { kinds: ['SKILL', 'TOOL'], signal });
    const kinds = new Map();
    presetNames.forEach((name, index) => {
      if (resolved[index]) kinds.set(name.toLowerCase(), resolved[index].kind);
    });
    const input = h('input', {
      id: 'known-input', type: 'text',
      placeholder: '例: Kubernetes, Python, セキュリティ', 'aria-describedby': 'known-help',
    });
    const knownOptions = suggest(input, { kinds: ['SKILL', 'TOOL'], signal });
    const chosen = h('ul', { class: 'chips chips--chosen', 'aria-label': '選んだスキルとツール' });
    const from = h('input', { id: 'from-input', type: 'text', placeholder: '例: SRE', 'aria-describedby': 'from-help' });
    const fromOptions = suggest(from, { kinds: ['JOB'], signal });
    // The one line a screen reader hears when the results change; the
    // results themselves are read when the reader moves into them.
    const status = h('p', { class: 'results-status muted small', role: 'status', 'aria-atomic': 'true' });
    const results = h('div', { class: 'slot' });
    const state = { input, knownOptions, chosen, from, fromOptions, fromSlug: null, status, results, skills: [], tools: [], ready: true };
    Object.assign(context.state, state);

    const form = h('form', {
      class: 'card recommend-form',
      onsubmit: (event) => {
        event.preventDefault();
        add(context.state, input.value, signal).catch(quietly);
      },
    },
    h('div', { class: 'field' },
      h('label', { for: 'known-input' }, '知っているスキル・ツール'),
      h('div', { class: 'inline' }, input, h('button', { type: 'submit', class: 'button' }, '追加'))),
    h('p', { id: 'known-help', class: 'muted small' }, '入力するとグラフにあるスキルとツールから候補を出します。別の書き方（K8s など）でも探せます。'),
    knownOptions.list,
    chosen,
    h('div', { class: 'field field--inline' },
      h('label', { for: 'from-input' }, '今の職種（任意）'), from, fromOptions.list,
      h('span', { id: 'from-help', class: 'muted small' }, '選ぶと、そこからの道のりと学ぶことを示します。')),
    h('p', { class: 'presets' }, h('span', { class: 'muted small' }, '例: '),
      PRESETS.map((preset) => h('a', { class: 'chip chip--ghost', href: presetHref(kinds, preset) }, preset.join(' + ')))));
    const commitFrom = () => chooseFrom(context.state, signal).catch(quietly);
    from.addEventListener('change', commitFrom);
    from.addEventListener('keydown', (event) => {
      // Enter chooses the role instead of adding to the known names.
      if (event.key !== 'Enter') return;
      event.preventDefault();
      commitFrom();
    });

    replace(main,
      pageHeading('スキルから職種を探す'),
      h('p', { class: 'lead' }, '知っているスキルとツールを選ぶと、それがどれだけ生きる職種かを順に並べ、足りないものと学び方を示します。'),
      form,
      pasteForm(),
      status,
      results);
    await refresh(route, context);
  },
  update(main, route, context) {
    if (!context.state.ready || !main.contains(context.state.input)) return false;
    refreshInPlace(refresh, route, context);
    return true;
  },
};

/** A lookup that failed leaves the form as it was; the person can try again. */
function quietly(error) {
  if (error.name !== 'AbortError') console.warn(error);
}

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

/**
 * Adds the names in `raw` (split at commas) to the known ones, each as the
 * skill or tool it means: the suggestion picked, else what `resolve` reads
 * it as; a name the graph does not know is kept as typed, and the API says
 * so with the results.
 */
async function add(state, raw, signal) {
  const typed = raw.split(/[,、]/).map((part) => part.trim()).filter(Boolean);
  if (!typed.length) return;
  const unsuggested = typed.filter((name) => !state.knownOptions.find(name));
  const resolved = await resolveNames(unsuggested, { kinds: ['SKILL', 'TOOL'], signal }).catch((error) => {
    if (error.name === 'AbortError') throw error;
    return unsuggested.map(() => null);
  });
  const meaning = new Map(unsuggested.map((name, index) => [name, resolved[index]]));
  const skills = [...state.skills];
  const tools = [...state.tools];
  for (const name of typed) {
    const node = state.knownOptions.find(name) ?? meaning.get(name);
    const canonical = node?.name ?? name;
    if ([...skills, ...tools].some((other) => other.toLowerCase() === canonical.toLowerCase())) continue;
    (node?.kind === 'TOOL' ? tools : skills).push(canonical);
  }
  state.input.value = '';
  state.input.focus();
  navigate(state, { skills, tools });
}

/** Takes the role typed in the "from" field, as suggested or as `resolve` reads it. */
async function chooseFrom(state, signal) {
  const text = state.from.value.trim();
  let slug = null;
  if (text) {
    const node = state.fromOptions.find(text) ?? (await resolveNames([text], { kinds: ['JOB'], signal }))[0];
    if (!node) {
      state.status.textContent = `「${text}」という職種はグラフにありません。`;
      return;
    }
    slug = node.slug;
  }
  if (slug !== state.fromSlug) navigate(state, { skills: state.skills, tools: state.tools, from: slug });
}

function navigate(state, { skills, tools, from = state.fromSlug }) {
  location.hash = href(['recommend'], { skills, tools, from });
}

/** The view's address for a preset, each name listed as a skill or a tool. */
function presetHref(kinds, names) {
  const isTool = (name) => kinds.get(name.toLowerCase()) === 'TOOL';
  return href(['recommend'], { skills: names.filter((name) => !isTool(name)), tools: names.filter(isTool) });
}

async function refresh(route, context) {
  const state = context.state;
  const { signal } = context;
  const skills = route.list('skills');
  const tools = route.list('tools');
  const fromSlug = route.get('from');
  Object.assign(state, { skills, tools, fromSlug });
  if (!fromSlug) state.from.value = '';
  const remove = (name) => navigate(state, { skills: skills.filter((other) => other !== name), tools: tools.filter((other) => other !== name) });
  replace(state.chosen, [...skills.map((name) => [name, 'skill']), ...tools.map((name) => [name, 'tool'])].map(([name, kind]) => h('li', null,
    h('span', { class: ['chip', 'chip--chosen', `chip--${kind}`] },
      name,
      h('button', { type: 'button', class: 'chip__remove', 'aria-label': `${name} を外す`, onclick: () => remove(name) }, '×')))));
  if (!skills.length && !tools.length) {
    state.status.textContent = '';
    replace(state.results, note('スキルやツールを1つ以上追加してください。上の例から始めることもできます。'));
    return;
  }
  replace(state.results, loading('合う職種を探しています…'));
  state.results.setAttribute('aria-busy', 'true');
  // Answers to earlier choices may arrive after later ones: only the
  // latest is shown.
  state.ticket = (state.ticket ?? 0) + 1;
  const ticket = state.ticket;
  try {
    const { data, errors } = await gql(RECOMMEND, { skills, tools, from: fromSlug ?? '', withFrom: Boolean(fromSlug) }, { signal });
    if (ticket !== state.ticket) return;
    if (data.origin && document.activeElement !== state.from) state.from.value = data.origin.name;
    const unknown = errors.flatMap((error) => error.extensions?.names ?? []);
    const list = data.recommendJobs;
    // The first card opens on its plan; fetched before the cards go up, the
    // plan does not push the other cards down as it arrives.
    const firstPlan = list.length ? await plan(list[0].job, fromSlug, signal).catch((error) => {
      if (error.name === 'AbortError') throw error;
      return null;
    }) : null;
    if (ticket !== state.ticket) return;
    state.status.textContent = [
      list.length ? `${list.length} 件の職種が見つかりました。` : '合う職種は見つかりませんでした。',
      unknown.length ? `グラフにない名前: ${unknown.join('、')}` : '',
    ].join('');
    replace(state.results,
      unknown.length ? h('p', { class: 'notice notice--warn' }, `グラフにない名前は無視しました: ${unknown.join('、')}`) : null,
      list.length
        ? h('ol', { class: 'recommendations' }, list.map((entry, index) => card(entry, index, fromSlug, signal, index === 0 ? firstPlan : null)))
        : note('合う職種が見つかりませんでした。別のスキルやツールを試してください。'));
  } catch (error) {
    // A later choice is on its way; this one's failure no longer matters.
    if (ticket === state.ticket) throw error;
  } finally {
    if (ticket === state.ticket) state.results.removeAttribute('aria-busy');
  }
}

/**
 * One recommended role. `planShown` is its learning plan when already
 * fetched (the first card's); otherwise the plan is fetched when the card
 * is opened, or at once for the first card if fetching it failed.
 */
function card(entry, index, fromSlug, signal, planShown = null) {
  const matched = [...entry.matched.skills, ...entry.matched.tools];
  const missing = [...entry.missing.skills, ...entry.missing.tools];
  const planSlot = h('div', { class: 'slot' }, planShown);
  const details = h('details', { class: 'plan', open: index === 0 },
    h('summary', null, fromSlug && fromSlug !== entry.job.slug ? '道のりと学習プラン' : '学習プラン'),
    planSlot);
  let loaded = Boolean(planShown);
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

