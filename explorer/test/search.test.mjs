// A name typed in full, without picking a suggestion, stands for the node it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactMatch } from '../src/explorer/search.js';

const hit = (id, label, nameZh) => ({ node: { id, type: 'PERSON', label, nameZh } });
const hits = [hit('person/hu-jintao', 'Hu Jintao', '胡锦涛'), hit('person/hu-yaobang', 'Hu Yaobang', '胡耀邦')];

test('a name typed exactly, in either language and any case, resolves', () => {
  assert.equal(exactMatch(hits, ' hu jintao ')?.id, 'person/hu-jintao');
  assert.equal(exactMatch(hits, '胡耀邦')?.id, 'person/hu-yaobang');
  assert.equal(exactMatch(hits, 'person/hu-yaobang')?.id, 'person/hu-yaobang');
});

test('a partial name, an empty one or one naming two nodes does not', () => {
  assert.equal(exactMatch(hits, 'Hu'), null);
  assert.equal(exactMatch(hits, ''), null);
  assert.equal(exactMatch([...hits, hit('person/hu-jintao-2', 'Hu Jintao')], 'Hu Jintao'), null);
});
