// The node page's queries, one per kind, are valid against the service's schema
// (schema.graphqls and schema/*.graphqls) and far inside its default limits: no aliases at all (the limit
// is 100) and a modest depth: 7 (a date claim's citations name their source), the limit 12.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, parse, validate, visit } from 'graphql';
import { KINDS, nodeQuery, typeOfId } from '../src/explorer/nodequery.js';

const root = new URL('../../schema.graphqls', import.meta.url).pathname;
const dir = new URL('../../schema/', import.meta.url).pathname;
// Federation's directives and gqlgen's built-ins are declared by the service at run time.
const prelude = `directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
directive @shareable repeatable on OBJECT | FIELD_DEFINITION
directive @link(url: String!, import: [String!]) repeatable on SCHEMA
directive @goField(forceResolver: Boolean, name: String, omittable: Boolean) on INPUT_FIELD_DEFINITION | FIELD_DEFINITION
schema { query: Query }
`;
const sdl = prelude + [root, ...readdirSync(dir).filter((f) => f.endsWith('.graphqls')).sort().map((f) => join(dir, f))].map((f) => readFileSync(f, 'utf8')).join('\n');
export const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });

const depthOf = (doc) => {
  let depth = 0, max = 0;
  visit(doc, { SelectionSet: { enter() { depth++; max = Math.max(max, depth); }, leave() { depth--; } } });
  return max;
};

for (const kind of KINDS) {
  test(`the ${kind} page's query is valid, has no aliases and is at most 7 deep`, () => {
    const doc = parse(nodeQuery(kind));
    assert.deepEqual(validate(schema, doc).map((e) => e.message), []);
    let aliases = 0;
    visit(doc, { Field(f) { if (f.alias) aliases++; } });
    assert.equal(aliases, 0);
    assert.ok(depthOf(doc) <= 7, `depth ${depthOf(doc)}`);
  });
}

test('ids name their kind', () => {
  assert.deepEqual(['group/a', 'person/b', 'statement/c', 'source/d', 'count/e', 'x'].map(typeOfId),
    ['Group', 'Person', 'Statement', 'Source', 'ReportedCount', null]);
});

// The graph's, the analysis's and the tables' queries too.
import { CENTRALITY, FRAMES, NETWORK, PATH_ENDS, TIMELINE } from '../src/explorer/queries.js';
import { TABLES, tableQuery } from '../src/explorer/tables.js';

const others = { NETWORK, FRAMES, CENTRALITY, TIMELINE, PATH_ENDS, ...Object.fromEntries(Object.keys(TABLES).map((k) => [`table ${k}`, tableQuery(k)])) };
for (const [name, q] of Object.entries(others)) {
  test(`the ${name} query is valid and has no aliases`, () => {
    const doc = parse(q);
    assert.deepEqual(validate(schema, doc).map((e) => e.message), []);
    let aliases = 0;
    visit(doc, { Field(f) { if (f.alias) aliases++; } });
    assert.equal(aliases, 0);
  });
}
