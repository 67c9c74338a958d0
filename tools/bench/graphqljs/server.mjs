// The graphql-js 16 + DataLoader server tools/bench measures LSG Atlas against: the schema
// subset the benchmark's queries use (../gqlgenpeer/schema.graphqls), answering from the
// fixture tools/bench reads from the service, with the same bytes. Relationships and the
// nodes they point at are read through per-request DataLoaders, as a graphql-js server
// over a store does; parsed and validated documents are kept by query text, as Apollo
// Server and gqlgen's handler do.
//
//   node server.mjs --addr 127.0.0.1:8091 --fixture fixture.json --schema ../gqlgenpeer/schema.graphqls
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildSchema, execute, parse, validate } from 'graphql';
import DataLoader from 'dataloader';

const { values: args } = parseArgs({
  options: { addr: { type: 'string' }, fixture: { type: 'string' }, schema: { type: 'string' } },
});
const fixture = JSON.parse(readFileSync(args.fixture, 'utf8'));
const schema = buildSchema(readFileSync(args.schema, 'utf8'));
const byId = new Map(fixture.nodes.map((n) => [n.id, n]));
const typeNames = { GROUP: 'Group', PERSON: 'Person', POSITION: 'Position', OFFICE: 'Office', INSTITUTION: 'Institution' };

// The store's batch reads: nodes by id, and one relationship field of many nodes.
function loaders() {
  return {
    nodes: new DataLoader(async (ids) => ids.map((id) => byId.get(id) ?? null)),
    relationships: new DataLoader(async (keys) =>
      keys.map(([id, field]) => byId.get(id)?.[field] ?? []), { cacheKeyFn: ([id, field]) => id + '\n' + field }),
  };
}

function resolve(type, field, fn) {
  schema.getType(type).getFields()[field].resolve = fn;
}
resolve('Query', 'node', (_, { id }, ctx) => ctx.nodes.load(id));
resolve('Query', 'nodes', (_, { ids }, ctx) => ctx.nodes.loadMany(ids));
resolve('Query', 'groups', (_, { first }) => {
  const n = first ?? 20;
  if (n < 0 || n > 100) throw new Error(`first must be 0 to 100, got ${n}`);
  return { ids: fixture.groups.slice(0, n) };
});
resolve('GroupConnection', 'nodes', ({ ids }, _, ctx) => ctx.nodes.loadMany(ids));
for (const [type, fields] of [['Group', ['chairs', 'members']], ['Person', ['chairs', 'memberships']]]) {
  for (const field of fields) resolve(type, field, (node, _, ctx) => ctx.relationships.load([node.id, field]));
}
resolve('Relationship', 'node', (rel, _, ctx) => ctx.nodes.load(rel.node));
for (const name of ['Node', 'GraphNode']) schema.getType(name).resolveType = (node) => typeNames[node.type];

const documents = new Map();
function prepare(query) {
  let doc = documents.get(query);
  if (doc) return { doc };
  try {
    doc = parse(query);
  } catch (e) {
    return { errors: [e] };
  }
  const errors = validate(schema, doc);
  if (errors.length > 0) return { errors };
  if (documents.size >= 1000) documents.clear();
  documents.set(query, doc);
  return { doc };
}

// Go's encoding/json escapes these; JSON.stringify does not.
const goEscaped = /[<>&\u2028\u2029]/g;
const goEscape = (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');

async function answer(body) {
  const { query, variables, operationName } = JSON.parse(body);
  const { doc, errors } = prepare(query);
  if (errors) return { errors };
  const result = await execute({ schema, document: doc, variableValues: variables, operationName, contextValue: loaders() });
  if (!result.errors && fixture.extensions) result.extensions = fixture.extensions;
  return result;
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(405).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let text;
    try {
      text = JSON.stringify(await answer(Buffer.concat(chunks).toString('utf8')));
    } catch (e) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(e) }] }));
      return;
    }
    if (goEscaped.test(text)) text = text.replace(goEscaped, goEscape);
    goEscaped.lastIndex = 0;
    res.writeHead(200, { 'content-type': 'application/graphql-response+json' }).end(text);
  });
});
const [host, port] = args.addr.split(/:(?=\d+$)/);
server.keepAliveTimeout = 60_000;
server.listen(Number(port), host, () => {
  // The address actually bound (the port may be 0), for whoever started the server.
  console.log(`listening on http://${host}:${server.address().port}`);
});
