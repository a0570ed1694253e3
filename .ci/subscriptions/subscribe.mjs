// Subscribes to corpusChanged over graphql-transport-ws with the graphql-ws
// client, edits a guide once the subscription is acknowledged, and checks
// the event the reload sends.
//
//   node subscribe.mjs ws://127.0.0.1:PORT/graphql/ws SEEDS_DIR [SLUG]
//
// Exits 0 when the event says guidesChanged == [SLUG] and its version is
// the one /graphql then serves; 1 otherwise, or after 30 s without one.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, seeds, slug = 'cloud_native_engineer'] = process.argv.slice(2);
if (!url || !seeds) {
  console.error('usage: node subscribe.mjs WS_URL SEEDS_DIR [SLUG]');
  process.exit(2);
}
const http = url.replace(/^ws/, 'http').replace(/\/ws$/, '');

async function graphql(query) {
  const response = await fetch(http, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

const timer = setTimeout(() => fail('no corpusChanged event within 30 s'), 30_000);
const before = (await graphql('{ corpus { version } }')).corpus.version;
console.log(`serving version ${before}; subscribing at ${url}`);

let acknowledged;
const ack = new Promise((resolve) => { acknowledged = resolve; });
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  lazy: false,
  on: {
    connected: () => acknowledged(),
    closed: (event) => console.log(`socket closed (${event?.code ?? '?'})`),
  },
});

const events = client.iterate({
  query: `subscription { corpusChanged { previousVersion version guidesAdded guidesRemoved guidesChanged
    jobsChanged { slug job { slug } } } }`,
});
const first = events.next();
await ack;
// The server takes the subscription as soon as it reads it; give it a
// moment before the edit, as the watcher debounces anyway.
await new Promise((resolve) => setTimeout(resolve, 500));
const file = join(seeds, `${slug}.md`);
appendFileSync(file, `\nEdited by .ci/subscriptions at ${new Date().toISOString()}.\n`);
console.log(`appended a line to ${file}`);

const { value, done } = await first;
if (done) fail('the subscription ended without an event');
if (value.errors) fail(`errors: ${JSON.stringify(value.errors)}`);
const changes = value.data.corpusChanged;
console.log(`event: ${JSON.stringify(changes)}`);
const after = (await graphql('{ corpus { version } }')).corpus.version;
const problems = [];
if (JSON.stringify(changes.guidesChanged) !== JSON.stringify([slug])) {
  problems.push(`guidesChanged is ${JSON.stringify(changes.guidesChanged)}, expected ["${slug}"]`);
}
if (changes.previousVersion !== before) problems.push(`previousVersion ${changes.previousVersion} != ${before}`);
if (changes.version !== after) problems.push(`version ${changes.version} != served ${after}`);
if (changes.version === before) problems.push('the version did not change');
if (!changes.jobsChanged.some((job) => job.slug === slug && job.job?.slug === slug)) {
  problems.push(`jobsChanged does not list ${slug}`);
}
clearTimeout(timer);
await events.return?.();
await client.dispose();
if (problems.length) fail(problems.join('; '));
console.log(`ok: ${before} → ${after}, guidesChanged ${JSON.stringify(changes.guidesChanged)}`);
process.exit(0);
