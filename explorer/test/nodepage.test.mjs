// The node page reads statements, topics and documents from whatever the schema offers:
// these tests give it introspection results with and without such fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboutSelections } from '../src/explorer/nodepage.js';

const named = (kind, name) => ({ kind, name, ofType: null });
const list = (t) => ({ kind: 'NON_NULL', name: null, ofType: { kind: 'LIST', name: null, ofType: { kind: 'NON_NULL', name: null, ofType: t } } });
const field = (name, type, args = []) => ({ name, type, args });
const schemaOf = (...types) => new Map(types.map((t) => [t.name, t]));
const scalar = (name) => ({ name, kind: 'SCALAR', fields: null });

const base = [scalar('ID'), scalar('String'), scalar('Int'), scalar('PartialDate'),
  { name: 'Source', kind: 'OBJECT', fields: [field('id', named('SCALAR', 'ID')), field('title', named('SCALAR', 'String'))] },
  { name: 'Citation', kind: 'OBJECT', fields: [field('locator', named('SCALAR', 'String')), field('source', named('OBJECT', 'Source'))] },
  { name: 'Person', kind: 'OBJECT', fields: [field('id', named('SCALAR', 'ID')), field('label', named('SCALAR', 'String'))] }];

test('a schema without statements adds nothing to the node query', () => {
  const types = schemaOf(...base, { name: 'Group', kind: 'OBJECT', fields: [field('id', named('SCALAR', 'ID')), field('name', named('SCALAR', 'String'))] });
  assert.deepEqual(aboutSelections(types), {});
});

test('statements and documents are read with their scalars, linked nodes and citations', () => {
  const types = schemaOf(...base,
    { name: 'Statement', kind: 'OBJECT', fields: [
      field('id', named('SCALAR', 'ID')), field('text', named('SCALAR', 'String')), field('date', named('SCALAR', 'PartialDate')),
      field('speaker', named('OBJECT', 'Person')), field('sources', list(named('OBJECT', 'Citation'))),
      field('translated', named('SCALAR', 'String'), [{ name: 'lang', type: { kind: 'NON_NULL', name: null, ofType: named('SCALAR', 'String') } }])] },
    { name: 'Subject', kind: 'UNION', fields: null },
    { name: 'Group', kind: 'OBJECT', fields: [
      field('id', named('SCALAR', 'ID')),
      field('statements', list(named('OBJECT', 'Statement'))),
      field('documentCount', named('SCALAR', 'Int')),
      field('topics', list(named('UNION', 'Subject'))),
      field('documents', list(named('OBJECT', 'Statement')), [{ name: 'first', type: { kind: 'NON_NULL', name: null, ofType: named('SCALAR', 'Int') } }])] });
  assert.deepEqual(aboutSelections(types), {
    Group: 'statements { __typename id text date speaker { id label } sources { locator source { id title } } } documentCount',
  });
});

test('statement and document relationships read their far end, and new node types get a page', async () => {
  const { genericFragments } = await import('../src/explorer/nodepage.js');
  const rel = { name: 'Relationship', kind: 'OBJECT', fields: [field('id', named('SCALAR', 'ID'))] };
  const types = schemaOf(...base, rel,
    { name: 'Statement', kind: 'OBJECT', interfaces: [{ name: 'Node' }, { name: 'GraphNode' }], fields: [
      field('id', named('SCALAR', 'ID')), field('label', named('SCALAR', 'String')), field('text', named('SCALAR', 'String')),
      field('date', named('SCALAR', 'PartialDate')), field('sources', list(named('OBJECT', 'Citation'))),
      field('relationships', list(named('OBJECT', 'Relationship')), [{ name: 'asOf', type: named('SCALAR', 'PartialDate') }])] },
    { name: 'Person', kind: 'OBJECT', interfaces: [{ name: 'GraphNode' }], fields: [field('id', named('SCALAR', 'ID')), field('label', named('SCALAR', 'String')),
      field('statements', list(named('OBJECT', 'Relationship')))] });
  const sel = aboutSelections(types).Person;
  assert.match(sel, /^statements \{ id type direction .* about: node \{ id \.\.\. on Statement \{ Statement__text: text Statement__date: date \} \} \}$/s);
  const frag = genericFragments(types);
  assert.match(frag, /^\.\.\. on Statement \{ Statement__text: text Statement__date: date sources \{ locator quote source \{ id key title url date \} \} relationships\(asOf: \$asOf\) \{ id type/);
  assert.doesNotMatch(frag, /Person__/);
});
