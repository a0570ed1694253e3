// The CORS requests a browser makes before and while calling the API from
// another origin with Apollo Client and common tracing headers:
//
//   1. a preflight (OPTIONS) asking for POST and the headers below must get
//      a 2xx, allow that origin, POST and every header, and say how long it
//      may be cached (Access-Control-Max-Age);
//   2. the actual POST with an Origin header must get
//      Access-Control-Allow-Origin (and Vary: Origin when it names the
//      origin rather than `*`).
//
//   node .ci/clients/preflight.mjs http://127.0.0.1:PORT/graphql
const url = process.argv[2];
if (!url) {
  console.error('usage: node preflight.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

const origin = 'https://app.example.com';
const requestedHeaders = [
  'content-type',
  'authorization',
  'apollographql-client-name',
  'apollographql-client-version',
  'traceparent',
  'sentry-trace',
];

let failures = 0;
function check(ok, what, detail) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) {
    failures += 1;
    if (detail !== undefined) console.log(`       ${detail}`);
  }
  return ok;
}
function list(value) {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}
function show(response) {
  return `${response.status} ${JSON.stringify(Object.fromEntries(response.headers))}`;
}
function allowsOrigin(response) {
  const allowed = response.headers.get('access-control-allow-origin');
  return allowed === '*' || allowed === origin;
}

console.log(`\n-- preflight: OPTIONS ${url} from ${origin}`);
const preflight = await fetch(url, {
  method: 'OPTIONS',
  headers: {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': requestedHeaders.join(', '),
  },
});
await preflight.arrayBuffer();
check(preflight.status >= 200 && preflight.status < 300, `a 2xx answer (${preflight.status})`, show(preflight));
check(allowsOrigin(preflight), `access-control-allow-origin allows ${origin}`, show(preflight));
const methods = list(preflight.headers.get('access-control-allow-methods'));
check(methods.includes('post') || methods.includes('*'), 'access-control-allow-methods allows POST', show(preflight));
const allowedHeaders = list(preflight.headers.get('access-control-allow-headers'));
for (const header of requestedHeaders) {
  // `*` does not cover authorization (Fetch standard), so it must be named.
  const ok = allowedHeaders.includes(header) || (header !== 'authorization' && allowedHeaders.includes('*'));
  check(ok, `access-control-allow-headers allows ${header}`, `allowed: ${allowedHeaders.join(', ') || '(none)'}`);
}
const maxAge = preflight.headers.get('access-control-max-age');
check(maxAge !== null && /^\d+$/.test(maxAge) && Number(maxAge) > 0, `access-control-max-age is a positive number of seconds (${maxAge})`, show(preflight));

console.log(`\n-- actual request: POST ${url} from ${origin}`);
const post = await fetch(url, {
  method: 'POST',
  headers: {
    origin,
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    'apollographql-client-name': 'skillgraph-ci',
    'apollographql-client-version': '1.0.0',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  },
  body: JSON.stringify({ query: '{ __typename }' }),
});
const body = await post.text();
check(post.ok, `a 2xx answer (${post.status})`, `${show(post)} ${body}`);
check(body.includes('"__typename"'), 'the query was answered', body);
check(allowsOrigin(post), `access-control-allow-origin allows ${origin} (${post.headers.get('access-control-allow-origin')})`, show(post));
if (post.headers.get('access-control-allow-origin') === origin) {
  check(list(post.headers.get('vary')).includes('origin'), 'Vary: Origin, as the answer names the origin', show(post));
}

console.log(failures ? `\n${failures} CORS check(s) failed` : '\nall CORS checks passed');
process.exitCode = failures ? 1 : 0;
