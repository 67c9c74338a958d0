// Browser test steps: tables, playback of a period, styles and the legend, images, and what the views say when they cannot show something.
import { base, GROUP, page, screenClean, step, assert, readmeShot, graphInfo, api, openGraph, drawn, downloadBytes, download } from './harness.mjs';

await step('a link followed on the timeline opens the node at the top, and the graph comes back centred', async () => {
  await page.goto(`${base}/explore/#node=${GROUP}&tab=timeline`);
  await page.reload();
  await page.waitForSelector('svg.timeline .bar', { timeout: 10000 });
  await page.$eval('#node-panel', (el) => { el.scrollTop = 700; });
  const link = page.locator('#node-panel table.rels a[data-node^="person/"]').first();
  const target = await link.getAttribute('data-node');
  await link.click();
  await page.waitForFunction((id) => document.querySelector('#node-panel')?.dataset.node === id && document.querySelector('#node-panel').dataset.state === 'ready', target);
  assert(await page.$eval('#node-panel', (el) => el.scrollTop) === 0, 'the node panel kept the previous scroll position');
  await page.click('#tab-graph');
  await page.waitForSelector('#graph-status[data-state=ready]');
  const off = await page.evaluate(() => {
    const cy = document.querySelector('#cy')._cyreg.cy;
    const bb = cy.elements().renderedBoundingBox();
    return [Math.abs((bb.x1 + bb.x2) / 2 - cy.width() / 2) / cy.width(), Math.abs((bb.y1 + bb.y2) / 2 - cy.height() / 2) / cy.height()];
  });
  assert(off[0] < 0.1 && off[1] < 0.1, `the graph is off-centre by ${off.map((x) => `${Math.round(x * 100)}%`)}`);
});

await step('a table of groups sorts, filters and opens a node', async () => {
  await page.goto(`${base}/explore/#tab=tables`);
  await page.reload();
  await page.waitForSelector('#node-table[data-state=ready][data-table=groups]', { timeout: 15000 });
  const total = await page.locator('#node-table tbody tr').count();
  const want = (await api('{ groups(first: 0) { totalCount } }')).groups.totalCount;
  assert(total === want && total > 20, `the table lists ${total} groups, the API has ${want}`);
  await page.fill('#table-date', '2016');
  await page.dispatchEvent('#table-date', 'change');
  await page.waitForFunction(() => location.hash.includes('tdate=2016'));
  await page.waitForSelector('#node-table[data-state=ready]');
  await page.click('#node-table th button[data-column=c_members]');
  await page.waitForSelector('#node-table th[aria-sort=descending] button[data-column=c_members]');
  await readmeShot('explorer-tables.png');
  const counts = await page.$$eval('#node-table tbody tr', (rows) => rows.map((r) => Number(r.children[9].textContent)));
  assert(counts.every((c, i) => i === 0 || counts[i - 1] >= c) && counts[0] > 0, `not sorted by members: ${counts.slice(0, 5)}`);
  await page.fill('#table-filter', 'foreign');
  await page.waitForFunction((n) => document.querySelectorAll('#node-table tbody tr').length < n, total);
  for (const key of ['people', 'posts', 'institutions', 'documents', 'sources']) {
    await page.click(`#table-choice button[data-table=${key}]`);
    await page.waitForSelector(`#node-table[data-state=ready][data-table=${key}]`, { timeout: 15000 });
    await screenClean();
  }
  await page.fill('#table-filter', '');
  await page.click('#table-choice button[data-table=groups]');
  await page.waitForSelector('#node-table[data-state=ready][data-table=groups]');
  await page.fill('#table-filter', 'Foreign Affairs Leading Small Group');
  await page.waitForSelector(`#node-table tbody tr[data-id="${GROUP}"]`);
  await page.click(`#node-table tbody tr[data-id="${GROUP}"] a`);
  await page.waitForFunction((g) => location.hash.includes(`node=${g}`) && !location.hash.includes('tab=tables'), GROUP);
  await page.waitForSelector('#graph-status[data-state=ready]');
  assert((await page.textContent('#node-title')).includes('Foreign Affairs Leading Small Group'), 'the row did not open the group');
});

