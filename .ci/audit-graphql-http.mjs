// Runs graphql-http's GraphQL-over-HTTP audits against a live endpoint.
//
//   node .ci/audit-graphql-http.mjs http://127.0.0.1:8080/graphql
//
// Prints each audit's id, result and name; exits 1 when any MUST fails.
// SHOULD and MAY failures are listed but do not fail the run.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit-graphql-http.mjs URL');
  process.exit(2);
}

const results = await auditServer({ url });
const counts = { ok: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status] += 1;
  const mark = { ok: 'ok   ', warn: 'WARN ', error: 'FAIL ' }[result.status];
  console.log(`${mark} ${result.id} ${result.name}`);
  if (result.status !== 'ok') {
    console.log(`        ${result.reason}`);
  }
}
console.log(
  `graphql-http audits: ${counts.ok} ok, ${counts.warn} SHOULD/MAY not met, ${counts.error} MUST failed`,
);
process.exit(counts.error > 0 ? 1 : 0);
