// Names suggested while someone types: the API's `search`, asked a moment
// after the last keystroke, each newer keystroke cancelling the request
// before it. The page never loads a list of every job, skill or tool, so
// nothing is cut short and nothing goes stale after the corpus reloads.

import { gql } from './api.js';
import { h, replace } from './dom.js';
import { KIND_LABELS } from './kinds.js';

const SEARCH = `query Suggest($query: String!, $kinds: [NodeKind!], $first: Int) {
  search(query: $query, kinds: $kinds, first: $first) {
    node { id nodeKind label ... on Job { slug } }
  }
}`;

const RESOLVE = `query Resolve($names: [String!]!, $kinds: [NodeKind!]) {
  resolve(names: $names, kinds: $kinds) {
    input
    node { id nodeKind label ... on Job { slug } }
  }
}`;

/** Long enough to let a word be typed, short enough to feel immediate. */
const WAIT_MS = 180;

/** `{ id, kind, name, slug }` of a node the API answered with. */
function entry(node) {
  return { id: node.id, kind: node.nodeKind, name: node.label, slug: node.slug ?? null };
}

/**
 * Suggestions for `input` from the nodes of `kinds`, in a `<datalist>` the
 * input is tied to. Stops for good when `signal` (the view's) aborts.
 * Returns the datalist, to be put in the page, and `find(text)`: the
 * suggested node whose name is `text`, if one was suggested.
 */
export function suggest(input, { kinds, signal, first = 8 }) {
  const list = h('datalist', { id: `${input.id}-options` });
  input.setAttribute('list', list.id);
  input.setAttribute('autocomplete', 'off');
  const seen = new Map();
  let timer = null;
  let pending = null;

  const ask = async (query) => {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    try {
      const { data } = await gql(SEARCH, { query, kinds, first }, { signal: AbortSignal.any([signal, controller.signal]) });
      if (pending !== controller) return;
      const found = data.search.map((hit) => entry(hit.node));
      for (const item of found) seen.set(item.name.toLowerCase(), item);
      replace(list, found.map((item) => h('option', { value: item.name, label: KIND_LABELS[item.kind] ?? item.kind })));
      list.dataset.query = query;
    } catch (error) {
      // A newer keystroke or another view took over; a failed suggestion
      // leaves the field usable as plain text.
      if (error.name !== 'AbortError') list.dataset.query = query;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.split(/[,、]/).at(-1).trim();
    if (!query) {
      pending?.abort();
      replace(list);
      return;
    }
    timer = setTimeout(() => ask(query), WAIT_MS);
  });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    pending?.abort();
  }, { once: true });
  return { list, find: (text) => seen.get(text.trim().toLowerCase()) ?? null };
}

/**
 * What each of `names` means in the graph, in order: a node (`{ id, kind,
 * name, slug }`) or null when nothing is near it.
 */
export async function resolveNames(names, { kinds, signal }) {
  if (!names.length) return [];
  const { data } = await gql(RESOLVE, { names, kinds }, { signal });
  return data.resolve.map((resolution) => (resolution.node ? entry(resolution.node) : null));
}
