// `#/search?q=監視&kind=TOOL`: full-text search over every node, in
// Japanese (no spaces needed) or Latin (any case).

import { gql } from '../api.js';
import { h, replace } from '../dom.js';
import { KINDS, KIND_LABELS } from '../kinds.js';
import { nodeHref, searchHref } from '../links.js';
import { kindBadge, loading, note, pageHeading } from '../ui.js';

const SEARCH = `query Search($query: String!, $kinds: [NodeKind!]) {
  search(query: $query, kinds: $kinds, first: 30) {
    score
    snippet
    node {
      id
      nodeKind
      label
      ... on Job { title }
      ... on CareerStage { job { name } }
      ... on Trend { job { name } }
    }
  }
}`;

export default {
  nav: null,
  title: (route) => (route.get('q') ? `「${route.get('q')}」の検索結果` : '検索'),
  async render(main, route, { signal }) {
    const q = (route.get('q') ?? '').trim();
    const kind = KINDS.includes(route.get('kind')) ? route.get('kind') : '';
    const input = h('input', { id: 'search-q', name: 'q', type: 'search', value: q, placeholder: '例: 監視、コスト最適化、terraform', enterkeyhint: 'search' });
    const filter = h('select', { id: 'search-kind', name: 'kind' },
      h('option', { value: '', selected: !kind }, 'すべての種類'),
      KINDS.map((value) => h('option', { value, selected: value === kind }, KIND_LABELS[value])));
    const form = h('form', {
      class: 'card search-form',
      // The header holds the site's search too; the two landmarks need names apart.
      role: 'search',
      'aria-label': '検索の条件',
      onsubmit: (event) => {
        event.preventDefault();
        const text = input.value.trim();
        if (text) location.hash = searchHref(text, { kind: filter.value || null });
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'search-q' }, 'キーワード'), input),
    h('div', { class: 'field' }, h('label', { for: 'search-kind' }, '種類'), filter),
    h('button', { type: 'submit', class: 'button' }, '検索'));
    filter.addEventListener('change', () => form.requestSubmit());
    const results = h('div', { class: 'slot' });
    replace(main, pageHeading(q ? `「${q}」の検索結果` : '検索'), form, results);
    if (!q) {
      replace(results, note('日本語は区切らずにそのまま（監視、コスト最適化）、英字は大文字小文字を気にせず（terraform）探せます。'));
      return;
    }
    replace(results, loading('検索しています…'));
    const { data } = await gql(SEARCH, { query: q, kinds: kind ? [kind] : null }, { signal });
    const hits = data.search;
    replace(results,
      h('p', { class: 'muted', role: 'status' }, hits.length ? `${hits.length} 件見つかりました` : ''),
      hits.length
        ? h('ol', { class: 'hits' }, hits.map((hit) => result(hit, q)))
        : note(`「${q}」に当たるものは見つかりませんでした。言葉を短くするか、種類を「すべて」にしてください。`));
  },
};

function result(hit, q) {
  const node = hit.node;
  const kind = node.nodeKind;
  const name = node.label;
  const owner = node.job?.name;
  return h('li', { class: 'hit' },
    h('div', { class: 'hit__head' },
      kindBadge(kind),
      h('a', { class: 'hit__name', href: nodeHref(node.id) }, name),
      owner ? h('span', { class: 'muted small' }, `（${owner}）`) : null,
      kind === 'JOB' && node.title && node.title !== name ? h('span', { class: 'muted small' }, node.title) : null),
    hit.snippet ? h('p', { class: 'hit__snippet' }, highlight(hit.snippet, q)) : null);
}

/** The snippet as text nodes, with each query word wrapped in `<mark>`. */
function highlight(text, q) {
  const words = q.split(/\s+/).filter(Boolean).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return text;
  const pattern = new RegExp(`(${words.join('|')})`, 'gi');
  return text.split(pattern).map((part, index) => (index % 2 ? h('mark', null, part) : part));
}