await step('a link keeps the table\'s sort and filter', async () => {
  await page.goto(`${base}/explore/#tab=tables&tdate=2016`);
  await page.reload();
  await page.waitForSelector('#node-table[data-state=ready][data-table=groups]', { timeout: 15000 });
  await page.click('#node-table th button[data-column=c_members]');
  await page.waitForSelector('#node-table th[aria-sort=descending] button[data-column=c_members]');
  await page.fill('#table-filter', 'foreign');
  await page.waitForFunction(() => location.hash.includes('tsort=-c_members') && location.hash.includes('tfilter=foreign'), null, { timeout: 5000 })
    .catch(() => { throw new Error(`the link does not hold the sort and filter: ${page.url()}`); });
  const ids = await page.$$eval('#node-table tbody tr', (rows) => rows.map((r) => r.dataset.id));
  await page.reload();
  await page.waitForSelector('#node-table[data-state=ready][data-table=groups]', { timeout: 15000 });
  assert(await page.locator('#node-table th[aria-sort=descending] button[data-column=c_members]').count() === 1, 'the reload lost the sort');
  assert(await page.inputValue('#table-filter') === 'foreign', 'the reload lost the filter');
  const again = await page.$$eval('#node-table tbody tr', (rows) => rows.map((r) => r.dataset.id));
  assert(JSON.stringify(again) === JSON.stringify(ids), `the reload shows other rows: ${again.slice(0, 3)}, was ${ids.slice(0, 3)}`);
});

await step('a range typed into its two boxes, one after the other, plays', async () => {
  await openGraph(`node=${GROUP}&year=2016`);
  await page.fill('#range-from', '2008');
  await page.press('#range-from', 'Tab');
  assert(await page.inputValue('#range-from') === '2008', 'the first year typed was cleared before the second');
  await page.fill('#range-to', '2019');
  await page.press('#range-to', 'Tab');
  await page.waitForFunction(() => location.hash.includes('rfrom=2008') && location.hash.includes('rto=2019'));
  await page.waitForSelector('#frame-out[data-year="2008"]', { timeout: 15000 });
});

await step('switching the language retells the graph status and the style legend', async () => {
  await openGraph(`node=${GROUP}&year=2016&colour=system`);
  await page.waitForFunction(() => document.querySelector('#style-legend').textContent.startsWith('colour'));
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#lang').textContent === 'English');
  const status = await page.textContent('#graph-status'), legend = await page.textContent('#style-legend');
  assert(status.includes('个节点') && legend.startsWith('颜色'), `after switching to Chinese: status "${status}", legend "${legend}"`);
  await page.click('#lang');
  assert((await page.textContent('#graph-status')).includes('nodes'), 'after switching back: the status stayed Chinese');
});

await step('undoing one of two hides brings back no edge to a node still hidden', async () => {
  await openGraph(`node=${GROUP}&year=2016`);
  for (const id of [GROUP, 'person/xi-jinping']) {
    await page.evaluate((n) => { const cy = document.querySelector('#cy')._cyreg.cy; cy.nodes().unselect(); cy.getElementById(n).select(); }, id);
    await page.click('#hide');
  }
  await page.click('#undo');
  const { dangling, shown, status } = await page.evaluate(() => {
    const cy = document.querySelector('#cy')._cyreg.cy;
    const drawn = cy.edges().filter((e) => !e.hasClass('absent') && !e.hasClass('hidden'));
    return { dangling: drawn.filter((e) => e.source().hasClass('hidden') || e.target().hasClass('hidden')).map((e) => e.id()),
      shown: drawn.length, status: Number(document.querySelector('#graph-status').dataset.edges) };
  });
  assert(dangling.length === 0 && shown === status, `after undo: edges to hidden nodes ${dangling}, ${shown} drawn, the status says ${status}`);
});

