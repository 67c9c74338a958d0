// Browser test steps: timelines, paths between people, counts by year and the pages of each kind.
import { base, GROUP, page, screenClean, step, assert, api, drawn, strings } from './harness.mjs';

await step('a group timeline draws bars', async () => {
  await page.evaluate((g) => { location.hash = `#node=${g}`; }, GROUP);
  await page.waitForFunction(() => (document.querySelector('#node-title')?.textContent || '').startsWith('Foreign Affairs Leading'));
  await page.click('#tab-timeline');
  await page.waitForSelector('svg.timeline .bar rect', { timeout: 10000 });
  assert(await page.locator('svg.timeline .bar').count() > 5, 'too few bars');
});

await step('the FALSG timeline draws no chair outside its premises or its life (issue 20)', async () => {
  // Still on the FALSG's timeline: Zhou Enlai, Hu Jintao and Wen Jiabao chair it at no
  // date, and Li Keqiang's derived chair lies within the LSG's last month.
  const titles = await page.locator('svg.timeline .bar title').allTextContents();
  for (const who of ['Zhou Enlai', 'Hu Jintao', 'Wen Jiabao', 'Hu Yaobang']) {
    assert(!titles.some((x) => x.includes(who)), `the timeline shows ${who}`);
  }
  const li = titles.filter((x) => x.includes('Li Keqiang') && x.includes(' · chairs'));
  assert(li.length === 1 && li[0].includes('2018-03 – 2018-03'), `Li Keqiang's chair: ${JSON.stringify(li)}`);
  assert(!titles.some((x) => /– 20(19|2\d)/.test(x) && x.includes(' · chairs')), 'a chair runs past the LSG\'s replacement in 2018-03');
});

await step('a person\'s timeline stops a chair at the group\'s end and hatches an inferred one', async () => {
  await page.evaluate(() => { location.hash = '#node=person/xi-jinping&tab=timeline'; });
  await page.waitForFunction(() => (document.querySelector('#node-title')?.textContent || '').startsWith('Xi Jinping'));
  await page.waitForSelector('svg.timeline .bar rect', { timeout: 10000 });
  const rows = await page.$$eval('svg.timeline .bar', (gs) => gs.map((g) => ({ title: g.querySelector('title').textContent, from: g.dataset.from, to: g.dataset.to, cls: g.getAttribute('class'),
    x: g.querySelector('.rowlabel').getBBox().x })));
  for (const g of ['Foreign Affairs Leading Small Group', 'Comprehensively Deepening Reform Leading Small Group', 'Cybersecurity and Information']) {
    const r = rows.find((x) => x.title.includes(g) && x.title.includes(' · chairs'));
    assert(r, `no chair of the ${g}`);
    assert(Number(r.to) <= 2018, `the chair of the ${g} runs to ${r.to}, past the group's abolition in 2018-03`);
  }
  const off = rows.filter((r) => r.x < 0);
  assert(off.length === 0, `labels off the left edge: ${off.map((r) => r.title.slice(0, 40)).join(' | ')}`);
  // Xi chairs the commissions founded in 2018-03 from no date the sources give, and his first
  // dated fact is of 2012: the bar starts when the commission was founded, never before.
  for (const g of ['Central Foreign Affairs Commission', 'Central Commission for Comprehensively Deepening Reforms']) {
    const r = rows.find((x) => x.title.includes(g) && x.title.includes(' · chairs'));
    assert(r && r.from === '2018', `the chair of the ${g} (founded 2018-03, no start given) starts at ${r ? r.from : 'no bar'}`);
  }
  await page.evaluate(() => { location.hash = '#node=person/li-keqiang&tab=timeline'; });
  await page.waitForFunction(() => (document.querySelector('#node-title')?.textContent || '').startsWith('Li Keqiang'));
  await page.waitForSelector('svg.timeline .bar.derived rect', { timeout: 10000 });
  const d = await page.$eval('svg.timeline .bar.derived', (g) => ({ label: g.querySelector('.rowlabel').textContent, fill: g.querySelector('rect').getAttribute('fill'), x: g.querySelector('.rowlabel').getBBox().x }));
  assert(d.label.endsWith('(derived via Premier)'), `the inferred chair's label hides its post: "${d.label}"`);
  assert(d.fill.startsWith('url(#'), `the inferred chair is drawn as a stated one (fill ${d.fill})`);
  assert(d.x >= 0, 'the inferred chair\'s label falls off the left edge');
  assert(await page.isVisible('#timeline-derived-legend .sw.derived'), 'no legend for inferred chairs');
});

