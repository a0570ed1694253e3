// Relay (relay-runtime, without React) against a running skillgraph server:
// the documents in relay/src, compiled by relay-compiler into
// relay/src/__generated__, run through one Environment and its normalized
// store, driven the way Relay's hooks drive them. Relay's development checks
// stay on (NODE_ENV is not "production"); any console.warn or console.error
// fails, and that is where Relay's warning() reports, e.g. "Invalid record
// `…`. Expected __typename to be consistent" when two objects share an id.
// Checks:
//
//   a. RelayJobQuery, then the RelayJob_job fragment read from the store
//      (getSelector + environment.lookup, as useFragment does);
//   b. RelayJob_job refetched as useRefetchableFragment does: its
//      RelayJobRefetchQuery through Query.node with the job's id;
//   c. RelayTools_query paged as usePaginationFragment's loadNext does:
//      RelayToolsPaginationQuery with the endCursor, twice; the store's
//      RelayTools_tools connection (ConnectionHandler) then holds 15 distinct
//      edges, in the order of tools(first: 15);
//   d. node(id:) with a tool id and a skill id: the right __typename and the
//      RelayNode_node fragment;
//   e. neighborhood(id: "job:platform_engineer") and the job itself in the
//      same store, with no id shared by two objects.
//
//   cd .ci/clients/relay && ../node_modules/.bin/relay-compiler
//   node .ci/clients/relay.mjs http://127.0.0.1:PORT/graphql
import { createRequire } from 'node:module';
import { inspect, isDeepStrictEqual } from 'node:util';
import { trapConsole } from './console.mjs';

const url = process.argv[2];
if (!url) {
  console.error('usage: node relay.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

const warnings = trapConsole();

const require = createRequire(import.meta.url);
const {
  ConnectionHandler, Environment, Network, RecordSource, Store, commitLocalUpdate, createOperationDescriptor,
  fetchQuery, getPaginationMetadata, getPaginationVariables, getRefetchMetadata, getSelector, getValueAtPath,
} = require('relay-runtime');
const artifact = (name) => require(`./relay/src/__generated__/${name}.graphql.js`);

let failures = 0;
function check(ok, what, detail) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) {
    failures += 1;
    if (detail !== undefined) console.log(`       ${typeof detail === 'string' ? detail : inspect(detail, { depth: 6 })}`);
  }
  return ok;
}
function section(title) {
  console.log(`\n-- ${title}`);
}

// Relay's warning() is fbjs's, on in development only: make one through
// relay-runtime's own copy and see it arrive (then forget it).
{
  const warning = createRequire(require.resolve('relay-runtime'))('fbjs/lib/warning');
  const before = warnings.length;
  const quiet = console.error;
  console.error = (...args) => warnings.push(args.join(' '));
  warning(false, 'relay.mjs probe');
  console.error = quiet;
  check(process.env.NODE_ENV !== 'production' && warnings.length === before + 1, "Relay's development warnings are on and reach console.error", process.env.NODE_ENV);
  warnings.length = before;
}

// Every request and its JSON answer, by operation name; a GraphQL error or a
// non-2xx answer fails the request, with both in the message.
const exchanges = [];
async function fetchGraphQL(params, variables) {
  const body = { query: params.text, variables, operationName: params.name };
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  exchanges.push({ name: params.name, variables, status: response.status, json });
  if (!response.ok || !json || json.errors) {
    throw new Error(`${params.name} ${JSON.stringify(variables)}: HTTP ${response.status}\n${text.slice(0, 2000)}`);
  }
  return json;
}
const fieldEvents = [];
const environment = new Environment({
  network: Network.create(fetchGraphQL),
  store: new Store(new RecordSource()),
  relayFieldLogger: (event) => fieldEvents.push(event),
});

