// Hash routes: every view's state lives in the URL, so links are shareable.
// `#/graph/job:platform_engineer?depth=2`, `#/recommend?skills=Kubernetes,Terraform`,
// `#/text?t=…`.

/** Escapes one path segment or list item; `:` stays readable in ids. */
export function encode(value) {
  return encodeURIComponent(value).replace(/%3A/gi, ':');
}

/** Builds a hash from path segments and query values (lists joined by `,`). */
export function href(segments, query = {}) {
  const path = segments.map(encode).join('/');
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.map(encode).join(',') : encode(value)}`);
  return `#/${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

/**
 * Splits `location.hash` into a view name, its segments and its query.
 * Only the first `?` starts the query and only the first `=` of a pair
 * ends its key, so a hand-typed value may hold either (`#/search?q=a=b`).
 */
export function parse(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart, queryPart] = splitOnce(raw, '?');
  const segments = pathPart.split('/').filter(Boolean).map(safeDecode);
  const query = new Map();
  for (const pair of queryPart.split('&').filter(Boolean)) {
    const [key, value] = splitOnce(pair, '=');
    query.set(safeDecode(key), value);
  }
  return {
    name: segments[0] ?? '',
    segments: segments.slice(1),
    /** One query value, decoded. */
    get: (key) => (query.has(key) ? safeDecode(query.get(key)) : null),
    /** A comma-separated query value as a decoded list. */
    list: (key) => (query.get(key) ?? '').split(',').filter(Boolean).map(safeDecode),
    /** A query value as a finite number, or `null` when it is missing or not one. */
    number: (key) => {
      const text = query.has(key) ? safeDecode(query.get(key)).trim() : '';
      const value = text === '' ? NaN : Number(text);
      return Number.isFinite(value) ? value : null;
    },
  };
}

/** `[before, after]` the first `separator`; `after` is `''` when there is none. */
function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export const roleHref = (slug) => href(['role', slug]);
export const graphHref = (id, query) => href(['graph', id], query);
export const compareHref = (a, b) => href(['compare', a, b].filter(Boolean));
export const searchHref = (q, query = {}) => href(['search'], { q, ...query });

/**
 * The career map of `category` (every family when empty), seen at `view`:
 * `{ z, x, y }`, the zoom and the picture point at the top left corner.
 * The view at rest (zoom 1 from the corner) is left out, and the rest is
 * rounded, so a panned map has a short address that reads back the same.
 */
export function mapHref(category, { z = 1, x = 0, y = 0 } = {}) {
  const zoom = Math.round(z * 100) / 100;
  const left = Math.round(x);
  const top = Math.round(y);
  const moved = zoom !== 1 || left !== 0 || top !== 0;
  return href(['map'], {
    category: category || null,
    z: moved ? zoom : null,
    x: moved ? left : null,
    y: moved ? top : null,
  });
}

/** The view a map address names, as `mapHref` wrote it; a part missing reads as at rest. */
export function mapViewOf(route) {
  return { z: route.number('z') ?? 1, x: route.number('x') ?? 0, y: route.number('y') ?? 0 };
}

// A pasted text travels in the address (`#/text?t=…`) so its link can be
// shared. A long one would make an unwieldy address (a Japanese character
// is nine once escaped), so past TEXT_IN_ADDRESS characters the text waits
// in this tab's sessionStorage under a key made from its content, and the
// address says only `#/text?k=<key>`: that link survives a reload and the
// back button, but not another tab or browser.
const TEXT_IN_ADDRESS = 1500;
const TEXT_STORE_PREFIX = 'skillgraph:text:';

/** The address of the text view for `text`. */
export function textHref(text) {
  if (Array.from(text).length <= TEXT_IN_ADDRESS) return href(['text'], { t: text });
  const key = contentKey(text);
  try {
    sessionStorage.setItem(TEXT_STORE_PREFIX + key, text);
  } catch {
    // Storage full or blocked: a long address still works.
    return href(['text'], { t: text });
  }
  return href(['text'], { k: key });
}

/**
 * The text a `#/text` address names: `''` when it names none, `null` when
 * its stored text is not in this tab (a `k=` link opened elsewhere).
 */
export function textOf(route) {
  const inline = route.get('t');
  if (inline !== null) return inline;
  const key = route.get('k');
  if (!key) return '';
  try {
    return sessionStorage.getItem(TEXT_STORE_PREFIX + key);
  } catch {
    return null;
  }
}

/** A short name for `text` (FNV-1a): the same text always gets the same key, so pasting it twice stores it once. */
function contentKey(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Where a node of any kind is best shown: a job on its profile, the rest in the graph. */
export function nodeHref(id) {
  return id.startsWith('job:') ? roleHref(id.slice(4)) : graphHref(id);
}
