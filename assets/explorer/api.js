// The one way the page talks to the server: a GraphQL POST, as any client
// of the public API would send it.

import { language, relabel } from './lang.js';

const ENDPOINT = new URL('graphql', document.baseURI).href;

/** A request the API could not answer, with what it said. */
export class ApiError extends Error {
  constructor(message, { status = 0, code = null, errors = [] } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

/**
 * Runs `query` with `variables`; resolves to `{ data, errors }` where
 * `errors` are field errors that came with data (an unknown skill name, say),
 * and rejects with an `ApiError` when there is no data at all. Names come
 * in the chosen language (see `lang.js`); a query that declares `$lang`
 * is given it, unless names are shown as written.
 */
export async function gql(query, variables = {}, { signal } = {}) {
  const lang = language();
  // Japanese shows names as the guides write them, so it asks for none.
  const asked = lang !== 'ja' && /\$lang\b/.test(query) ? { lang, ...variables } : variables;
  const answer = await post(query, asked, { signal });
  try {
    await relabel(answer.data, lang, post, { signal });
  } catch (error) {
    // Names the server could not give in the language stay as written.
    if (error.name === 'AbortError') throw error;
    console.warn('labels', error);
  }
  return answer;
}

async function post(query, variables, { signal }) {
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json;q=0.9',
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError('サーバーに接続できません。サーバーが動いているか確かめてください。');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`サーバーの応答を読めません（HTTP ${response.status}）。`, { status: response.status });
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  if (!response.ok || body?.data == null) {
    const message = errors.map((error) => error.message).join(' / ') || `HTTP ${response.status}`;
    throw new ApiError(message, { status: response.status, code: errors[0]?.extensions?.code ?? null, errors });
  }
  return { data: body.data, errors };
}

/**
 * `data[name]` of a result (or `data[name][field]…` when more names are
 * given), or the errors that left it null as an `ApiError`: a field that
 * failed is null, as the spec says, with its error beside it.
 */
export function pick({ data, errors }, ...names) {
  const found = names.reduce((value, name) => value?.[name], data);
  if (found != null) return found;
  const message = errors.map((error) => error.message).join(' / ') || `${names.join('.')} がありません`;
  throw new ApiError(message, { code: errors[0]?.extensions?.code ?? null, errors });
}