await step('a time range plays year by year on one layout', async () => {
  await openGraph(`node=${GROUP}&rfrom=2008&rto=2019&derived=1`);
  await page.waitForSelector('#frame-out[data-year="2008"]');
  const api2 = (await api(`{ networkFrames(ids: ["${GROUP}"], derived: true, limit: 400, during: {from: "2008", to: "2019"}) { frames { year nodes relationships { id holding } } } }`)).networkFrames.frames;
  const before = await graphInfo();
  const seen = new Set();
  const styles = [];
  for (let i = 0; i < 4; i++) {
    const year = Number(await page.getAttribute('#frame-out', 'data-year'));
    const frame = api2.find((f) => f.year === year);
    const info = await graphInfo();
    assert(JSON.stringify(info.shown) === JSON.stringify([...frame.nodes].sort()), `${year}: shows ${info.shown.length} nodes, the frame has ${frame.nodes.length}`);
    assert(JSON.stringify(info.positions) === JSON.stringify(before.positions), `${year}: nodes moved between frames`);
    seen.add(info.shown.join());
    // KNOWN solid and POSSIBLE dashed: the frame's holdings reach the drawn edges (the
    // FALSG's seats are KNOWN only in the year a source attests them, 2010).
    styles.push(...await page.evaluate(() => document.querySelector('#cy')._cyreg.cy.edges().filter((e) => e.visible()).map((e) => `${e.data('holding')} ${e.style('line-style')} ${e.data('derived')}`)));
    await page.click('#frame-next');
    await page.waitForSelector(`#frame-out[data-year="${year + 1}"]`);
  }
  assert(seen.size > 1, 'every frame showed the same nodes');
  assert(styles.some((x) => x.startsWith('KNOWN solid')) && styles.some((x) => x.startsWith('POSSIBLE dashed')), `holdings not drawn: ${[...new Set(styles)]}`);
  await page.click('#play');
  const from = await page.getAttribute('#frame-out', 'data-year');
  await page.waitForFunction((y) => document.querySelector('#frame-out').dataset.year !== y, from, { timeout: 5000 });
  await page.click('#play');
  assert(await page.textContent('#play') === 'Play', 'playback did not pause');
  await page.evaluate(() => { location.hash = location.hash.replace(/frame=\d+/, 'frame=2016'); });
  await page.waitForSelector('#frame-out[data-year="2016"]');
  await readmeShot('explorer-playback.png');
});