await step('a path between two people is found and drawn', async () => {
  await page.click('#tab-paths');
  for (const [input, text, id] of [['#path-from', 'li keqiang', 'person/li-keqiang'], ['#path-to', 'Wang Yi', 'person/wang-yi']]) {
    await page.fill(input, text);
    await page.waitForSelector(`${input} + .suggestions li[data-id="${id}"]`, { timeout: 10000 });
    await page.keyboard.press('Enter');
  }
  await page.click('#find-paths');
  await page.waitForSelector('#path-status[data-paths]', { timeout: 10000 });
  const want = (await api('{ shortestPaths(from: "person/li-keqiang", to: "person/wang-yi", maxLength: 6, first: 20) { length paths { nodes { id } } } }')).shortestPaths;
  assert(want.length > 0, 'the API finds no path');
  assert(await page.getAttribute('#path-status', 'data-length') === String(want.length), 'another path length');
  assert(await page.locator('#path-list li').count() === want.paths.length, 'another number of paths');
});

await step('the paths form never searches ends it no longer shows', async () => {
  const find = async () => {
    await page.evaluate(() => { const s = document.querySelector('#path-status'); delete s.dataset.paths; s.textContent = ''; });
    await page.click('#find-paths');
    await page.waitForSelector('#path-status[data-paths]', { timeout: 10000 });
    return { status: await page.textContent('#path-status'), paths: await page.locator('#path-list li').allTextContents(), hash: await page.evaluate(() => location.hash) };
  };
  await page.goto(`${base}/explore/#tab=paths`);
  await page.reload();
  for (const [input, text, id] of [['#path-from', 'xi jinping', 'person/xi-jinping'], ['#path-to', 'li keqiang', 'person/li-keqiang']]) {
    await page.fill(input, text);
    await page.waitForSelector(`${input} + .suggestions li[data-id="${id}"]`, { timeout: 10000 });
    await page.keyboard.press('Enter');
  }
  const first = await find();
  assert(first.paths.length > 0 && first.paths.every((p) => p.endsWith('Li Keqiang')), `Xi → Li Keqiang: ${JSON.stringify(first)}`);
  // Typed in full without a pick: the name resolves.
  await page.fill('#path-to', 'Hu Jintao');
  const hu = await find();
  assert(hu.hash.includes('to=person/hu-jintao'), `"Hu Jintao" typed did not become the end: ${hu.hash}`);
  assert(hu.paths.length > 0 && hu.paths.every((p) => p.endsWith('Hu Jintao')), `Xi → Hu Jintao: ${JSON.stringify(hu.paths)}`);
  // A partial name asks for a pick, and shows no path.
  await page.fill('#path-to', 'Hu');
  const partial = await find();
  assert(partial.paths.length === 0 && partial.status.includes('“Hu”'), `a partial name: ${JSON.stringify(partial)}`);
  // A cleared end is no end.
  await page.fill('#path-to', '');
  const cleared = await find();
  assert(cleared.paths.length === 0 && !cleared.hash.includes('to=') && cleared.status === strings.en.pickEnds, `a cleared end: ${JSON.stringify(cleared)}`);
  // Both names typed, neither picked.
  await page.goto(`${base}/explore/#tab=paths`);
  await page.reload();
  await page.fill('#path-from', 'Xi Jinping');
  await page.fill('#path-to', 'Li Keqiang');
  const typed = await find();
  assert(typed.paths.length > 0 && typed.hash.includes('from=person/xi-jinping'), `both typed: ${JSON.stringify(typed)}`);
});

await step('the paths view names its ends and relationships in the reader\'s language', async () => {
  await page.goto(`${base}/explore/#tab=paths&lang=zh&from=person/xi-jinping&to=person/li-keqiang`);
  await page.reload();
  await page.waitForSelector('#path-status[data-paths]', { timeout: 10000 });
  const seen = () => page.evaluate(() => ({
    from: document.querySelector('#path-from').value, to: document.querySelector('#path-to').value,
    status: document.querySelector('#path-status').textContent, list: [...document.querySelectorAll('#path-list li')].map((li) => li.textContent),
    edges: document.querySelector('#path-cy')._cyreg.cy.edges().map((e) => e.data('label')) }));
  const zh = await seen();
  assert(zh.from === '习近平' && zh.to === '李克强', `the ends read "${zh.from}", "${zh.to}"`);
  assert(zh.status.includes('条路径') && zh.list.length > 0, `Chinese status: ${zh.status}`);
  const raw = /\b[A-Z]{2,}(_[A-Z]+)*\b/;
  assert(!zh.list.some((l) => raw.test(l)) && zh.edges.length > 0 && !zh.edges.some((l) => /[A-Za-z]/.test(l)), `Chinese path: ${JSON.stringify(zh)}`);
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#lang').textContent === '中文');
  const en = await seen();
  assert(en.from === 'Xi Jinping' && en.to === 'Li Keqiang', `the ends in English read "${en.from}", "${en.to}"`);
  assert(en.status.includes('path(s) of'), `English status: ${en.status}`);
  assert(!en.list.some((l) => /[\u4e00-\u9fff]/.test(l) || raw.test(l)), `English list: ${en.list}`);
  assert(!en.edges.some((l) => raw.test(l) || /[\u4e00-\u9fff]/.test(l)), `English edge labels: ${en.edges}`);
});

