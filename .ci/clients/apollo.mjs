// Apollo Client 4 against a running skillgraph server, with its default
// InMemoryCache (no type policies; only the `possibleTypes` read from
// schema.graphql) and its development warnings on. Fails on any console.warn
// or console.error (Apollo's own included), and checks:
//
//   a. every examples/*.graphql over HttpLink: network-only without GraphQL
//      errors, then cache-only with the same data and no request; and, once
//      all have run into the one cache, each still reads back unchanged;
//   b. two queries asking different fields of the same skillOverlap, one
//      after the other: no "Cache data may be lost" warning, and the first
//      still reads from the cache;
//   c. three pages of `tools` with fetchMore and relayStylePagination():
//      15 distinct ids, in the server's order;
//   d. every example at once over BatchHttpLink: all answered, in fewer
//      HTTP requests than operations, and cached like in (a).
//
//   node .ci/clients/apollo.mjs http://127.0.0.1:PORT/graphql
//
// (needs the server started with `--postings examples/postings`.)
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect, isDeepStrictEqual } from 'node:util';
import { trapConsole } from './console.mjs';

const url = process.argv[2];
if (!url) {
  console.error('usage: node apollo.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

const warnings = trapConsole();

// Outside a bundler Apollo Client reads __DEV__ from globalThis when its
// modules load: set it first, then import, so its dev-only checks and
// warnings (such as "Cache data may be lost…") run.
globalThis.__DEV__ = true;
const { ApolloClient, HttpLink, InMemoryCache, gql } = await import('@apollo/client');
const { BatchHttpLink } = await import('@apollo/client/link/batch-http');
const { relayStylePagination } = await import('@apollo/client/utilities');
const { __DEV__ } = await import('@apollo/client/utilities/environment');
const { loadDevMessages, loadErrorMessages } = await import('@apollo/client/dev');
loadDevMessages();
loadErrorMessages();

const { buildSchema, isAbstractType } = await import('graphql');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Which object types each interface and union stands for, from the schema,
// as Apollo's docs say to generate it. The cache cannot know this on its
// own: without it, an inline fragment on another type than the object's
// (`resolve { node { ... on Tool { name } ... on Skill { name } } }`)
// warns "Cannot match inline fragment on `Skill` against `Tool`. This
// indicates a missing `possibleTypes` entry". It is schema metadata, not
// a type policy: every client below uses it and nothing else.
const schema = buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8'));
const possibleTypes = Object.fromEntries(
  Object.values(schema.getTypeMap())
    .filter((type) => isAbstractType(type) && !type.name.startsWith('__'))
    .map((type) => [type.name, schema.getPossibleTypes(type).map((t) => t.name)]),
);
const examples = readdirSync(join(root, 'examples'))
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => ({
    name,
    query: gql(readFileSync(join(root, 'examples', name), 'utf8')),
  }));

let failures = 0;
function check(ok, what, detail) {
  if (ok) {
    console.log(`  ok   ${what}`);
  } else {
    failures += 1;
    console.log(`  FAIL ${what}`);
    if (detail !== undefined) {
      console.log(indent(typeof detail === 'string' ? detail : inspect(detail, { depth: 6 })));
    }
  }
  return ok;
}
function indent(text) {
  return text.split('\n').map((line) => `       ${line}`).join('\n');
}
function section(title) {
  console.log(`\n-- ${title}`);
}
// The first difference between two JSON values, for a readable failure.
function firstDifference(a, b, path = 'data') {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference(a[key], b[key], Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: ${inspect(a, { depth: 2 })} then ${inspect(b, { depth: 2 })}`;
}
function newWarnings(since) {
  return warnings.slice(since);
}

// A fetch that counts the HTTP requests a link makes.
function countingFetch() {
  const counter = { requests: 0, bodies: [] };
  counter.fetch = (input, init) => {
    counter.requests += 1;
    counter.bodies.push(init?.body);
    return fetch(input, init);
  };
  return counter;
}

function describeError(error) {
  if (!error) return undefined;
  if (!error.errors) return String(error);
  return error.errors
    .map((e) => [e.message, e.path && `at ${e.path.join('.')}`, e.extensions && inspect(e.extensions)].filter(Boolean).join(' '))
    .join('\n');
}

// (a) and (d): each example's first answer, to read back later.
const firstAnswers = new Map();

section('a. every example over HttpLink: network-only, then cache-only');
{
  const counter = countingFetch();
  const client = new ApolloClient({
    cache: new InMemoryCache({ possibleTypes }),
    link: new HttpLink({ uri: url, fetch: counter.fetch }),
  });
  for (const { name, query } of examples) {
    const before = warnings.length;
    let network;
    try {
      network = await client.query({ query, fetchPolicy: 'network-only', errorPolicy: 'all' });
    } catch (error) {
      check(false, `${name}: network-only`, String(error?.stack ?? error));
      continue;
    }
    if (!check(!network.error && network.data != null, `${name}: network-only has data and no errors`, describeError(network.error) ?? network)) {
      continue;
    }
    firstAnswers.set(name, network.data);
    const requests = counter.requests;
    const cached = await client.query({ query, fetchPolicy: 'cache-only', errorPolicy: 'all' });
    check(counter.requests === requests, `${name}: cache-only made no request`, `${counter.requests - requests} request(s)`);
    check(!cached.error, `${name}: cache-only has no error`, describeError(cached.error));
    check(isDeepStrictEqual(cached.data, network.data), `${name}: cache-only data equals the network data`, firstDifference(network.data, cached.data));
    check(newWarnings(before).length === 0, `${name}: no warnings`, newWarnings(before).join('\n'));
  }
  // Everything is now in one normalized cache: no answer may have changed
  // another's objects.
  const requests = counter.requests;
  for (const { name, query } of examples) {
    if (!firstAnswers.has(name)) continue;
    const cached = await client.query({ query, fetchPolicy: 'cache-only', errorPolicy: 'all' });
    check(isDeepStrictEqual(cached.data, firstAnswers.get(name)), `${name}: still reads back unchanged after all the examples`, firstDifference(firstAnswers.get(name), cached.data));
  }
  check(counter.requests === requests, 'reading every example back made no request', `${counter.requests - requests} request(s)`);
  client.stop();
}

section('b. two queries asking different fields of the same skillOverlap');
{
  const counter = countingFetch();
  const client = new ApolloClient({
    cache: new InMemoryCache({ possibleTypes }),
    link: new HttpLink({ uri: url, fetch: counter.fetch }),
  });
  const scores = gql`
    query OverlapScores {
      skillOverlap(a: "platform_engineer", b: "cloud_native_engineer") {
        id
        jaccard
        similarity
        facets { hardSkills tools }
        a { id name }
      }
    }
  `;
  const shared = gql`
    query OverlapShared {
      skillOverlap(a: "platform_engineer", b: "cloud_native_engineer") {
        id
        sharedSkills { id name }
        sharedTools { id name }
        b { id slug }
        onlyA { skills { id name } }
      }
    }
  `;
  const before = warnings.length;
  const first = await client.query({ query: scores, fetchPolicy: 'network-only', errorPolicy: 'all' });
  check(!first.error && first.data?.skillOverlap?.id, 'OverlapScores: answered with an id', describeError(first.error) ?? first);
  const second = await client.query({ query: shared, fetchPolicy: 'network-only', errorPolicy: 'all' });
  check(!second.error && second.data?.skillOverlap?.id, 'OverlapShared: answered with an id', describeError(second.error) ?? second);
  check(first.data?.skillOverlap?.id === second.data?.skillOverlap?.id, 'both name the same SkillOverlap id', [first.data?.skillOverlap?.id, second.data?.skillOverlap?.id]);
  const requests = counter.requests;
  const again = await client.query({ query: scores, fetchPolicy: 'cache-only', errorPolicy: 'all' });
  check(isDeepStrictEqual(again.data, first.data), 'OverlapScores still reads from the cache after OverlapShared', firstDifference(first.data, again.data));
  const againShared = await client.query({ query: shared, fetchPolicy: 'cache-only', errorPolicy: 'all' });
  check(isDeepStrictEqual(againShared.data, second.data), 'OverlapShared reads from the cache too', firstDifference(second.data, againShared.data));
  check(counter.requests === requests, 'the cache reads made no request', `${counter.requests - requests} request(s)`);
  check(newWarnings(before).length === 0, 'no warnings (no "Cache data may be lost when replacing the skillOverlap field")', newWarnings(before).join('\n'));
  client.stop();
}

section('c. tools(first: 5) paged with fetchMore and relayStylePagination()');
{
  const counter = countingFetch();
  const client = new ApolloClient({
    cache: new InMemoryCache({
      possibleTypes,
      typePolicies: { Query: { fields: { tools: relayStylePagination() } } },
    }),
    link: new HttpLink({ uri: url, fetch: counter.fetch }),
  });
  const tools = gql`
    query Tools($after: String) {
      tools(first: 5, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id name } }
      }
    }
  `;
  const before = warnings.length;
  const observable = client.watchQuery({ query: tools, variables: { after: null }, errorPolicy: 'all' });
  const results = [];
  const subscription = observable.subscribe({
    next: (result) => results.push(result),
    error: (error) => check(false, 'the watched query does not error', String(error)),
  });
  // The next result the subscription delivers that satisfies `ok`, as a
  // view would render it.
  async function delivered(ok, what) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = results.find(ok);
      if (found || Date.now() > deadline) {
        check(Boolean(found), what, found ? undefined : `no such result within 10 s; last: ${inspect(results.at(-1), { depth: 3 })}`);
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  const edgeCount = (result) => result?.data?.tools?.edges?.length ?? 0;
  try {
    const page1 = await delivered((r) => r.dataState === 'complete' && !r.loading, 'page 1 delivered to the subscriber');
    check(page1 && !page1.error && edgeCount(page1) === 5, 'page 1 has 5 edges and no error', page1 && (describeError(page1.error) ?? page1.data));
    const pages = [page1?.data?.tools];
    for (let n = 2; n <= 3; n += 1) {
      const cursor = results.at(-1)?.data?.tools?.pageInfo?.endCursor;
      check(typeof cursor === 'string' && cursor.length > 0, `an endCursor to ask for page ${n}`, cursor);
      const more = await observable.fetchMore({ variables: { after: cursor } });
      check(!more.error && more.data?.tools?.edges?.length === 5, `fetchMore: page ${n} has 5 edges and no error`, describeError(more.error) ?? more.data);
      pages.push(more.data?.tools);
      await delivered((r) => edgeCount(r) === 5 * n, `the subscriber sees pages 1 to ${n} merged (${5 * n} edges)`);
    }
    const merged = results.at(-1)?.data?.tools;
    check(isDeepStrictEqual(merged, observable.getCurrentResult().data?.tools), 'getCurrentResult() agrees with the last delivered result');
    const ids = (merged?.edges ?? []).map((edge) => edge.node.id);
    const pageIds = pages.flatMap((page) => (page?.edges ?? []).map((edge) => edge.node.id));
    check(ids.length === 15, 'the merged list holds 15 edges', ids);
    check(new Set(ids).size === ids.length, 'no id twice', ids);
    check(isDeepStrictEqual(ids, pageIds), 'the merged list is page 1, then 2, then 3', { merged: ids, pages: pageIds });
    check(merged?.totalCount >= 15 && merged?.pageInfo?.hasNextPage === merged.totalCount > 15, 'totalCount and hasNextPage agree', merged && { totalCount: merged.totalCount, pageInfo: merged.pageInfo });
    // The server's own order: the first 15 in one request.
    const reference = await client.query({
      query: gql`query FirstFifteen { tools(first: 15) { edges { node { id } } } }`,
      fetchPolicy: 'no-cache',
    });
    const referenceIds = reference.data.tools.edges.map((edge) => edge.node.id);
    check(isDeepStrictEqual(ids, referenceIds), 'the same 15 ids in the same order as tools(first: 15)', { paged: ids, oneRequest: referenceIds });
    check(counter.requests === 4, 'three pages and the reference took 4 requests', counter.requests);
    check(newWarnings(before).length === 0, 'no warnings', newWarnings(before).join('\n'));
  } finally {
    subscription.unsubscribe();
    client.stop();
  }
}

section('d. every example at once over BatchHttpLink (batchMax 10, batchInterval 20)');
{
  const counter = countingFetch();
  const client = new ApolloClient({
    cache: new InMemoryCache({ possibleTypes }),
    link: new BatchHttpLink({ uri: url, batchMax: 10, batchInterval: 20, fetch: counter.fetch }),
  });
  const before = warnings.length;
  const results = await Promise.all(
    examples.map(({ query }) =>
      client.query({ query, fetchPolicy: 'network-only', errorPolicy: 'all' }).catch((error) => ({ error })),
    ),
  );
  examples.forEach(({ name }, i) => {
    const result = results[i];
    check(!result.error && result.data != null, `${name}: batched answer has data and no errors`, describeError(result.error) ?? result);
    if (firstAnswers.has(name) && result.data) {
      check(isDeepStrictEqual(result.data, firstAnswers.get(name)), `${name}: batched data equals the single request's`, firstDifference(firstAnswers.get(name), result.data));
    }
  });
  const batches = counter.bodies.map((body) => {
    try {
      const parsed = JSON.parse(body);
      return Array.isArray(parsed) ? parsed.length : 1;
    } catch {
      return '?';
    }
  });
  check(counter.requests < examples.length, `${examples.length} operations in fewer HTTP requests (${counter.requests}, sizes ${batches.join(', ')})`, counter.requests);
  const requests = counter.requests;
  for (const [i, { name, query }] of examples.entries()) {
    if (results[i].data == null) continue;
    const cached = await client.query({ query, fetchPolicy: 'cache-only', errorPolicy: 'all' });
    check(isDeepStrictEqual(cached.data, results[i].data), `${name}: cache-only after the batch equals the batched data`, firstDifference(results[i].data, cached.data));
  }
  check(counter.requests === requests, 'the cache reads made no request', `${counter.requests - requests} request(s)`);
  check(newWarnings(before).length === 0, 'no warnings', newWarnings(before).join('\n'));
  client.stop();
}

section('console');
check(__DEV__ === true, "Apollo Client's development checks were on");
check(warnings.length === 0, `no console.warn or console.error (${warnings.length})`, warnings.join('\n'));

console.log(failures ? `\n${failures} check(s) failed` : `\nall Apollo Client checks passed (${examples.map((e) => basename(e.name, '.graphql')).join(', ')})`);
process.exitCode = failures ? 1 : 0;
