// The Explorer: wires the search, the views and the node page to one state kept in the URL.
import './explorer.css';
import { schema } from './api.js';
import { applyStrings, getLang, setLang, t, nodeLabel } from './i18n.js';
import { state, readHash, writeHash, extendTypes, NODE_TYPES, REL_TYPES } from './state.js';
import { combobox } from './search.js';
import { createGraph, draw, exportURL, loadView, tierSupport, viewCSV, TYPE_COLOURS, REL_COLOURS } from './graph.js';
import { loadNode, renderNode } from './nodepage.js';
import { renderTimeline } from './timeline.js';
import { findPaths } from './paths.js';
import { renderByYear } from './byyear.js';
import { followChanges } from './live.js';

const $ = (id) => document.getElementById(id);
let cy, current = null, drawSeq = 0;

function checkboxes(fieldset, values, chosen, colours, onChange) {
  for (const v of values) {
    const label = document.createElement('label');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: v, checked: chosen.includes(v) });
    const sw = Object.assign(document.createElement('span'), { className: 'sw' });
    sw.style.background = colours[v];
    label.append(box, sw, ` ${v.toLowerCase().replace(/_/g, ' ')}`);
    box.addEventListener('change', () => onChange([...fieldset.querySelectorAll('input:checked')].map((b) => b.value)));
    fieldset.append(label);
  }
}

function syncControls() {
  $('all-years').checked = state.year === null;
  if (state.year !== null) $('year').value = String(state.year);
  $('year').disabled = false;
  $('year-out').textContent = state.year === null ? t('allYears') : String(state.year);
  $('depth').value = String(state.depth);
  $('derived').checked = state.derived;
  $('tier').checked = state.tier;
  for (const b of $('node-types').querySelectorAll('input')) b.checked = state.nodeTypes.includes(b.value);
  for (const b of $('rel-types').querySelectorAll('input')) b.checked = state.relTypes.includes(b.value);
  $('lang').textContent = t('lang');
  for (const b of document.querySelectorAll('[role=tab]')) {
    const on = b.dataset.tab === state.tab;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    $(`view-${b.dataset.tab}`).hidden = !on;
  }
  for (const [id, f] of [['export-gexf', 'graph.gexf'], ['export-graphml', 'graph.graphml'], ['export-cyjs', 'cytoscape.json']]) {
    $(id).href = state.node ? exportURL(f) : '#';
    $(id).setAttribute('aria-disabled', String(!state.node));
  }
}

async function redrawGraph() {
  const status = $('graph-status');
  if (!state.node) { cy.elements().remove(); status.textContent = t('pick'); return; }
  if (/^(source|count)\//.test(state.seeds[0] || state.node)) {
    cy.elements().remove();
    status.dataset.state = 'ready'; status.dataset.nodes = '0'; status.dataset.edges = '0';
    status.textContent = t('notInNetwork');
    return;
  }
  const mine = ++drawSeq;
  status.textContent = t('loading');
  status.dataset.state = 'loading';
  try {
    const view = await loadView();
    if (mine !== drawSeq) return;
    draw(cy, view);
    status.dataset.nodes = String(cy.nodes().length);
    status.dataset.edges = String(cy.edges().length);
    status.dataset.state = 'ready';
    status.textContent = `${cy.nodes().length} ${t('nodes')}, ${cy.edges().length} ${t('relationships')}` +
      (state.year !== null ? ` · ${state.year}` : '') + (view.truncated ? ` (${t('truncated')})` : '');
    renderInView();
  } catch (e) {
    if (mine === drawSeq) { status.textContent = e.message; status.dataset.state = 'error'; }
  }
}

// The nodes in view as buttons: the graph's content for keyboards and screen readers.
function renderInView() {
    $('in-view-list').replaceChildren(...cy.nodes().sort((a, b) => (a.data('label') < b.data('label') ? -1 : 1)).map((n) => {
      const li = document.createElement('li');
      const b = Object.assign(document.createElement('button'), { type: 'button', textContent: `${n.data('label')} (${n.data('type').toLowerCase()})` });
      b.addEventListener('click', () => select(n.id()));
      b.addEventListener('keydown', (e) => { if (e.key === '+') expand(n.id()); });
      b.title = 'Enter: open; +: expand';
      li.append(b);
      return li;
    }));
}

async function refreshNode() {
  const panel = $('node-panel');
  if (!state.node) { current = null; renderNode(panel, null, {}); return; }
  try {
    current = await loadNode(state.node, state.year);
    if (current && document.activeElement !== $('search')) $('search').value = nodeLabel(current);
    renderNode(panel, current, { onExpand: expand, onFocus: focus });
  } catch (e) { panel.textContent = e.message; }
  if (state.tab === 'timeline') renderTimeline($('timeline'), current).catch((e) => { $('timeline').textContent = e.message; });
}

