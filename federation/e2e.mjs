// End-to-end federation check: LSG Atlas + the example "biographies" subgraph,
// composed with @apollo/composition and served by @apollo/gateway in-process.
//
//   ATLAS_URL=http://127.0.0.1:18080/graphql node e2e.mjs
//
// LSG Atlas must already be running at ATLAS_URL. Prints `ok - <name>` or
// `not ok - <name>: <why>` per check and a final `N passed, M failed` line; exits
// non-zero when anything failed or threw, or after 60 s.

import { isDeepStrictEqual } from 'node:util';
import { parse, Kind } from 'graphql';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { startExampleSubgraph, stopExampleSubgraph, FEATURED_PEOPLE, EXAMPLE_SUBGRAPH_NAME } from './example-subgraph.mjs';
import {
  composeSupergraph,
  fetchSubgraphSdl,
  formatError,
  formatHint,
  CompositionFailure,
  ATLAS_SUBGRAPH_NAME,
  DEFAULT_ATLAS_URL,
} from './compose.mjs';

const ATLAS_URL = process.env.ATLAS_URL || DEFAULT_ATLAS_URL;
const RUN_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 10_000;
const ENTITY_TYPES = ['Group', 'Person', 'Office', 'Position', 'Institution', 'Source', 'ReportedCount', 'Statement', 'Topic', 'Document'];
const XI = 'person/xi-jinping';
const CFAC = 'group/central-foreign-affairs-commission';

let passed = 0;
let failed = 0;
let finished = false;

function summaryAndExit(extraFailure) {
  if (finished) return;
  finished = true;
  if (extraFailure) {
    console.log(`not ok - ${extraFailure}`);
    failed++;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

const watchdog = setTimeout(
  () => summaryAndExit(`run: timed out after ${RUN_TIMEOUT_MS / 1000} s`),
  RUN_TIMEOUT_MS,
);

class CheckFailure extends Error {}
function assert(cond, why) {
  if (!cond) throw new CheckFailure(why);
}
const show = (v) => JSON.stringify(v);

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
    return true;
  } catch (err) {
    failed++;
    const why = err instanceof CheckFailure ? err.message : `threw ${err?.stack ?? err}`;
    console.log(`not ok - ${name}: ${why.replace(/\n/g, '\n#   ')}`);
    return false;
  }
}

