// Names suggested while someone types: the API's `suggest`, which answers
// from names, labels and aliases alone, asked a moment after the last
// keystroke, each newer keystroke cancelling the request before it. The
// page never loads a list of every job, skill or tool, so nothing is cut
// short and nothing goes stale after the corpus reloads. (Full-text
// `search` serves the results page.)

import { gql } from './api.js';
import { h, replace } from './dom.js';
import { KIND_LABELS } from './kinds.js';

const SUGGEST = `query Suggest($prefix: String!, $kinds: [NodeKind!], $first: Int) {
  suggest(prefix: $prefix, kinds: $kinds, first: $first) {
    matched
    node { id nodeKind label ... on Job { slug } }
  }
}`;

/** The API reads at most this many characters of what is typed. */
const MAX_PREFIX = 100;

const RESOLVE = `query Resolve($names: [String!]!, $kinds: [NodeKind!]) {
  resolve(names: $names, kinds: $kinds) {
    input
    node { id nodeKind label ... on Job { slug } }
  }
}`;

/** Long enough to let a word be typed, short enough to feel immediate. */
const WAIT_MS = 180;

/**
 * An option for a suggestion: its value is the spelling that matched, so
 * that the browser, which shows only options holding what was typed, shows
 * an alias's (`K8s` for `k8`); its label names the node when that differs.
 */
function option(found) {
  const item = entry(found.node);
  const kind = KIND_LABELS[item.kind] ?? item.kind;
  const label = found.matched === item.name ? kind : `${item.name}・${kind}`;
  return h('option', { value: found.matched, label });
}

/** `{ id, kind, name, slug }` of a node the API answered with. */
function entry(node) {
  return { id: node.id, kind: node.nodeKind, name: node.label, slug: node.slug ?? null };
}

/**
 * Suggestions for `input` from the nodes of `kinds`, in a `<datalist>` the
 * input is tied to. Stops for good when `signal` (the view's) aborts.
 * Returns the datalist, to be put in the page, and `find(text)`: the
 * suggested node whose name, or the spelling it was suggested by, is
 * `text`, if one was suggested.
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
      const prefix = [...query].slice(0, MAX_PREFIX).join('');
      const { data } = await gql(SUGGEST, { prefix, kinds, first }, { signal: AbortSignal.any([signal, controller.signal]) });
      if (pending !== controller) return;
      // Best last, so that of two nodes suggested by one spelling (`IaC`
      // the skill and the concept), the better one is what `find` gives.
      for (const found of [...data.suggest].reverse()) {
        const item = entry(found.node);
        seen.set(item.name.toLowerCase(), item);
        seen.set(found.matched.toLowerCase(), item);
      }
      replace(list, data.suggest.map(option));
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