// An operation fetched and kept in the store (retained, as a mounted view
// would), and its data; failures are reported and give null.
const retained = [];
async function run(request, variables = {}) {
  const operation = createOperationDescriptor(request, variables, { force: true });
  retained.push(environment.retain(operation));
  try {
    const data = await fetchQuery(environment, request, variables, { networkCacheConfig: { force: true } }).toPromise();
    check(data != null, `${request.params.name} ${JSON.stringify(variables)} answered`, data);
    return data;
  } catch (error) {
    check(false, `${request.params.name} ${JSON.stringify(variables)} answered`, String(error?.message ?? error));
    return null;
  }
}
// A fragment's data from the store, from the reference an operation gave.
function read(fragment, ref, what) {
  const selector = getSelector(fragment, ref);
  if (!check(selector != null, `${what}: a ${fragment.name} reference`, ref)) return null;
  const snapshot = environment.lookup(selector);
  check(!snapshot.isMissingData, `${what}: ${fragment.name} complete in the store`, snapshot.missingRequiredFields ?? snapshot.data);
  return { selector, data: snapshot.data };
}

section('a. RelayJobQuery and the RelayJob_job fragment');
const RelayJob_job = artifact('RelayJob_job');
let job = null;
{
  const data = await run(artifact('RelayJobQuery'));
  job = data && read(RelayJob_job, data.job, 'job');
  const stages = job?.data?.stages ?? [];
  check(job?.data?.slug === 'platform_engineer' && job.data.id === 'job:platform_engineer', 'slug platform_engineer, id job:platform_engineer', job?.data);
  check(stages.length > 0 && stages.every((s) => s.id && s.name && Number.isInteger(s.order)), 'stages, each with id, name and order', stages);
  check(new Set(stages.map((s) => s.id)).size === stages.length, 'stage ids distinct', stages.map((s) => s.id));
}

section('b. RelayJob_job refetched through RelayJobRefetchQuery (Query.node)');
if (job) {
  const { refetchableRequest, fragmentRefPathInResponse, identifierInfo } = getRefetchMetadata(RelayJob_job, 'relay.mjs');
  check(refetchableRequest.params.name === 'RelayJobRefetchQuery', 'the fragment names RelayJobRefetchQuery', refetchableRequest.params.name);
  const variables = { ...job.selector.variables, [identifierInfo.identifierQueryVariableName]: job.data[identifierInfo.identifierField] };
  check(isDeepStrictEqual(variables, { id: 'job:platform_engineer' }), 'refetch variables { id: "job:platform_engineer" }', variables);
  const data = await run(refetchableRequest, variables);
  const raw = exchanges.at(-1)?.json?.data?.node;
  check(raw?.id === 'job:platform_engineer' && raw?.__typename === 'Job', 'node(id:) answers the Job with the same id', raw);
  const again = data && read(RelayJob_job, getValueAtPath(data, fragmentRefPathInResponse), 'node');
  check(isDeepStrictEqual(again?.data, job.data), 'the refetched fragment equals the first read', { first: job.data, refetched: again?.data });
}

