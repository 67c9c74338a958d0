// A timeline's bars start no earlier than either end of the relationship existed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barSpan, lifeOf } from '../src/explorer/spans.js';

const xi = lifeOf({ born: '1953-06-15' });
const commission = lifeOf({ established: '2018-03' });
const falsg = lifeOf({ established: '1958', abolished: '2018-03' });
const post = lifeOf({});

test('an undated chair on a person\'s timeline starts when the group was founded', () => {
  assert.deepEqual(barSpan({}, xi, commission, 2026), { from: 2018, to: 2026, undated: true });
});

test('an undated chair on a group\'s timeline starts no earlier than the person was born', () => {
  assert.deepEqual(barSpan({}, falsg, xi, 2026), { from: 1958, to: 2018, undated: true });
  assert.deepEqual(barSpan({}, falsg, lifeOf({ born: '1965' }), 2026), { from: 1965, to: 2018, undated: true });
});

test('a start the sources give before the group existed is drawn from its founding', () => {
  assert.deepEqual(barSpan({ start: '2012' }, xi, commission, 2026), { from: 2018, to: 2026, undated: false });
  assert.deepEqual(barSpan({ start: '2012' }, xi, falsg, 2026), { from: 2012, to: 2018, undated: false });
});

test('an end without a start, and a fact with no group\'s life to stand on', () => {
  assert.deepEqual(barSpan({ end: '2023' }, xi, commission, 2026), { from: 2023, to: 2023, undated: false });
  assert.equal(barSpan({}, xi, post, 2026), null);
  assert.equal(barSpan({ attested: ['2015'] }, xi, commission, 2026), null);
});
