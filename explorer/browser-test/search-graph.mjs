// Browser test steps: search, the graph, the year slider, shared links, exports, labels and languages.
import { base, GROUP, page, context, step, assert, readmeShot, api, networkSize, drawn, download } from './harness.mjs';

await step('explorer loads fast', async () => {
  const t0 = Date.now();
  await page.goto(`${base}/explore/`, { waitUntil: 'load' });
  const ms = Date.now() - t0;
  const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return { dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) }; });
  console.log(`     page load: ${ms} ms (DOMContentLoaded ${nav.dcl} ms, load ${nav.load} ms)`);
  assert(await page.isVisible('#search'), 'no search box');
});

await step('search finds Chinese and toneless pinyin', async () => {
  for (const text of ['中央外事工作委员会', 'zhongyang waishi']) {
    await page.fill('#search', text);
    await page.waitForSelector('.suggestions li[data-id="group/central-foreign-affairs-commission"]', { timeout: 10000 });
  }
  await page.keyboard.press('Escape');
});

await step('search suggests and opens a group', async () => {
  await page.fill('#search', 'FALSG');
  await page.waitForSelector(`.suggestions li[data-id="${GROUP}"]`, { timeout: 10000 });
  const t0 = Date.now();
  await page.keyboard.press('Enter');
  await page.waitForFunction((g) => location.hash.includes(g), GROUP);
  await page.waitForSelector('#node-title');
  await page.waitForSelector('#graph-status[data-state=ready]');
  console.log(`     node page and graph drawn ${Date.now() - t0} ms after the pick`);
  assert((await page.textContent('#node-title')).includes('Foreign Affairs Leading Small Group'), 'the node page lacks the name');
  assert(await page.locator('#node-panel table.rels tbody tr').count() > 5, 'the node page lists too few relationships');
  assert(await page.locator('#node-panel .cites a').count() > 0, 'the node page has no source links');
  // Corpus citations show the exact words of the passage beside the locator.
  assert((await page.locator('#node-panel .cites .quote').allTextContents()).some((q) => q.includes('Foreign Affairs Leading Small Group (FALSG)')),
    "the node page shows no citation's quote");
});

let allYears;
await step('the graph draws the network', async () => {
  allYears = await networkSize(null);
  const n = await drawn();
  assert(n === allYears, `drew ${n} nodes, the network has ${allYears}`);
  assert(n > 5, `only ${n} nodes`);
});

await step('the year slider redraws the graph as it stood', async () => {
  await page.focus('#year');
  await page.$eval('#year', (el) => { el.value = '2009'; });
  await page.keyboard.press('ArrowRight'); // a real input event: 2010
  await page.waitForFunction(() => location.hash.includes('year=2010'));
  await page.waitForSelector('#graph-status[data-state=ready]');
  await page.waitForFunction(() => document.querySelector('#graph-status').textContent.includes('2010'));
  const n2010 = await drawn();
  const want2010 = await networkSize('2010');
  assert(n2010 === want2010, `2010: drew ${n2010}, the network has ${want2010}`);
  await page.$eval('#year', (el) => { el.value = '2017'; });
  await page.keyboard.press('ArrowLeft'); // 2016
  await page.waitForFunction(() => document.querySelector('#graph-status').textContent.includes('2016'));
  await page.waitForSelector('#graph-status[data-state=ready]');
  const n2016 = await drawn();
  assert(n2016 === await networkSize('2016'), `2016: drew ${n2016}`);
  assert(n2016 !== n2010 && n2010 !== allYears, `moving the slider did not change the graph (${allYears}, ${n2010}, ${n2016})`);
});

await step('selecting and expanding a node grows the graph around it', async () => {
  const before = await drawn();
  await page.click('#in-view summary');
  await page.click('#in-view-list button:text-matches("^Xi Jinping")');
  await page.waitForFunction(() => (document.querySelector('#node-title')?.textContent || '').startsWith('Xi Jinping'));
  assert(await drawn() === before, 'selecting a node in view redrew the graph');
  await page.click('#expand-node');
  await page.waitForFunction(() => location.hash.includes('x=group/foreign-affairs-leading-small-group,person/xi-jinping'));
  await page.waitForSelector('#graph-status[data-state=ready]');
  const want = (await api('{ network(ids: ["group/foreign-affairs-leading-small-group", "person/xi-jinping"], depth: 1, asOf: "2016", limit: 400) { nodes { id } } }')).network.nodes.length;
  const after = await drawn();
  assert(after === want && after > before, `expanded: drew ${after}, want ${want} (> ${before})`);
});

