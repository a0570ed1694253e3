// Hash routes: every view's state lives in the URL, so links are shareable.
// `#/graph/job:platform_engineer?depth=2`, `#/recommend?skills=Kubernetes,Terraform`.

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

/** Splits `location.hash` into a view name, its segments and its query. */
export function parse(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart, queryPart = ''] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map(safeDecode);
  const query = new Map();
  for (const pair of queryPart.split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=');
    query.set(safeDecode(key), value);
  }
  return {
    name: segments[0] ?? '',
    segments: segments.slice(1),
    /** One query value, decoded. */
    get: (key) => (query.has(key) ? safeDecode(query.get(key)) : null),
    /** A comma-separated query value as a decoded list. */
    list: (key) => (query.get(key) ?? '').split(',').filter(Boolean).map(safeDecode),
  };
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

/** Where a node of any kind is best shown: a job on its profile, the rest in the graph. */
export function nodeHref(id) {
  return id.startsWith('job:') ? roleHref(id.slice(4)) : graphHref(id);
}

export const KIND_LABELS = {
  JOB: '職種',
  SKILL: 'スキル',
  TOOL: 'ツール',
  CAREER_STAGE: 'キャリア段階',
  TEAM: 'チーム',
  EMPLOYER: '企業',
  RESOURCE: '教材',
  TREND: 'トレンド',
};

export const KINDS = Object.keys(KIND_LABELS);

/** `Job` (a GraphQL typename) → `JOB`. */
export function kindOfTypename(typename) {
  return { Job: 'JOB', Skill: 'SKILL', Tool: 'TOOL', CareerStage: 'CAREER_STAGE', Team: 'TEAM', Employer: 'EMPLOYER', Resource: 'RESOURCE', Trend: 'TREND' }[typename] ?? 'JOB';
}
