// `#/text?t=…`: a résumé or a job posting, pasted. Shows the text with
// every skill and tool it names and every concept it writes marked, then
// the roles it fits (each with why, in the role's own words) and the
// postings, each with what is missing (what to learn next).

import { gql } from '../api.js';
import { bar } from '../charts.js';
import { h, percent, replace } from '../dom.js';
import { KIND_LABELS } from '../kinds.js';
import { href, nodeHref, roleHref, textHref, textOf } from '../links.js';
import { chips, loading, note, pageHeading, refreshInPlace, section } from '../ui.js';

/** What the text view marks: the kinds a text's words are read as. */
const MARKED_KINDS = ['SKILL', 'TOOL', 'CONCEPT'];

const EXTRACT = `query Extract($text: String!) {
  extractSkills(text: $text) {
    text
    mentions { surface start end how confidence node { id nodeKind label } }
    concepts { surface start end how confidence node { id nodeKind label } }
    skills { id name }
    tools { id name }
    jobs(first: 5) {
      score
      job { slug name title }
      evidence { named sharedConcepts { written concept { id } } }
      matched { skills { id name } tools { id name } }
      missing { skills { id name } tools { id name } }
    }
  }
  recommendPostings(text: $text, first: 5) {
    score
    posting { id identifier title organization url role { job { slug name } } }
    matched { skills { id name } tools { id name } }
    missing { skills { id name } tools { id name } }
  }
}`;

/** The API reads at most 64 KiB of text; longer is refused before asking. */
const MAX_BYTES = 64 * 1024;

const SAMPLES = [
  ['履歴書の例', 'Kubernetesクラスターの運用（k8s 3年）とTerraform。Built services in Go and Python; ready to go live.'],
  ['求人票の例', '【募集】SRE。PrometheusとGrafanaによる監視、AWS上のTerraformとAnsibleでのIaC、GitHub Actionsの経験を歓迎します。'],
];

const HOW_LABELS = { EXACT: '名前どおり', ALIAS: '別名', VARIANT: '表記ゆれ', FUZZY: '推測' };

export default {
  nav: 'text',
  title: () => 'テキストから探す',
  async render(main, route, context) {
    const textarea = h('textarea', {
      id: 'text-input', name: 'text', rows: 7, spellcheck: 'false', 'aria-describedby': 'text-help',
      placeholder: '例: Kubernetes の運用 3 年、Terraform で AWS を構築…',
    });
    // The one line a screen reader hears when the results change; the
    // results themselves are read when the reader moves into them.
    const status = h('p', { class: 'results-status muted small', role: 'status', 'aria-atomic': 'true' });
    const results = h('div', { class: 'slot' });
    Object.assign(context.state, { textarea, status, results });
    replace(main,
      pageHeading('テキストからスキルと職種を探す'),
      h('p', { class: 'lead' }, '履歴書や求人票を貼り付けると、書かれているスキルとツールに印を付け、合う職種と求人、そして次に学ぶとよいものを示します。'),
      textForm(textarea),
      status,
      results);
    await refresh(route, context);
  },
  // A new text keeps the form (and where the reader is in it); only the
  // results change, which the status line sums up.
  update(main, route, context) {
    if (!main.contains(context.state.textarea)) return false;
    refreshInPlace(refresh, route, context);
    return true;
  },
};

function textForm(textarea) {
  const form = h('form', {
    class: 'card text-form',
    onsubmit: (event) => {
      event.preventDefault();
      const text = textarea.value.trim();
      if (text) location.hash = textHref(text);
      else textarea.focus();
    },
  },
  h('div', { class: 'field' },
    h('label', { for: 'text-input' }, '履歴書や求人票を貼り付け…'),
    textarea,
    h('p', { id: 'text-help', class: 'muted small' }, '日本語でも英語でも、HTML や Markdown のままでも読めます（64 KiB まで）。Ctrl+Enter でも探せます。')),
  h('div', { class: 'text-form__actions' },
    h('button', { type: 'submit', class: 'button' }, 'スキルを探す'),
    h('p', { class: 'presets' }, h('span', { class: 'muted small' }, '例: '),
      SAMPLES.map(([label, text]) => h('a', { class: 'chip chip--ghost', href: textHref(text) }, label)))));
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  return form;
}

