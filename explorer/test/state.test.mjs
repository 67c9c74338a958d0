// The view's state as the API and the URL see it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_NODE_TYPES, NODE_TYPES, REL_TYPES, exportQuery, extendTypes, hashOf, readHash, state, typeFilter } from '../src/explorer/state.js';

// A schema with statements, topics and documents, as the service's.
extendTypes([...DEFAULT_NODE_TYPES, 'SOURCE', 'REPORTED_COUNT', 'STATEMENT', 'TOPIC', 'DOCUMENT'], [...REL_TYPES, 'ABOUT', 'ISSUED_BY', 'CONCERNS', 'BASED_ON']);

test('the type boxes start as the API\'s default: the structural types, not statements', () => {
  readHash('#node=person/xi-jinping');
  assert.deepEqual([...state.nodeTypes].sort(), [...DEFAULT_NODE_TYPES].sort());
  assert.ok(NODE_TYPES.includes('STATEMENT') && !state.nodeTypes.includes('STATEMENT'));
  assert.equal(hashOf(), '#node=person/xi-jinping');
});

test('unticking a type asks for the ticked types only, never more', () => {
  readHash('#node=person/xi-jinping');
  const all = typeFilter().nodeTypes;
  state.nodeTypes = state.nodeTypes.filter((v) => v !== 'OFFICE');
  const some = typeFilter().nodeTypes;
  assert.ok(some.every((v) => all.includes(v)) && some.length === all.length - 1, JSON.stringify(some));
  assert.ok(!some.includes('STATEMENT'));
  // With every type ticked the list is still named: the API's default leaves some out.
  state.nodeTypes = [...NODE_TYPES];
  assert.deepEqual(typeFilter().nodeTypes, NODE_TYPES);
  assert.match(hashOf(), /nt=GROUP,PERSON,POSITION,INSTITUTION,OFFICE,STATEMENT,TOPIC,DOCUMENT/);
});

test('the export asks for the types the boxes say', () => {
  readHash('#node=person/xi-jinping&year=2016');
  state.nodeTypes = state.nodeTypes.filter((v) => v !== 'OFFICE');
  const p = new URLSearchParams(exportQuery());
  assert.deepEqual(p.get('nodeTypes').split(',').sort(), ['GROUP', 'INSTITUTION', 'PERSON', 'POSITION']);
  assert.equal(p.get('relationshipTypes').split(',').length, REL_TYPES.length);
  assert.equal(p.get('asOf'), '2016');
  readHash('#node=person/xi-jinping&nt=STATEMENT');
  assert.deepEqual(new URLSearchParams(exportQuery()).get('nodeTypes'), 'STATEMENT');
});

test('another node or tab is a new history entry; a year or a filter is not', () => {
  const entries = [];
  globalThis.location = { hash: '', pathname: '/explore/', search: '' };
  const go = (kind) => (_, __, url) => { if (kind === 'push') entries.push(url); else entries[entries.length - 1] = url; location.hash = url.startsWith('#') ? url : ''; };
  globalThis.history = { pushState: go('push'), replaceState: go('replace') };
  const write = async (hash) => { const { writeHash } = await import('../src/explorer/state.js'); readHash(hash); writeHash(); };
  return (async () => {
    entries.push('/explore/');
    await write('#node=group/a');
    await write('#node=group/a&year=2016');
    await write('#node=person/b&year=2016');
    await write('#node=person/b&year=2016&tab=timeline');
    await write('#node=person/b&year=2017&tab=timeline');
    assert.deepEqual(entries, ['/explore/', '#node=group/a&year=2016', '#node=person/b&year=2016', '#node=person/b&year=2017&tab=timeline']);
  })();
});

test('a link keeps the table\'s sort and filter', () => {
  readHash('#tab=tables&table=people&tsort=-c_chairs&tfilter=xi%20jin');
  assert.deepEqual(state.tableSort, { column: 'c_chairs', desc: true });
  assert.equal(state.tableFilter, 'xi jin');
  assert.equal(hashOf(), '#tab=tables&table=people&tsort=-c_chairs&tfilter=xi+jin');
  readHash(hashOf());
  assert.deepEqual([state.tableSort, state.tableFilter], [{ column: 'c_chairs', desc: true }, 'xi jin']);
  state.tableSort = { column: 'c_name', desc: false };
  assert.match(hashOf(), /tsort=c_name(&|$)/);
  // No sort, no filter: the table as read, and nothing in the link.
  readHash('#tab=tables&tsort=&tfilter=');
  assert.deepEqual([state.tableSort, state.tableFilter], [null, '']);
  assert.equal(hashOf(), '#tab=tables');
  readHash('#tab=tables&tsort=not%20a%20column');
  assert.equal(state.tableSort, null);
});