await step('picking a year while a period plays stops the playing', async () => {
  await openGraph(`node=${GROUP}&rfrom=2008&rto=2019`);
  await page.click('#play');
  assert(await page.textContent('#play') === 'Pause', 'playback did not start');
  await page.$eval('#year', (el) => { el.value = '2016'; el.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.waitForFunction(() => location.hash.includes('year=2016') && !location.hash.includes('rfrom='));
  await page.waitForSelector('#graph-status[data-state=ready]');
  assert(await page.textContent('#play') === 'Play', 'the Play button still says Pause for a single year');
});

await step('size by betweenness, colour by kind, hide, undo and ego network', async () => {
  await openGraph(`node=${GROUP}&year=2016`);
  const n0 = await drawn();
  await page.selectOption('#size-by', 'BETWEENNESS');
  await page.waitForFunction(() => location.hash.includes('size=BETWEENNESS'));
  await page.waitForFunction(() => new Set(document.querySelector('#cy')._cyreg.cy.nodes().map((n) => n.data('size'))).size > 2);
  const sizes = await page.evaluate(() => Object.fromEntries(document.querySelector('#cy')._cyreg.cy.nodes().map((n) => [n.id(), n.data('size')])));
  const drawnScores = await page.evaluate(() => Object.fromEntries(document.querySelector('#cy')._cyreg.cy.nodes().map((n) => [n.id(), n.data('score')])));
  const scores = (await api(`{ centrality(metric: BETWEENNESS, asOf: "2016", ids: ${JSON.stringify(Object.keys(sizes))}) { node { id } value } }`)).centrality;
  assert(scores.every((s) => s.value >= 0 && s.value <= 1), 'betweenness is not a share');
  // Every drawn node carries exactly the API's score for it, however low it ranks.
  const apiScores = Object.fromEntries(scores.map((s) => [s.node.id, s.value]));
  assert(JSON.stringify(drawnScores) === JSON.stringify(Object.fromEntries(Object.keys(sizes).map((id) => [id, apiScores[id] ?? null]))),
    `drawn scores differ from the API's: ${JSON.stringify(drawnScores)} vs ${JSON.stringify(apiScores)}`);
  // The drawn node the API scores highest (scores come highest first) is drawn largest.
  const top = scores[0].node.id;
  assert(sizes[top] === Math.max(...Object.values(sizes)), `${top}, the most between, is not the largest`);
  await page.selectOption('#colour-by', 'kind');
  await page.waitForFunction(() => (document.querySelector('#style-legend').textContent || '').length > 5);
  await page.selectOption('#layout', 'concentric');
  await page.waitForFunction(() => location.hash.includes('layout=concentric'));
  await page.click('#in-view summary');
  await page.click('#in-view-list button:text-matches("^Xi Jinping")');
  await page.waitForFunction(() => (document.querySelector('#node-title')?.textContent || '').startsWith('Xi Jinping'));
  await page.click('#ego');
  const ego = Number(await page.getAttribute('#graph-status', 'data-nodes'));
  const want = (await api('{ network(ids: ["person/xi-jinping"], depth: 1, asOf: "2016") { nodes { id } } }')).network.nodes.length;
  assert(ego < n0 && ego > 1, `ego network: ${ego} of ${n0} nodes (the API's neighbourhood: ${want})`);
  await page.click('#undo');
  assert(Number(await page.getAttribute('#graph-status', 'data-nodes')) === n0, 'undo did not bring the nodes back');
  await page.click('#hide');
  assert(Number(await page.getAttribute('#graph-status', 'data-nodes')) === n0 - 1, 'hide did not hide the selected node');
  await page.click('#undo');
  assert(Number(await page.getAttribute('#graph-status', 'data-nodes')) === n0, 'undo did not show it again');
});

await step('an ego network of 2 hops after one of 1 shows the second hop again', async () => {
  await openGraph(`node=${GROUP}&year=2016`);
  const n0 = await drawn();
  await page.click('#in-view summary');
  await page.click('#in-view-list button:text-matches("^Xi Jinping")');
  await page.waitForFunction(() => (document.querySelector('#node-title')?.textContent || '').startsWith('Xi Jinping'));
  // Within hops of Xi over the drawing (every node is drawn before the first ego network).
  const within = (hops) => page.evaluate((h) => {
    const cy = document.querySelector('#cy')._cyreg.cy;
    let keep = cy.getElementById('person/xi-jinping');
    for (let i = 0; i < h; i++) keep = keep.closedNeighborhood();
    return keep.nodes().length;
  }, hops);
  const [w1, w2] = [await within(1), await within(2)];
  assert(w2 > w1, `the drawing has no second hop around Xi (${w1}, ${w2})`);
  await page.selectOption('#ego-hops', '1');
  await page.click('#ego');
  const e1 = Number(await page.getAttribute('#graph-status', 'data-nodes'));
  await page.selectOption('#ego-hops', '2');
  await page.click('#ego');
  const e2 = Number(await page.getAttribute('#graph-status', 'data-nodes'));
  assert(e1 === w1 && e2 === w2, `ego networks of 1 and 2 hops: ${e1} and ${e2} nodes, want ${w1} and ${w2}`);
  await page.click('#undo');
  assert(Number(await page.getAttribute('#graph-status', 'data-nodes')) === n0, 'undo did not bring every node back');
});

await step('the colour legend shows each colour beside what it stands for', async () => {
  await openGraph(`node=${GROUP}&year=2016&colour=kind`);
  await page.waitForSelector('#style-legend .cat .sw', { timeout: 10000 });
  // Each category's swatch is the colour of the drawn nodes of that kind.
  const pairs = await page.evaluate(() => {
    const cy = document.querySelector('#cy')._cyreg.cy;
    return [...document.querySelectorAll('#style-legend .cat')].map((c) => ({ v: c.dataset.value, sw: c.querySelector('.sw').dataset.colour,
      bg: getComputedStyle(c.querySelector('.sw')).backgroundColor,
      nodes: [...new Set(cy.nodes().filter((n) => (n.data('raw').kind || '—') === c.dataset.value).map((n) => n.data('colour')))] }));
  });
  assert(pairs.length > 1, `${pairs.length} categories in the legend`);
  for (const p of pairs) assert(p.nodes.length === 1 && p.nodes[0] === p.sw && p.bg !== 'rgba(0, 0, 0, 0)', `${p.v}: swatch ${p.sw} (${p.bg}), nodes ${p.nodes}`);
  await page.selectOption('#colour-by', 'DEGREE');
  await page.waitForSelector('#style-legend .ramp .sw', { timeout: 10000 });
  const ramp = await page.$$eval('#style-legend .ramp .sw', (s) => s.map((x) => x.dataset.colour));
  const used = await page.evaluate(() => [...new Set(document.querySelector('#cy')._cyreg.cy.nodes().map((n) => n.data('colour')))]);
  assert(ramp.length > 3 && used.every((c) => ramp.includes(c) || c === '#d9d9d9'), `ramp ${ramp}, nodes coloured ${used}`);
});

await step('PNG and SVG images of the view', async () => {
  const png = await downloadBytes('#export-png');
  assert(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && png.length > 20000, `not a PNG image (${png.length} bytes)`);
  const svgText = (await downloadBytes('#export-svg')).toString('utf8');
  assert(/<svg[\s>]/.test(svgText) && svgText.includes('Xi Jinping'), 'the SVG lacks the drawing');
  const csv = (await download('#export-csv')).trim().split(/\r?\n/);
  assert(csv[0].endsWith(',via,sources') && csv.some((l) => l.startsWith('relationship,') && /rana-2021|thomas-fp/.test(l)), 'the CSV has no sources');
  assert(csv[0].includes(',end,attested,holding,'), 'the CSV has no attested column: a fact known only from attestations would have no dates');
  assert(!csv.some((l) => l.includes('[object')), 'the CSV writes an object where a value belongs');
});

await step('a played period is sized by its scores over the period', async () => {
  await openGraph(`node=${GROUP}&rfrom=2008&rto=2019&size=DEGREE`);
  await page.waitForFunction(() => (document.querySelector('#style-legend').textContent || '').includes('scored over 2008–2019'));
  const drawnScores = await page.evaluate(() => Object.fromEntries(document.querySelector('#cy')._cyreg.cy.nodes().map((n) => [n.id(), n.data('score')])));
  const ids = Object.keys(drawnScores);
  const scores = (await api(`{ centrality(metric: DEGREE, during: {from: "2008", to: "2019"}, ids: ${JSON.stringify(ids)}) { node { id } value } }`)).centrality;
  const want = Object.fromEntries(scores.map((s) => [s.node.id, s.value]));
  assert(ids.length > 5 && ids.every((id) => drawnScores[id] === want[id]), `period scores differ: ${JSON.stringify(drawnScores)} vs ${JSON.stringify(want)}`);
});

await step('what cannot be shown is said in the reader\'s words, and not asked', async () => {
  const asked = [];
  const listen = (req) => { if (req.url().endsWith('/graphql')) asked.push(req.postData() || ''); };
  // A link to a node that is not there.
  await page.goto(`${base}/explore/#node=group/no-such-group`);
  await page.reload();
  await page.waitForSelector('#node-panel[data-state=error]');
  await page.waitForSelector('#graph-status[data-state=error]');
  assert((await page.textContent('#node-panel')).includes('Nothing in the atlas has this id.'), 'a missing node is not told as such');
  assert((await page.textContent('#graph-status')) === 'Nothing in the atlas has this id.', 'the graph does not tell the missing node');
  assert(await page.isDisabled('#export-png') && await page.isDisabled('#export-csv'), 'an empty view offers its exports');
  // From a drawn graph to a missing node: nothing of the graph stays under the message.
  await openGraph(`node=${GROUP}`);
  assert(!(await page.isDisabled('#export-png')), 'a drawn view does not offer its exports');
  await page.evaluate(() => { location.hash = 'node=group/no-such-group'; });
  await page.waitForSelector('#graph-status[data-state=error]');
  assert(await page.evaluate(() => document.querySelector('#cy')._cyreg.cy.nodes().length) === 0, 'the last graph stays under the error');
  // A timeline open on a group, then a link to a missing node: nothing of the group stays.
  await page.goto(`${base}/explore/#node=${GROUP}&tab=timeline`);
  await page.reload();
  await page.waitForFunction(() => (document.querySelector('#timeline')?.textContent || '').includes('2018'));
  await page.evaluate(() => { location.hash = 'node=group/no-such-group&tab=timeline'; });
  await page.waitForFunction(() => document.querySelector('#timeline')?.textContent === 'Nothing in the atlas has this id.');
  page.on('request', listen);
  // A source has no timeline, and no path leads to it or from a node to itself.
  await page.goto(`${base}/explore/#node=source/thomas-fp&tab=timeline`);
  await page.reload();
  await page.waitForFunction(() => (document.querySelector('#timeline')?.textContent || '').includes('have no timeline'));
  await page.goto(`${base}/explore/#tab=paths&from=${GROUP}&to=${GROUP}`);
  await page.reload();
  await page.waitForFunction(() => (document.querySelector('#path-status')?.textContent || '').startsWith('Pick two different nodes'));
  await page.goto(`${base}/explore/#tab=paths&from=${GROUP}&to=source/thomas-fp`);
  await page.reload();
  await page.waitForFunction(() => (document.querySelector('#path-status')?.textContent || '').startsWith('Sources and reported counts are not part'));
  page.off('request', listen);
  const refused = asked.filter((b) => /timeline\(|shortestPaths\(/.test(b));
  assert(refused.length === 0, `asked what the API refuses: ${refused}`);
  // A year the API could not take leaves the view at all years.
  await openGraph(`node=${GROUP}&year=99999`);
  assert(await page.isChecked('#all-years') && await drawn() > 5, 'year 99999 did not leave the view at all years');
});

await step('each source of a disputed tenure says which dates it gives', async () => {
  await page.goto(`${base}/explore/#node=person/chen-yi`);
  await page.reload();
  await page.waitForSelector('#node-panel[data-state=ready]');
  const given = await page.$$eval('#node-panel .cites li', (lis) => lis.map((li) => li.textContent));
  const rana = given.find((g) => g.startsWith('rana-2021') && g.includes('gives'));
  const ref = given.find((g) => g.includes('cloudfront') && g.includes('gives'));
  assert(rana && rana.includes('gives: from 1956') && !rana.includes('1972'), `Rana's dates: ${rana}`);
  assert(ref && ref.includes('from 1958-02-11') && ref.includes('to 1972-01-06'), `the reference page's dates: ${ref}`);
});

await step('a link to another table, or another table date, reads its rows anew', async () => {
  await page.goto(`${base}/explore/#tab=tables`);
  await page.reload();
  await page.waitForSelector('#node-table[data-state=ready][data-table=groups]');
  await page.evaluate(() => { location.hash = 'tab=tables&table=sources'; });
  await page.waitForSelector('#node-table[data-state=ready][data-table=sources]');
  const want = (await api('{ sources(first: 1) { totalCount } }')).sources.totalCount;
  assert((await page.textContent('#table-count')).startsWith(`${want} `), `sources table: ${await page.textContent('#table-count')}, want ${want} rows`);
});

await step('the skip link moves the focus and leaves the view as it is', async () => {
  await page.goto(`${base}/explore/#node=person/wang-yi&year=2016&tab=timeline`);
  await page.reload();
  await page.waitForSelector('#node-panel[data-state=ready]');
  const before = await page.evaluate(() => location.hash);
  await page.focus('a.skip');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'node-panel');
  assert(await page.evaluate(() => location.hash) === before, 'the skip link changed the view');
});

await step('no node type picked draws nothing, and exports nothing', async () => {
  await openGraph(`node=${GROUP}&nt=FOO`);
  assert(await page.getAttribute('#graph-status', 'data-nodes') === '0', 'a view with no node type draws nodes');
  assert((await page.textContent('#graph-status')).startsWith('No node type or no relationship type is picked'), await page.textContent('#graph-status'));
  assert(await page.getAttribute('#export-gexf', 'aria-disabled') === 'true', 'the GEXF export is offered for a view of nothing');
  await openGraph('node=source/thomas-fp');
  assert(await page.getAttribute('#export-gexf', 'aria-disabled') === 'true', 'the GEXF export is offered for a source');
});

await step('unticking a node type draws fewer nodes, never more: the boxes are what is drawn', async () => {
  await openGraph('node=person/xi-jinping');
  const n0 = await drawn(), e0 = Number(await page.getAttribute('#graph-status', 'data-edges'));
  const want0 = (await api('{ network(ids: ["person/xi-jinping"], depth: 1, limit: 400) { nodes { id } } }')).network.nodes.length;
  assert(n0 === want0, `drew ${n0} nodes, the API's default network has ${want0}`);
  assert(!(await page.isChecked('#node-types input[value=STATEMENT]')), 'statements are ticked but not drawn');
  await page.uncheck('#node-types input[value=OFFICE]');
  await page.waitForFunction(() => location.hash.includes('nt='));
  const n1 = await drawn(), e1 = Number(await page.getAttribute('#graph-status', 'data-edges'));
  assert(n1 <= n0 && e1 <= e0, `unticking OFFICE drew ${n1} nodes, ${e1} relationships (was ${n0}, ${e0})`);
  const want1 = (await api('{ network(ids: ["person/xi-jinping"], depth: 1, limit: 400, nodeTypes: [GROUP, PERSON, POSITION, INSTITUTION]) { nodes { id } } }')).network.nodes.length;
  assert(n1 === want1, `drew ${n1}, the API has ${want1} without offices`);
  const gexf = await download('#export-gexf');
  assert((gexf.match(/<node /g) || []).length === n1, 'the GEXF export holds other nodes than those drawn');
  await page.check('#node-types input[value=STATEMENT]');
  await page.waitForFunction(() => location.hash.includes('STATEMENT'));
  assert(await drawn() > n1, 'ticking statements drew none');
});

await step('the CSV gives the post a derived chair runs through (via)', async () => {
  const G = 'group/energy-leading-small-group';
  await openGraph(`node=${G}&year=2020&derived=1`);
  const rels = (await api(`{ network(ids: ["${G}"], depth: 1, asOf: "2020", derived: true, limit: 400) { relationships { id derived via { id } } } }`)).network.relationships.filter((r) => r.derived && r.via);
  assert(rels.length > 0, 'the API derives no chair of the Energy LSG in 2020');
  const csv = (await download('#export-csv')).trim().split(/\r?\n/).map((l) => l.split(','));
  const col = csv[0].indexOf('via');
  for (const r of rels) {
    const row = csv.find((c) => c[0] === 'relationship' && c[1] === r.id);
    assert(row && row[col] === r.via.id, `${r.id}: via "${row && row[col]}", the API's ${r.via.id}`);
  }
  assert(rels.some((r) => r.via.id === 'position/premier'), 'no chair derived through the premiership');
});

await step('Back returns to the node and the tab before, inside the Explorer', async () => {
  await openGraph(`node=${GROUP}&year=2016`);
  await page.click('#in-view summary');
  await page.click('#in-view-list button:text-matches("^Xi Jinping")');
  await page.waitForFunction(() => location.hash.includes('node=person/xi-jinping'));
  await page.click('#tab-timeline');
  await page.waitForFunction(() => location.hash.includes('tab=timeline'));
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('tab=timeline'));
  assert(page.url().includes('/explore/#') && page.url().includes('node=person/xi-jinping'), `Back from the timeline: ${page.url()}`);
  assert(await page.getAttribute('#tab-graph', 'aria-selected') === 'true', 'Back did not show the graph again');
  await page.goBack();
  await page.waitForFunction((g) => location.hash.includes(`node=${g}`), GROUP);
  await page.waitForFunction(() => (document.querySelector('#node-title')?.textContent || '').startsWith('Foreign Affairs Leading'));
  assert(page.url().includes('/explore/'), `Back left the Explorer: ${page.url()}`);
  await page.goForward();
  await page.waitForFunction(() => location.hash.includes('node=person/xi-jinping'));
});

await step('a search for paths at a year says the year; the list in view follows the frame', async () => {
  await page.goto(`${base}/explore/#tab=paths&from=person/li-keqiang&to=group/national-security-commission&year=2016`);
  await page.reload();
  await page.waitForSelector('#path-status[data-paths]', { timeout: 10000 });
  const want = (await api('{ shortestPaths(from: "person/li-keqiang", to: "group/national-security-commission", maxLength: 6, asOf: "2016", first: 20) { length } }')).shortestPaths;
  const status = await page.textContent('#path-status');
  assert(status.endsWith('(as of 2016)') && (want.length > 0 || status.startsWith('No path')), `paths at 2016: ${status}`);
  await openGraph(`node=${GROUP}&rfrom=2000&rto=2020&frame=2005`);
  await page.waitForSelector('#frame-out[data-year="2005"]');
  const shown = Number(await page.getAttribute('#graph-status', 'data-nodes'));
  assert(await page.locator('#in-view-list li').count() === shown, `the list in view has ${await page.locator('#in-view-list li').count()} nodes, the frame ${shown}`);
});
