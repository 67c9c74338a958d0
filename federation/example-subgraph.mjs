// An example second subgraph, "biographies", that extends LSG Atlas entities.
//
// It owns no people or groups of its own: it adds fields to the Person and Group
// entities that LSG Atlas defines, keyed by the same stable ids
// (`person/xi-jinping`, `group/central-foreign-affairs-commission`, ...), and it has
// root fields that return bare references so that a query can start here and let
// the gateway fetch the rest from LSG Atlas through `_entities`.
//
// Run on its own:  PORT=4001 node example-subgraph.mjs
// Or import:       const { url } = await startExampleSubgraph(); ...; await stopExampleSubgraph();

import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { parse } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';

export const EXAMPLE_SUBGRAPH_NAME = 'biographies';

// No descriptions on Person, Group or their `id` fields: LSG Atlas owns those
// descriptions, and a different one here would only produce an
// INCONSISTENT_DESCRIPTION composition hint.
export const exampleTypeDefsSource = /* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    "People this (example) service features; references resolved by LSG Atlas."
    featuredPeople: [Person!]!
    "A reference for every id given, known or not (used to exercise unknown ids)."
    lookupPeople(ids: [ID!]!): [Person]!
  }

  type Person @key(fields: "id") {
    id: ID!
    "A short biography (example data)."
    biography: String
    "Year of birth (example data)."
    birthYear: Int
  }

  type Group @key(fields: "id") {
    id: ID!
    "How often the group was mentioned in the news (made-up example data)."
    newsMentions: Int
  }
`;

export const exampleTypeDefs = parse(exampleTypeDefsSource);

// ---------------------------------------------------------------------------
// EXAMPLE DATA, for illustration only. It is NOT part of LSG Atlas, it is not
// sourced, and it must not be cited: the biographies and news-mention counts are
// made up; the birth years are the commonly published ones, kept only so the
// example does not invent facts about real people. The ids are real LSG Atlas ids.
// ---------------------------------------------------------------------------
const PEOPLE = new Map([
  ['person/xi-jinping', { biography: 'Example biography: General Secretary since 2012 (illustrative text).', birthYear: 1953 }],
  ['person/li-keqiang', { biography: 'Example biography: Premier 2013-2023 (illustrative text).', birthYear: 1955 }],
  ['person/wang-yi', { biography: 'Example biography: foreign minister (illustrative text).', birthYear: 1953 }],
]);

const GROUPS = new Map([
  ['group/central-foreign-affairs-commission', { newsMentions: 4242 }],
  ['group/central-commission-for-comprehensively-deepening-reform', { newsMentions: 1717 }],
  ['group/national-security-commission', { newsMentions: 999 }],
]);

export const FEATURED_PEOPLE = ['person/xi-jinping', 'person/li-keqiang', 'person/wang-yi'];

// References carry only the id; fields are looked up by id. An id we know nothing
// about still resolves (with null fields): this subgraph only adds fields, and LSG
// Atlas decides whether the entity exists.
const resolvers = {
  Query: {
    featuredPeople: () => FEATURED_PEOPLE.map((id) => ({ id })),
    lookupPeople: (_parent, { ids }) => ids.map((id) => ({ id })),
  },
  Person: {
    __resolveReference: ({ id }) => ({ id }),
    biography: ({ id }) => PEOPLE.get(id)?.biography ?? null,
    birthYear: ({ id }) => PEOPLE.get(id)?.birthYear ?? null,
  },
  Group: {
    __resolveReference: ({ id }) => ({ id }),
    newsMentions: ({ id }) => GROUPS.get(id)?.newsMentions ?? null,
  },
};

export function buildExampleSchema() {
  return buildSubgraphSchema([{ typeDefs: exampleTypeDefs, resolvers }]);
}

let running = null;

/**
 * Starts the example subgraph on 127.0.0.1 (port 0 = an ephemeral port unless
 * given) and returns its GraphQL URL, e.g. http://127.0.0.1:41234/graphql.
 */
export async function startExampleSubgraph({ port = 0, host = '127.0.0.1' } = {}) {
  if (running) return running.url;
  // Inline tracing only matters when a gateway reports usage to Apollo Studio.
  const server = new ApolloServer({ schema: buildExampleSchema(), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port, host } });
  // The standalone server answers on every path; name the conventional one.
  const graphqlUrl = new URL('/graphql', url).href;
  running = { server, url: graphqlUrl };
  return graphqlUrl;
}

/** Stops the example subgraph started by startExampleSubgraph (no-op if none). */
export async function stopExampleSubgraph() {
  if (!running) return;
  const { server } = running;
  running = null;
  await server.stop();
}

function isMain() {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const port = Number(process.env.PORT ?? 4001);
  const url = await startExampleSubgraph({ port });
  console.log(`example subgraph "${EXAMPLE_SUBGRAPH_NAME}" listening at ${url}`);
  const stop = async () => {
    await stopExampleSubgraph();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
