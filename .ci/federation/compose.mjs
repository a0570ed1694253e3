// Composes skillgraph with a second subgraph behind Apollo Gateway, all on
// loopback, and checks that one query through the gateway joins both.
//
//   node .ci/federation/compose.mjs http://127.0.0.1:PORT/graphql
//
// The second subgraph stands for another team's service: it extends
// `Job @key(fields: "slug")` with a salary, and answers `bestPaidJobs`
// with job references only (their slugs), so the gateway must ask
// skillgraph's `_entities` for everything else about them. It exits 0 when
// every check holds, 1 otherwise, and stops everything it started.

import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import assert from 'node:assert/strict';
import { parse } from 'graphql';

const skillgraphUrl = process.argv[2];
if (!skillgraphUrl) {
  console.error('usage: node compose.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

/** Yearly salaries in ten-thousands of yen, by job slug: made up for the check. */
const SALARIES = {
  platform_engineer: { currency: 'JPY', low: 600, median: 800, high: 1200 },
  cloud_native_engineer: { currency: 'JPY', low: 550, median: 750, high: 1100 },
  sre_engineer: { currency: 'JPY', low: 600, median: 820, high: 1250 },
};

const salarySchema = buildSubgraphSchema({
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])

    type Salary {
      currency: String!
      low: Int!
      median: Int!
      high: Int!
    }

    type Job @key(fields: "slug") {
      slug: String!
      salary: Salary
    }

    type Query {
      bestPaidJobs(first: Int = 3): [Job!]!
    }
  `),
  resolvers: {
    Query: {
      bestPaidJobs: (_, { first }) =>
        Object.entries(SALARIES)
          .sort(([, a], [, b]) => b.median - a.median)
          .slice(0, first)
          .map(([slug]) => ({ slug })),
    },
    Job: {
      __resolveReference: ({ slug }) => ({ slug }),
      salary: ({ slug }) => SALARIES[slug] ?? null,
    },
  },
});

const started = [];

async function listen(server) {
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  started.push(server);
  return url;
}

async function query(url, text, variables = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

const checks = [
  [
    'a job from skillgraph with its salary from the other subgraph',
    async (gateway) => {
      const data = await query(
        gateway,
        `query($slug: String!) {
           job(slug: $slug) {
             slug name
             salary { currency median }
             listedRelatedJobs { slug salary { median } }
           }
         }`,
        { slug: 'platform_engineer' },
      );
      assert.equal(data.job.slug, 'platform_engineer');
      assert.equal(data.job.name, 'Platform Engineer');
      assert.deepEqual(data.job.salary, { currency: 'JPY', median: 800 });
      const related = data.job.listedRelatedJobs.map((job) => job.slug);
      assert.ok(related.includes('sre_engineer'), related.join(', '));
      const sre = data.job.listedRelatedJobs.find((job) => job.slug === 'sre_engineer');
      assert.equal(sre.salary.median, 820);
      const unknown = data.job.listedRelatedJobs.find((job) => !(job.slug in SALARIES));
      assert.equal(unknown?.salary, null, 'a job the other subgraph has no salary for');
    },
  ],
  [
    "the other subgraph's job references resolved by skillgraph's _entities",
    async (gateway) => {
      const data = await query(
        gateway,
        `{ bestPaidJobs(first: 3) { slug name hasGuide salary { median } skills { skill { name } } } }`,
      );
      assert.deepEqual(
        data.bestPaidJobs.map((job) => job.slug),
        ['sre_engineer', 'platform_engineer', 'cloud_native_engineer'],
      );
      assert.equal(data.bestPaidJobs[0].name, 'SREエンジニア');
      assert.equal(data.bestPaidJobs[0].hasGuide, false);
      assert.equal(data.bestPaidJobs[1].hasGuide, true);
      assert.ok(data.bestPaidJobs[1].skills.length > 0, 'skills come from skillgraph');
    },
  ],
  [
    'an analytics answer with salaries joined onto both sides',
    async (gateway) => {
      const data = await query(
        gateway,
        `{ skillOverlap(a: "platform_engineer", b: "cloud_native_engineer") {
             similarity a { salary { median } } b { salary { median } } sharedTools { name }
           } }`,
      );
      assert.ok(data.skillOverlap.similarity > 0);
      assert.equal(data.skillOverlap.a.salary.median, 800);
      assert.equal(data.skillOverlap.b.salary.median, 750);
      assert.ok(data.skillOverlap.sharedTools.length > 0);
    },
  ],
];

let failed = 0;
try {
  const salaryUrl = await listen(new ApolloServer({ schema: salarySchema }));
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: [
        { name: 'skillgraph', url: skillgraphUrl },
        { name: 'salaries', url: salaryUrl },
      ],
    }),
  });
  const gatewayUrl = await listen(new ApolloServer({ gateway }));
  console.log(`gateway at ${gatewayUrl} composing ${skillgraphUrl} and ${salaryUrl}`);
  for (const [name, check] of checks) {
    try {
      await check(gatewayUrl);
      console.log(`ok: ${name}`);
    } catch (error) {
      failed += 1;
      console.error(`FAILED: ${name}\n${error.stack ?? error}`);
    }
  }
} catch (error) {
  failed += 1;
  console.error(`FAILED: composing the supergraph\n${error.stack ?? error}`);
} finally {
  await Promise.allSettled(started.map((server) => server.stop()));
}
console.log(failed ? `${failed} of ${checks.length} checks failed` : `all ${checks.length} checks passed`);
process.exit(failed ? 1 : 0);