function update({ graph = true, node = true } = {}) {
  writeHash();
  syncControls();
  if (graph && state.tab === 'graph') redrawGraph();
  if (node) refreshNode();
  else if (state.tab === 'timeline') renderTimeline($('timeline'), current);
}

// Selecting a node in view opens its page and keeps the graph; one out of view recentres it.
function select(id) {
  const inView = cy.getElementById(id).nonempty();
  state.node = id;
  if (!inView) state.seeds = [id];
  update({ graph: !inView });
  cy.getElementById(id).select();
}
function expand(id) {
  if (!state.seeds.includes(id)) state.seeds.push(id);
  const moved = id !== state.node;
  state.node = id;
  update({ node: moved });
}
function focus(id) { state.node = id; state.seeds = [id]; update(); }

function downloadText(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function wire() {
  cy = createGraph($('cy'), { onSelect: select, onExpand: expand });
  combobox($('search'), (n) => { state.node = n.id; state.seeds = [n.id]; if (state.tab === 'paths' || state.tab === 'byyear') state.tab = 'graph'; update(); });
  const from = combobox($('path-from'), (n) => { state.from = n.id; writeHash(); });
  const to = combobox($('path-to'), (n) => { state.to = n.id; writeHash(); });
  checkboxes($('node-types'), NODE_TYPES, state.nodeTypes, TYPE_COLOURS, (v) => { state.nodeTypes = v; update({ node: false }); });
  checkboxes($('rel-types'), REL_TYPES, state.relTypes, REL_COLOURS, (v) => { state.relTypes = v; update({ node: false }); });
  let yearTimer;
  $('year').addEventListener('input', () => {
    state.year = Number($('year').value);
    $('year-out').textContent = String(state.year);
    $('all-years').checked = false;
    clearTimeout(yearTimer);
    yearTimer = setTimeout(() => update(), 150);
  });
  $('all-years').addEventListener('change', () => { state.year = $('all-years').checked ? null : Number($('year').value); update(); });
  $('depth').addEventListener('change', () => { state.depth = Number($('depth').value); update({ node: false }); });
  $('derived').addEventListener('change', () => { state.derived = $('derived').checked; update({ node: false }); });
  $('tier').addEventListener('change', () => { state.tier = $('tier').checked; update(); });
  $('controls').addEventListener('submit', (e) => e.preventDefault());
  $('export-csv').addEventListener('click', () => downloadText('lsg-atlas-view.csv', viewCSV(cy), 'text/csv'));
  $('share').addEventListener('click', async () => {
    writeHash();
    try { await navigator.clipboard.writeText(location.href); $('share-status').textContent = t('copied'); } catch { $('share-status').textContent = location.href; }
  });
  $('lang').addEventListener('click', () => {
    state.lang = getLang() === 'zh' ? 'en' : 'zh';
    setLang(state.lang); applyStrings(); cy.nodes().forEach((n) => n.data('label', nodeLabel(n.data('raw')))); renderInView(); update({ graph: false });
  });
  const tabs = [...document.querySelectorAll('[role=tab]')];
  for (const b of tabs) {
    b.addEventListener('click', () => showTab(b.dataset.tab));
    b.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(b);
      const j = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : -1;
      if (j >= 0) { e.preventDefault(); tabs[j].focus(); showTab(tabs[j].dataset.tab); }
    });
  }
  $('path-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    writeHash();
    try { await findPaths($('path-cy'), $('path-list'), $('path-status')); } catch (err) { $('path-status').textContent = err.message; }
  });
  // Links to nodes inside the page select them without reloading.
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-node]');
    if (!a || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    select(a.dataset.node);
    $('node-panel').focus();
  });
  window.addEventListener('hashchange', () => { readHash(); setLang(state.lang); applyStrings(); update(); });
  return { from, to };
}

function showTab(tab) {
  state.tab = tab;
  writeHash(); syncControls();
  if (tab === 'graph') { cy.resize(); redrawGraph(); }
  if (tab === 'timeline') renderTimeline($('timeline'), current).catch((e) => { $('timeline').textContent = e.message; });
  if (tab === 'byyear') renderByYear($('byyear-chart'), $('reported')).catch((e) => { $('byyear-chart').textContent = e.message; });
}

async function start() {
  const types = await schema();
  const values = (name) => (types.get(name)?.enumValues || []).map((v) => v.name);
  extendTypes(values('NodeType'), values('RelationshipType'));
  readHash();
  setLang(state.lang);
  applyStrings();
  const { from, to } = wire();
  if (state.from) from.set({ label: state.from });
  if (state.to) to.set({ label: state.to });
  tierSupport().then((tier) => { $('tier-wrap').hidden = !tier; });
  $('year').max = String(new Date().getUTCFullYear());
  syncControls();
  await refreshNode();
  showTab(state.tab);
  if (state.tab === 'paths' && state.from && state.to) $('path-form').requestSubmit();
  followChanges(types, () => update());
}

start();
