// A count "about" a number is 约 in Chinese, not 关于 (the relationship type ABOUT).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { qualifierLabel, setLang, valueLabel } from '../src/explorer/i18n.js';

// setLang marks the page's language; a bare stand-in for the page is enough here.
globalThis.document ??= { documentElement: {} };

test('a count qualifier and a relationship type of one name read apart in Chinese', () => {
  setLang('zh');
  assert.equal(qualifierLabel('ABOUT'), '约');
  assert.equal(valueLabel('ABOUT'), '关于');
  assert.equal(qualifierLabel('AT_LEAST'), '至少');
  setLang('en');
  assert.equal(qualifierLabel('ABOUT'), 'about');
});

test('a string with a number in it reads in either language', async () => {
  const { t } = await import('../src/explorer/i18n.js');
  setLang('zh');
  assert.equal(t('liveChanged', { n: 12 }), '● 数据已更新（修订版 12）');
  assert.equal(t('live'), '● 实时');
  setLang('en');
  assert.equal(t('liveChanged', { n: 12 }), '● data changed at revision 12');
});