async function refresh(route, { signal, state }) {
  const text = textOf(route);
  state.textarea.value = text ?? '';
  // Answers to earlier texts may arrive after later ones: only the latest
  // is shown.
  state.ticket = (state.ticket ?? 0) + 1;
  const ticket = state.ticket;
  const problem = whyNotAsk(text);
  if (problem) {
    state.results.removeAttribute('aria-busy');
    state.status.textContent = '';
    replace(state.results, problem);
    return;
  }
  state.results.setAttribute('aria-busy', 'true');
  replace(state.results, loading('スキルとツールを読み取っています…'));
  try {
    const { data } = await gql(EXTRACT, { text }, { signal });
    if (ticket !== state.ticket) return;
    state.status.textContent = summary(data.extractSkills, data.recommendPostings);
    replace(state.results, ...report(data.extractSkills, data.recommendPostings));
  } catch (error) {
    // A later text is on its way; this one's failure no longer matters.
    if (ticket === state.ticket) throw error;
  } finally {
    if (ticket === state.ticket) state.results.removeAttribute('aria-busy');
  }
}

/** A note instead of a request when there is nothing (or too much) to read. */
function whyNotAsk(text) {
  if (text === null) return note('この文章は別のタブで貼り付けられたため、ここでは開けません。もう一度貼り付けてください。');
  if (!text.trim()) return note('履歴書や求人票を貼り付けて「スキルを探す」を押してください。上の例から始めることもできます。');
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_BYTES) return note(`文章が長すぎます（${Math.ceil(bytes / 1024)} KiB）。64 KiB までにしてください。`);
  return null;
}

/** The results in one short sentence, for the status line. */
function summary(extraction, postings) {
  const named = extraction.skills.length + extraction.tools.length;
  const concepts = new Set(extraction.concepts.map((concept) => concept.node.id)).size;
  return `スキルとツール ${named} 件、概念 ${concepts} 件、合う職種 ${extraction.jobs.length} 件、合う求人 ${postings.length} 件が見つかりました。`;
}

function report(extraction, postings) {
  return [
    markedSection(extraction),
    foundSection(extraction),
    jobsBlock(extraction.jobs),
    postingsBlock(postings),
  ];
}

function markedSection(extraction) {
  const read = [...extraction.mentions, ...extraction.concepts];
  const spans = mentionSpans(read, Array.from(extraction.text).length);
  return section('読み取った文章', {
    id: 'text-marked',
    lead: spans.length
      ? `スキル・ツールの名前と概念 ${spans.length} か所に印を付けました。印を選ぶとそのスキルやツール、概念へ移ります。`
      : 'スキルやツールの名前、概念は見つかりませんでした。別の書き方（K8s など）も読めます。',
  },
  spans.length ? legend(spans.some(namesSkillAndTool)) : null,
  h('p', { class: 'marked-text' }, marked(extraction.text, spans)));
}

function legend(withBoth) {
  return h('ul', { class: 'legend small', 'aria-label': '印の凡例' },
    MARKED_KINDS.map((kind) => h('li', null, h('span', { class: 'swatch', 'data-kind': kind, 'aria-hidden': 'true' }), KIND_LABELS[kind])),
    withBoth ? h('li', null, h('span', { class: 'swatch swatch--both', 'aria-hidden': 'true' }), 'スキルとツールの両方') : null,
    h('li', null, h('span', { class: 'swatch swatch--guess', 'aria-hidden': 'true' }), '点線は推測（綴りの近い名前）'));
}