async function postGraphQL(url, query, variables) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CheckFailure(`${url} answered HTTP ${res.status} with non-JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, body };
}

// Asserts a response with data and no errors; returns data.
function dataOf({ status, body }, what) {
  assert(!body.errors?.length, `${what}: errors ${show(body.errors)}`);
  assert(status === 200, `${what}: HTTP ${status}`);
  assert(body.data, `${what}: no data in ${show(body)}`);
  return body.data;
}

// Subgraph requests seen by the gateway, to prove which hops a query took.
const subgraphCalls = [];
class RecordingDataSource extends RemoteGraphQLDataSource {
  constructor(name, url) {
    super({ url });
    this.subgraphName = name;
  }
  willSendRequest({ request }) {
    subgraphCalls.push({ subgraph: this.subgraphName, query: request.query ?? '', variables: request.variables });
  }
}
function callsDuring() {
  const start = subgraphCalls.length;
  return () => subgraphCalls.slice(start);
}
const isEntitiesCall = (c) => /\b_entities\s*\(/.test(c.query);

let exampleUrl;
let gatewayServer;
let gatewayUrl;

async function main() {
  // 1. LSG Atlas is up and serves its federation SDL.
  let atlasSdl;
  const atlasUp = await check(`LSG Atlas serves _service { sdl } at ${ATLAS_URL}`, async () => {
    atlasSdl = await fetchSubgraphSdl(ATLAS_URL).catch((err) => {
      throw new CheckFailure(err.message);
    });
    assert(/@link\(\s*url:\s*"https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/.test(atlasSdl), 'SDL has no Federation v2 @link');
  });
  if (!atlasUp) return;

  // 2. The example subgraph.
  const exampleUp = await check(`example subgraph "${EXAMPLE_SUBGRAPH_NAME}" starts`, async () => {
    exampleUrl = await startExampleSubgraph();
    const data = dataOf(await postGraphQL(exampleUrl, '{ featuredPeople { id } }'), 'featuredPeople');
    assert(isDeepStrictEqual(data.featuredPeople.map((p) => p.id), FEATURED_PEOPLE), show(data));
  });
  if (!exampleUp) return;

  // 3. Composition.
  let composed;
  const composedOk = await check('LSG Atlas and the example subgraph compose into a supergraph', async () => {
    try {
      composed = await composeSupergraph({ atlasUrl: ATLAS_URL, atlasSdl, exampleUrl });
    } catch (err) {
      if (!(err instanceof CompositionFailure)) throw err;
      const lines = [...err.errors.map(formatError), ...err.seriousHints.map(formatHint)];
      throw new CheckFailure(`${err.message}\n${lines.join('\n')}`);
    }
    for (const h of composed.hints) console.log(`# hint: ${formatHint(h)}`);
  });
  if (!composedOk) return;

  await check('every LSG Atlas node type is an entity keyed by "id" in the supergraph', () => {
    const doc = parse(composed.supergraphSdl);
    const graphEnum = doc.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph');
    const atlasEnum = graphEnum?.values.find((v) =>
      v.directives.some((d) => d.name.value === 'join__graph' && d.arguments.some((a) => a.name.value === 'name' && a.value.value === ATLAS_SUBGRAPH_NAME)),
    )?.name.value;
    assert(atlasEnum, 'no join__Graph value for the atlas subgraph');
    const missing = ENTITY_TYPES.filter((typeName) => {
      const def = doc.definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === typeName);
      return !def?.directives.some(
        (d) =>
          d.name.value === 'join__type' &&
          d.arguments.some((a) => a.name.value === 'graph' && a.value.value === atlasEnum) &&
          d.arguments.some((a) => a.name.value === 'key' && a.value.value === 'id'),
      );
    });
    assert(missing.length === 0, `not keyed by id for ${atlasEnum}: ${missing.join(', ')}`);
  });

  // 4. The gateway, in-process, behind a real HTTP server on an ephemeral port.
  const urls = { [ATLAS_SUBGRAPH_NAME]: ATLAS_URL, [EXAMPLE_SUBGRAPH_NAME]: exampleUrl };
  const gatewayUp = await check('ApolloGateway loads the supergraph and serves HTTP', async () => {
    const gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: ({ name, url }) => new RecordingDataSource(name, urls[name] ?? url),
    });
    gatewayServer = new ApolloServer({ gateway });
    ({ url: gatewayUrl } = await startStandaloneServer(gatewayServer, { listen: { port: 0, host: '127.0.0.1' } }));
    dataOf(await postGraphQL(gatewayUrl, '{ __typename }'), '__typename');
  });
  if (!gatewayUp) return;
  const gw = (query, variables) => postGraphQL(gatewayUrl, query, variables);
  const atlas = (query, variables) => postGraphQL(ATLAS_URL, query, variables);

  // What LSG Atlas itself says about the featured people, to compare joined values with.
  const expected = dataOf(
    await atlas('query($ids: [ID!]!) { nodes(ids: $ids) { ... on Person { id name nameZh chairs { node { id } } } } }', {
      ids: FEATURED_PEOPLE,
    }),
    'LSG Atlas nodes',
  ).nodes;

  await check('query starting in the example subgraph gets LSG Atlas fields through _entities', async () => {
    const calls = callsDuring();
    const data = dataOf(await gw('{ featuredPeople { id biography name nameZh chairs { node { id } } } }'), 'featuredPeople');
    const people = data.featuredPeople;
    assert(isDeepStrictEqual(people.map((p) => p.id), FEATURED_PEOPLE), `ids ${show(people.map((p) => p.id))}`);
    people.forEach((p, i) => {
      const want = expected[i];
      assert(want, `LSG Atlas does not know ${p.id}`);
      assert(typeof p.biography === 'string' && p.biography.startsWith('Example biography'), `${p.id}: biography ${show(p.biography)}`);
      assert(typeof p.name === 'string' && p.name === want.name, `${p.id}: name ${show(p.name)}, LSG Atlas says ${show(want.name)}`);
      assert('nameZh' in p && p.nameZh === want.nameZh, `${p.id}: nameZh ${show(p.nameZh)}, LSG Atlas says ${show(want.nameZh)}`);
      assert(isDeepStrictEqual(p.chairs, want.chairs), `${p.id}: chairs ${show(p.chairs)}, LSG Atlas says ${show(want.chairs)}`);
    });
    const xi = people.find((p) => p.id === XI);
    assert(xi.name === 'Xi Jinping', `Xi's name ${show(xi.name)}`);
    assert(xi.chairs.some((c) => c.node.id === CFAC), `Xi does not chair ${CFAC}: ${show(xi.chairs)}`);
    const seen = calls();
    assert(seen[0]?.subgraph === EXAMPLE_SUBGRAPH_NAME, `first hop was ${show(seen[0])}`);
    assert(seen.some((c) => c.subgraph === ATLAS_SUBGRAPH_NAME && isEntitiesCall(c)), `LSG Atlas got no _entities call: ${show(seen)}`);
  });

  await check('query starting in LSG Atlas gets example fields through _entities', async () => {
    const calls = callsDuring();
    const data = dataOf(
      await gw(`{
        person(id: "${XI}") { name biography birthYear }
        group(id: "${CFAC}") { name nameZh newsMentions }
      }`),
      'person+group',
    );
    const direct = dataOf(await atlas(`{ group(id: "${CFAC}") { name nameZh } }`), 'LSG Atlas group');
    assert(data.person?.name === 'Xi Jinping', `person.name ${show(data.person)}`);
    assert(typeof data.person.biography === 'string' && data.person.biography.startsWith('Example biography'), `person.biography ${show(data.person)}`);
    assert(data.person.birthYear === 1953, `person.birthYear ${show(data.person)}`);
    assert(data.group?.name === direct.group.name && data.group.name === 'Central Foreign Affairs Commission', `group.name ${show(data.group)}`);
    assert(data.group.nameZh === direct.group.nameZh && data.group.nameZh === '中央外事工作委员会', `group.nameZh ${show(data.group)}`);
    assert(data.group.newsMentions === 4242, `group.newsMentions ${show(data.group)}`);
    const seen = calls();
    assert(seen.some((c) => c.subgraph === EXAMPLE_SUBGRAPH_NAME && isEntitiesCall(c)), `example subgraph got no _entities call: ${show(seen)}`);
  });

  await check('example -> LSG Atlas -> example: newsMentions of the groups featured people chair', async () => {
    const data = dataOf(await gw('{ featuredPeople { id chairs { node { id ... on Group { newsMentions } } } } }'), 'three hops');
    const xi = data.featuredPeople.find((p) => p.id === XI);
    const cfac = xi?.chairs.find((c) => c.node.id === CFAC);
    assert(cfac?.node.newsMentions === 4242, `CFAC via Xi: ${show(cfac)}`);
    const unknownToExample = xi.chairs.find((c) => c.node.id === 'group/taiwan-affairs-leading-small-group');
    assert(unknownToExample && unknownToExample.node.newsMentions === null, `group without example data: ${show(unknownToExample)}`);
  });

  await check('Relay node(id:) in LSG Atlas joins example fields on the concrete type', async () => {
    const data = dataOf(await gw(`{ node(id: "${XI}") { id ... on Person { name birthYear } } }`), 'node');
    assert(data.node?.id === XI && data.node.name === 'Xi Jinping' && data.node.birthYear === 1953, show(data));
  });

  const stillServes = async () => {
    const data = dataOf(await gw(`{ person(id: "${XI}") { name biography } }`), 'follow-up query');
    assert(data.person?.name === 'Xi Jinping', `follow-up query: ${show(data)}`);
  };

  await check('unknown id in a representation path does not crash the gateway', async () => {
    const calls = callsDuring();
    const { status, body } = await gw(`{ lookupPeople(ids: ["${XI}", "person/no-such-person"]) { id name biography } }`);
    assert(status === 200, `HTTP ${status}: ${show(body)}`);
    const list = body.data?.lookupPeople;
    assert(Array.isArray(list) && list.length === 2, `lookupPeople ${show(body)}`);
    assert(list[0]?.name === 'Xi Jinping', `known id lost its LSG Atlas fields: ${show(list[0])}`);
    // Person.name is String!, so the unknown person comes back as null (with an error), never with made-up fields.
    assert(list[1] === null || list[1].name == null, `unknown id resolved: ${show(list[1])}`);
    assert(calls().some((c) => c.subgraph === ATLAS_SUBGRAPH_NAME && isEntitiesCall(c)), 'LSG Atlas got no _entities call');
    for (const e of body.errors ?? []) console.log(`# gateway error: ${show({ message: e.message, path: e.path, code: e.extensions?.code })}`);
    await stillServes();
  });

  await check('malformed id in a representation path does not crash the gateway', async () => {
    const { status, body } = await gw('{ lookupPeople(ids: ["person/Not A Slug"]) { id name } }');
    assert(status === 200, `HTTP ${status}: ${show(body)}`);
    const list = body.data?.lookupPeople;
    assert(Array.isArray(list) && list.length === 1 && (list[0] === null || list[0].name == null), `lookupPeople ${show(body)}`);
    for (const e of body.errors ?? []) console.log(`# gateway error: ${show({ message: e.message, path: e.path, code: e.extensions?.code })}`);
    await stillServes();
  });

  await check('unknown id at an LSG Atlas root field is null, and no entity hop is made', async () => {
    const calls = callsDuring();
    const data = dataOf(await gw('{ person(id: "person/no-such-person") { name biography } }'), 'unknown person');
    assert(data.person === null, show(data));
    assert(!calls().some((c) => c.subgraph === EXAMPLE_SUBGRAPH_NAME), `example subgraph was called: ${show(calls())}`);
  });
}

async function stopAll() {
  const stops = [];
  if (gatewayServer) stops.push(gatewayServer.stop()); // also stops the gateway
  stops.push(stopExampleSubgraph());
  const results = await Promise.allSettled(stops);
  for (const r of results) if (r.status === 'rejected') console.log(`# stopping a server failed: ${r.reason}`);
}

let crash;
try {
  await main();
} catch (err) {
  crash = `run: threw ${err?.stack ?? err}`;
}
await stopAll();
clearTimeout(watchdog);
summaryAndExit(crash);
