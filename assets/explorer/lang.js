// The language names are shown in. Japanese shows them as the guides
// write them (a few job titles are in English); English
// shows each job, skill, tool and concept by its English label
// (`labels(lang: "en")`), and the API's pictures are drawn with them
// (`svg(lang:)`). The chosen language is kept in the browser.

const STORAGE_KEY = 'skillgraph.lang';
export const LANGUAGES = { ja: '日本語', en: 'English' };

/** The language names are shown in: `ja` or `en`. */
export function language() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored in LANGUAGES ? stored : 'ja';
  } catch {
    return 'ja';
  }
}

/** Chooses the language names are shown in. */
export function setLanguage(lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang in LANGUAGES ? lang : 'ja');
  } catch {
    // A browser that keeps nothing shows Japanese.
  }
}

/** The most ids one `nodes(ids:)` call takes (the API's limit). */
const IDS_PER_CALL = 100;

const LABELS = `query Labels($ids: [ID!]!, $lang: String!) {
  nodes(ids: $ids) {
    id
    ... on Job { labels(lang: $lang) { text } }
    ... on Skill { labels(lang: $lang) { text } }
    ... on Tool { labels(lang: $lang) { text } }
    ... on Concept { labels(lang: $lang) { text } }
  }
}`;

/** Labels already fetched, by language and id. */
const known = new Map();

/**
 * Every object of `data` that names a node (an `id`, or a job's `slug`)
 * and shows it (`name` or `label`), with the id it names.
 */
function namedObjects(data, found = []) {
  if (Array.isArray(data)) {
    for (const item of data) namedObjects(item, found);
  } else if (data && typeof data === 'object') {
    const shown = typeof data.name === 'string' || typeof data.label === 'string';
    const id = typeof data.id === 'string' && data.id.includes(':') ? data.id
      : typeof data.slug === 'string' ? `job:${data.slug}` : null;
    if (shown && id) found.push({ object: data, id });
    for (const value of Object.values(data)) namedObjects(value, found);
  }
  return found;
}

/**
 * Shows the names in `data` (an API answer) in `lang`, in place: each
 * `name` and `label` of a node with a label in that language is replaced
 * by it. `run` runs a GraphQL query, as `gql` does.
 */
export async function relabel(data, lang, run, { signal } = {}) {
  if (lang === 'ja') return data;
  const objects = namedObjects(data);
  const labels = known.get(lang) ?? new Map();
  known.set(lang, labels);
  const missing = [...new Set(objects.map(({ id }) => id))].filter((id) => !labels.has(id));
  for (let start = 0; start < missing.length; start += IDS_PER_CALL) {
    const ids = missing.slice(start, start + IDS_PER_CALL);
    const { data: answer } = await run(LABELS, { ids, lang }, { signal });
    ids.forEach((id, index) => labels.set(id, answer.nodes[index]?.labels?.[0]?.text ?? null));
  }
  for (const { object, id } of objects) {
    const label = labels.get(id);
    if (!label) continue;
    if (typeof object.name === 'string') object.name = label;
    if (typeof object.label === 'string') object.label = label;
  }
  return data;
}