function namesSkillAndTool(span) {
  const kinds = new Set(span.mentions.map((mention) => mention.node.nodeKind));
  return kinds.has('SKILL') && kinds.has('TOOL');
}

/**
 * Mentions as spans that never overlap: the same words can name a skill
 * and a tool, or two names can share words, and one `<mark>` each would
 * nest or cross. Such mentions share one span covering them all.
 */
function mentionSpans(mentions, length) {
  const sorted = mentions
    .filter((mention) => mention.start >= 0 && mention.start < mention.end && mention.end <= length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const spans = [];
  for (const mention of sorted) {
    const last = spans.at(-1);
    if (last && mention.start < last.end) {
      last.end = Math.max(last.end, mention.end);
      last.mentions.push(mention);
    } else {
      spans.push({ start: mention.start, end: mention.end, mentions: [mention] });
    }
  }
  return spans;
}

/** `text` as text nodes with each span a marked link. */
function marked(text, spans) {
  // Offsets count characters (code points), not UTF-16 units: an emoji
  // before a name would otherwise shift every mark after it.
  const characters = Array.from(text);
  const slice = (start, end) => characters.slice(start, end).join('');
  const pieces = [];
  let at = 0;
  for (const span of spans) {
    pieces.push(slice(at, span.start), mark(slice(span.start, span.end), span.mentions));
    at = span.end;
  }
  pieces.push(slice(at));
  return pieces.filter((piece) => piece !== '');
}

/** One marked span, a link to the node it names (the longest, when several). */
function mark(words, mentions) {
  const distinct = [...new Map(mentions.map((mention) => [mention.node.id, mention])).values()];
  const kinds = [...new Set(distinct.map((mention) => mention.node.nodeKind))];
  const title = distinct.map(describe).join(' / ');
  return h('a', { class: 'mention-link', href: nodeHref(distinct[0].node.id), title },
    h('mark', {
      class: ['mention', kinds.length > 1 && 'mention--both', distinct.every((mention) => mention.how === 'FUZZY') && 'mention--guess'],
      'data-kind': kinds.length === 1 ? kinds[0] : null,
      title,
    }, words));
}

/** `Kubernetes（ツール・別名）`, with how sure when less than certain. */
function describe(mention) {
  const kind = KIND_LABELS[mention.node.nodeKind] ?? mention.node.nodeKind;
  const sure = mention.confidence < 1 ? `・確からしさ ${percent(mention.confidence, 0)}` : '';
  return `${mention.node.label}（${kind}・${HOW_LABELS[mention.how] ?? mention.how}${sure}）`;
}

function foundSection(extraction) {
  const { skills, tools } = extraction;
  return section('見つかったスキルとツール', { id: 'text-found' },
    h('div', { class: 'columns columns--tight' },
      found('スキル', skills, 'skill'),
      found('ツール', tools, 'tool')),
    skills.length || tools.length
      ? h('p', { class: 'actions small' }, h('a', { href: recommendHref(skills, tools) }, 'この組み合わせで職種をすすめる（学習プラン付き）'))
      : null);
}

function found(title, items, tone) {
  return h('div', null,
    h('h3', { class: 'subhead' }, title, h('span', { class: 'count' }, String(items.length))),
    chips(items, { tone, textFor: (item) => item.name, hrefFor: (item) => nodeHref(item.id), label: title, empty: '見つかりませんでした' }));
}

/** The recommend view for what the text names, where the learning plans are. */
function recommendHref(skills, tools) {
  return href(['recommend'], { skills: skills.map((skill) => skill.name), tools: tools.map((tool) => tool.name) });
}

function jobsBlock(jobs) {
  return block('合う職種', 'text-jobs', '文章にあるスキルとツール、概念、職種名がどれだけ重なるかの順です。足りないものが、次に学ぶとよいものです。',
    jobs.length
      ? h('ol', { class: 'recommendations' }, jobs.map(jobCard))
      : note('合う職種は見つかりませんでした。スキルやツールの名前がもっと書かれた文章で試してください。'));
}

function jobCard(entry, index) {
  return h('li', { class: 'recommendation card', 'data-slug': entry.job.slug },
    h('div', { class: 'recommendation__head' },
      h('span', { class: 'rank', 'aria-hidden': 'true' }, String(index + 1)),
      h('div', null,
        h('h3', { class: 'recommendation__name' }, h('a', { href: roleHref(entry.job.slug) }, entry.job.name)),
        entry.job.title && entry.job.title !== entry.job.name ? h('p', { class: 'muted small' }, entry.job.title) : null)),
    bar('適合度', entry.score),
    why(entry.evidence),
    fit(entry));
}

/** Why a role fits, in the role's own words: the concepts the text shares with its guide. */
function why(evidence) {
  if (!evidence) return null;
  const words = [...new Set(evidence.sharedConcepts.map((shared) => shared.written))];
  return h('div', { class: 'why' },
    h('h4', { class: 'subhead' }, 'なぜ合うか', h('span', { class: 'count' }, String(words.length))),
    evidence.named ? h('p', { class: 'small' }, '文章がこの職種の名前を挙げています。') : null,
    chips(evidence.sharedConcepts, {
      tone: 'match',
      textFor: (shared) => shared.written,
      hrefFor: (shared) => nodeHref(shared.concept.id),
      label: 'この職種のガイドの言葉で、文章と重なる概念',
      empty: '重なる概念はありません',
    }));
}

function postingsBlock(postings) {
  return block('合う求人', 'text-postings', '求人票にあるスキルとツールのうち、文章が名前を挙げたものの重みの割合です。',
    postings.length
      ? h('ol', { class: 'recommendations' }, postings.map(postingCard))
      : note('合う求人はありませんでした。サーバーに求人が読み込まれていないこともあります。'));
}

function postingCard(entry) {
  const { posting } = entry;
  const role = posting.role?.job;
  return h('li', { class: 'recommendation card', 'data-posting': posting.identifier },
    h('h3', { class: 'recommendation__name' },
      isWebAddress(posting.url) ? h('a', { href: posting.url, rel: 'noopener noreferrer' }, posting.title) : posting.title),
    posting.organization || role
      ? h('p', { class: 'muted small posting__meta' },
        posting.organization ? h('span', null, posting.organization) : null,
        role ? h('span', null, 'いちばん近い職種: ', h('a', { href: roleHref(role.slug) }, role.name)) : null)
      : null,
    bar('適合度', entry.score),
    fit(entry));
}

/** What of a role or posting the text covers, and what it lacks. */
function fit(entry) {
  const matched = [...entry.matched.skills, ...entry.matched.tools];
  const missing = [...entry.missing.skills, ...entry.missing.tools];
  return h('div', { class: 'columns columns--tight' },
    h('div', null, h('h4', { class: 'subhead' }, '生かせるもの', h('span', { class: 'count' }, String(matched.length))),
      chips(matched, { tone: 'match', textFor: (item) => item.name, hrefFor: (item) => nodeHref(item.id), label: '生かせるもの' })),
    h('div', null, h('h4', { class: 'subhead' }, '学ぶとよいもの', h('span', { class: 'count' }, String(missing.length))),
      chips(missing, { tone: 'missing', textFor: (item) => item.name, hrefFor: (item) => nodeHref(item.id), limit: 12, label: '学ぶとよいもの（重要な順）' })));
}

/** A titled part of the results whose items are cards of their own. */
function block(title, id, lead, ...children) {
  return h('section', { class: 'block', 'aria-labelledby': id },
    h('h2', { id }, title),
    h('p', { class: 'muted small' }, lead),
    ...children);
}

/** Only web addresses become links: a posting's `url` is data, and `javascript:` must not run. */
function isWebAddress(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}