await step('a link to other ends of a path, followed in the open page, shows them and their paths', async () => {
  await page.goto(`${base}/explore/#tab=paths&from=person/xi-jinping&to=person/li-keqiang`);
  await page.reload();
  await page.waitForSelector('#path-status[data-paths]', { timeout: 10000 });
  const follow = async (hash, from, to) => {
    await page.evaluate((h) => { delete document.querySelector('#path-status').dataset.paths; location.hash = h; }, hash);
    await page.waitForSelector('#path-status[data-paths]', { timeout: 10000 });
    const seen = await page.evaluate(() => ({ from: document.querySelector('#path-from').value, to: document.querySelector('#path-to').value,
      paths: [...document.querySelectorAll('#path-list li')].map((li) => li.textContent) }));
    assert(seen.from === from && seen.to === to, `after ${hash} the ends read "${seen.from}", "${seen.to}"`);
    assert(seen.paths.length > 0 && seen.paths.every((p) => p.startsWith(from) && p.endsWith(to)), `after ${hash}: ${JSON.stringify(seen.paths)}`);
  };
  await follow('#tab=paths&from=person/xi-jinping&to=person/hu-jintao', 'Xi Jinping', 'Hu Jintao');
  await follow('#tab=paths&from=person/wang-yi&to=person/hu-jintao', 'Wang Yi', 'Hu Jintao');
});

await step('a timeline in Chinese names the other ends in Chinese', async () => {
  await page.goto(`${base}/explore/#node=${GROUP}&tab=timeline&lang=zh`);
  await page.reload();
  await page.waitForSelector('svg.timeline .ev-SUCCEEDED title', { state: 'attached', timeout: 10000 });
  const ev = await page.$eval('svg.timeline .ev-SUCCEEDED', (g) => ({ text: g.querySelector('text').textContent, title: g.querySelector('title').textContent }));
  for (const [what, s] of Object.entries(ev)) {
    assert(s.includes('中央外事工作委员会') && !s.includes('Central Foreign Affairs Commission'), `the succession's ${what} names the successor in English: "${s}"`);
  }
  await page.goto(`${base}/explore/#node=${GROUP}&tab=timeline`);
  await page.reload();
  await page.waitForSelector('svg.timeline .ev-SUCCEEDED title', { state: 'attached', timeout: 10000 });
  const en = await page.$eval('svg.timeline .ev-SUCCEEDED title', (t) => t.textContent);
  assert(en.includes('Central Foreign Affairs Commission'), `the succession in English: "${en}"`);
});

await step('groups by year beside reported counts', async () => {
  await page.click('#tab-byyear');
  await page.waitForSelector('svg.byyear .year', { timeout: 10000 });
  assert(await page.locator('svg.byyear .reported').count() > 0, 'no reported counts drawn');
  assert(await page.locator('#reported tbody tr').count() > 0, 'no reported counts listed');
});

// One page of every kind, in both languages, at a year (so every relationship carries
// KNOWN or POSSIBLE) and for all years: each must show its title, and no error.
const KIND_PAGES = {
  group: GROUP, person: 'person/xi-jinping', position: 'position/general-secretary',
  institution: 'institution/ministry-of-foreign-affairs', office: 'office/foreign-affairs-leading-small-group-office',
  source: 'source/zhou-wang-2015', statement: 'statement/tsai-zhou-xi-three-groups', topic: 'topic/belt-and-road-initiative',
  document: 'document/ccp-constitution', 'reported count': 'count/miller-1981',
};
for (const [kind, id] of Object.entries(KIND_PAGES)) {
  await step(`the ${kind} page shows no error`, async () => {
    for (const hash of [`node=${id}&year=2016`, `node=${id}&lang=zh`, `node=${id}&tier=0&derived=1`]) {
      await page.goto(`${base}/explore/#${hash}`);
      await page.reload();
      await page.waitForFunction((want) => document.querySelector('#node-panel')?.dataset.node === want, id, { timeout: 10000 });
      const title = await page.textContent('#node-title');
      assert(title && title.trim().length > 2, `${hash}: no title`);
      assert(await page.getAttribute('#node-panel', 'data-state') === 'ready', `${hash}: the node page did not load`);
      const rels = await page.locator('#node-panel table.rels tbody tr:not(.src)').count();
      const about = await page.locator('#node-panel section.about > ul > li').count();
      if (kind !== 'source' && kind !== 'reported count' && hash.includes('lang=zh')) assert(rels + about > 0, `${hash}: no relationships listed`);
      if (hash.includes('year=')) assert(await page.locator('#node-panel .h-KNOWN, #node-panel .h-POSSIBLE').count() === rels, `${hash}: a relationship without KNOWN or POSSIBLE`);
      await screenClean();
    }
  });
}