await step('a shared link restores the view', async () => {
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await other.waitForSelector('#graph-status[data-state=ready]', { timeout: 15000 });
  const n = Number(await other.getAttribute('#graph-status', 'data-nodes'));
  assert(n === Number(await page.getAttribute('#graph-status', 'data-nodes')), 'the link drew another graph');
  assert(await other.inputValue('#year') === '2016' && !(await other.isChecked('#all-years')), 'the link lost the year');
  await other.close();
});

await step('exports of the current view download and parse', async () => {
  const gexf = await download('#export-gexf');
  assert(/<gexf[\s>]/.test(gexf) && (gexf.match(/<node /g) || []).length === await drawn(), 'GEXF does not hold the drawn nodes');
  const cyjs = JSON.parse(await download('#export-cyjs'));
  assert(cyjs && JSON.stringify(cyjs).includes(GROUP), 'Cytoscape JSON lacks the group');
  const graphml = await download('#export-graphml');
  assert(graphml.includes('<graphml'), 'GraphML is not GraphML');
  const csv = (await download('#export-csv')).trim().split(/\r?\n/);
  assert(csv[0].startsWith('element,id,type'), 'CSV has no header');
  assert(csv.filter((l) => l.startsWith('node,')).length === await drawn(), 'CSV does not hold the drawn nodes');
});

await step('the README screenshot', async () => {
  // All years, with derived chairs: the fullest picture of the group, laid out afresh.
  await page.goto(`${base}/explore/#node=${GROUP}&derived=1`);
  await page.reload();
  await page.waitForSelector('#graph-status[data-state=ready]');
  assert(await page.isChecked('#derived') && await page.isChecked('#all-years'), 'the link did not set the toggles');
  assert(await page.locator('#node-panel tr.derived').count() > 0, 'no derived chair on the node page');
  await page.waitForTimeout(300);
  await readmeShot('explorer.png');
});

await step('every control has a label and works from the keyboard', async () => {
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, button, [role=tab], a.button')]
    .filter((el) => !el.closest('[hidden]'))
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !el.textContent.trim())
    .map((el) => el.outerHTML.slice(0, 80)));
  assert(unlabelled.length === 0, `unlabelled: ${unlabelled.join(' | ')}`);
  await page.focus('#tab-graph');
  await page.keyboard.press('ArrowRight');
  assert(await page.evaluate(() => document.activeElement.id) === 'tab-timeline', 'arrow keys do not move between tabs');
  await page.keyboard.press('ArrowLeft');
  await page.focus('#search');
  // Enter before the suggestions have caught up with the text picks what the text names,
  // not the top suggestion for what was typed before.
  await page.fill('#search', 'central');
  await page.waitForFunction(() => [...document.querySelectorAll('.suggestions li')].some((li) => li.dataset.id === 'group/central-study-group'));
  await page.fill('#search', 'State Security Leading Small Group');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('node=group/state-security-leading-small-group'));
  await page.waitForSelector('#graph-status[data-state=ready]');
  await page.fill('#search', '');
  await page.keyboard.type('central foreign affairs commission');
  await page.waitForSelector('#search[aria-expanded=true]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('node=group/central-foreign-affairs-commission'));
  await page.waitForSelector('#graph-status[data-state=ready]');
});

await step('labels switch to Chinese', async () => {
  await page.click('#lang');
  await page.waitForFunction(() => location.hash.includes('lang=zh'));
  await page.waitForFunction(() => document.querySelector('#tab-graph').textContent === '关系图');
  assert((await page.textContent('#node-title')).includes('中央外事工作委员会'), 'no Chinese name on the node page');
  const labels = await page.$$eval('#in-view-list button', (bs) => bs.map((b) => b.textContent));
  assert(labels.some((l) => l.includes('中央外事工作委员会')), 'the graph keeps English labels');
  await page.click('#lang');
  await page.waitForFunction(() => !location.hash.includes('lang=zh'));
});