section('c. RelayTools_query paged with RelayToolsPaginationQuery, as loadNext does');
const RelayTools_query = artifact('RelayTools_query');
let tools = [];
{
  const { paginationRequest, paginationMetadata, connectionPathInFragmentData } = getPaginationMetadata(RelayTools_query, 'relay.mjs');
  check(paginationRequest.params.name === 'RelayToolsPaginationQuery', 'the fragment names RelayToolsPaginationQuery', paginationRequest.params.name);
  const data = await run(artifact('RelayToolsQuery'));
  const first = data && read(RelayTools_query, data, 'root');
  const connection = () => getValueAtPath(environment.lookup(first.selector).data, connectionPathInFragmentData);
  const pageIds = [exchanges.at(-1)?.json?.data?.tools?.edges?.map((e) => e.node.id)];
  check(first && connection()?.edges?.length === 5, 'page 1: 5 edges', first && connection());
  for (let page = 2; first && page <= 3; page += 1) {
    const { pageInfo } = connection();
    if (!check(pageInfo.hasNextPage && typeof pageInfo.endCursor === 'string', `an endCursor to ask for page ${page}`, pageInfo)) break;
    const base = { ...first.selector.owner.variables, ...first.selector.variables };
    const variables = getPaginationVariables('forward', 5, pageInfo.endCursor, base, {}, paginationMetadata);
    await run(paginationRequest, variables);
    pageIds.push(exchanges.at(-1)?.json?.data?.tools?.edges?.map((e) => e.node.id));
    check(connection().edges.length === 5 * page, `the fragment now reads pages 1 to ${page} (${5 * page} edges)`, connection().edges.length);
  }
  const merged = first ? connection() : null;
  tools = merged?.edges?.map((e) => e.node) ?? [];
  const ids = tools.map((t) => t.id);
  let stored = [];
  commitLocalUpdate(environment, (store) => {
    const record = ConnectionHandler.getConnection(store.getRoot(), 'RelayTools_tools');
    stored = (record?.getLinkedRecords('edges') ?? []).map((edge) => edge?.getLinkedRecord('node')?.getDataID());
  });
  check(ids.length === 15 && new Set(ids).size === 15, '15 distinct ids', ids);
  check(isDeepStrictEqual(stored, ids), "ConnectionHandler.getConnection(root, 'RelayTools_tools') holds the same 15 edges", stored);
  check(isDeepStrictEqual(ids, pageIds.flat()), 'in the order of pages 1, 2, 3', { merged: ids, pages: pageIds });
  const { totalCount, pageInfo } = merged ?? {};
  check(pageInfo?.hasNextPage === totalCount > 15, 'totalCount and hasNextPage agree', { totalCount, pageInfo });
  await run(artifact('RelayToolsFirstFifteenQuery'));
  const reference = exchanges.at(-1)?.json?.data?.tools?.edges?.map((e) => e.node.id);
  check(isDeepStrictEqual(ids, reference), 'the same ids in the same order as tools(first: 15)', { paged: ids, oneRequest: reference });
}

section('d. node(id:) on a tool and a skill, with RelayNode_node');
{
  const skills = await run(artifact('RelayNodeFirstSkillQuery'));
  const skill = skills?.skills?.edges?.[0]?.node;
  const expected = [
    ['Tool', tools[0]],
    ['Skill', skill],
  ];
  for (const [typename, wanted] of expected) {
    if (!check(wanted?.id, `a ${typename} id to ask for`, wanted)) continue;
    const data = await run(artifact('RelayNodeQuery'), { id: wanted.id });
    check(data?.node?.__typename === typename, `node(id: "${wanted.id}") is a ${typename}`, data?.node);
    const node = data?.node && read(artifact('RelayNode_node'), data.node, typename);
    check(isDeepStrictEqual(node?.data, { id: wanted.id, name: wanted.name }), `RelayNode_node reads its id and name`, node?.data);
  }
}

section('e. neighborhood(id: "job:platform_engineer", depth: 1) and the job, in one store');
{
  const view = (await run(artifact('RelayNeighborhoodQuery')))?.neighborhood;
  const job = (await run(artifact('RelayNeighborhoodJobQuery')))?.job;
  const nodes = view?.nodes ?? [];
  check(nodes.length > 1, 'the neighbourhood has nodes', view);
  check(nodes.every((n) => n.id !== n.nodeId && n.node?.id === n.nodeId), "each GraphNode has its own id, and node { id } is its nodeId", nodes);
  check(nodes.some((n) => n.nodeId === 'job:platform_engineer'), 'the job is in its neighbourhood', nodes.map((n) => n.nodeId));
  check(job?.id === 'job:platform_engineer' && job.slug === 'platform_engineer', 'job(slug:) still reads as the job', job);
}

section('the store at the end');
{
  // Everything above, re-read: no answer may have overwritten another's.
  check(job && isDeepStrictEqual(environment.lookup(job.selector).data, job.data), 'RelayJob_job still reads as in (a)');
  for (const disposable of retained) disposable.dispose();
  check(fieldEvents.length === 0, `no relayFieldLogger events (${fieldEvents.length})`, fieldEvents);
  check(warnings.length === 0, `no console.warn or console.error (${warnings.length})`, warnings.join('\n'));
  check(exchanges.every((e) => e.status === 200 && !e.json?.errors), `${exchanges.length} requests, all answered without errors`);
}

console.log(failures ? `\n${failures} check(s) failed` : '\nall Relay checks passed');
process.exitCode = failures ? 1 : 0;
