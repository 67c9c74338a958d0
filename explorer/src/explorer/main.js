// The Explorer: wires the search, the views and the node page to one state kept in the URL.
import './explorer.css';
import { schema } from './api.js';
import { applyStrings, errorText, getLang, setLang, t, nodeLabel, valueLabel } from './i18n.js';
import { state, readHash, writeHash, extendTypes, inNetwork, NODE_TYPES, REL_TYPES, TABLE_KEYS } from './state.js';
import { combobox } from './search.js';
import { createGraph, draw, exportURL, loadFrames, loadView, runLayout, showFrame, viewCSV, LAYOUTS, TYPE_COLOURS, REL_COLOURS } from './graph.js';
import { applyStyle, ego, hideSelected, METRICS, PROPERTIES, RAMP, showAll, undoHide, UNSCORED } from './analysis.js';
import { loadNode, renderNode } from './nodepage.js';
import { renderTimeline } from './timeline.js';
import { findPaths, pathEnds, renderPaths, showPathMessage } from './paths.js';
import { renderByYear } from './byyear.js';
import { loadRows, renderTable, thisYear } from './tables.js';
import { followChanges, relabelLive } from './live.js';

const $ = (id) => document.getElementById(id);
// ends: the nodes picked as the path's ends, by id, to name them in either language.
const ends = new Map();
let cy, current = null, drawSeq = 0, frames = null, playTimer = null;
// The rows of the table shown and which table and date they are of (tableOf). A change to
// the data empties them, so that the table is read anew, in place.
let tableRows = null, tableOf = null;

function checkboxes(fieldset, values, chosen, colours, onChange) {
  for (const v of values) {
    const label = document.createElement('label');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: v, checked: chosen.includes(v) });
    const sw = Object.assign(document.createElement('span'), { className: 'sw' });
    sw.style.background = colours[v];
    const name = Object.assign(document.createElement('span'), { className: 'value' });
    name.dataset.value = v;
    label.append(box, sw, ' ', name);
    box.addEventListener('change', () => onChange([...fieldset.querySelectorAll('input:checked')].map((b) => b.value)));
    fieldset.append(label);
  }
}

function options(select, values, label) {
  select.replaceChildren(...values.map((v) => Object.assign(document.createElement('option'), { value: v, textContent: label(v) })));
}

// Labels that depend on the language, beyond the data-i18n ones.
function relabel() {
  for (const s of document.querySelectorAll('span.value[data-value]')) s.textContent = valueLabel(s.dataset.value);
  const metric = (m) => t({ DEGREE: 'degree', BETWEENNESS: 'betweenness', PAGERANK: 'pagerank', CHAIRS: 'chairsCount', SEATS: 'seatsCount' }[m]);
  options($('size-by'), ['', ...METRICS], (v) => (v ? metric(v) : t('none')));
  options($('colour-by'), ['', ...METRICS, ...PROPERTIES], (v) => (!v ? t('nodeType') : METRICS.includes(v) ? metric(v) : t(`p_${v}`)));
  options($('layout'), LAYOUTS, (v) => v);
  $('table-choice').replaceChildren(...TABLE_KEYS.map((k) => {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: t(`t_${k}`) });
    b.dataset.table = k;
    b.setAttribute('aria-pressed', String(state.table === k));
    b.addEventListener('click', () => { state.table = k; tableRows = null; state.tableSort = null; writeHash(); refreshTable(); });
    return b;
  }));
  relabelLive();
}

function syncControls() {
  // A view that is no longer a period (a year picked, all years) does not play on.
  if (playTimer && !playing()) { clearInterval(playTimer); playTimer = null; }
  $('all-years').checked = state.year === null && !playing();
  if (state.year !== null) $('year').value = String(state.year);
  $('year-out').textContent = playing() ? `${t('range')} ${state.rangeFrom}–${state.rangeTo}` : state.year === null ? t('allYears') : String(state.year);
  $('depth').value = String(state.depth);
  $('derived').checked = state.derived;
  $('tier').checked = state.tier;
  $('range-from').value = state.rangeFrom ?? '';
  $('range-to').value = state.rangeTo ?? '';
  $('size-by').value = state.sizeBy;
  $('colour-by').value = state.colourBy;
  $('layout').value = state.layout;
  $('table-date').value = String(state.tableDate ?? thisYear());
  // Set only when it differs, so that the caret stays where the reader types.
  if ($('table-filter').value !== state.tableFilter) $('table-filter').value = state.tableFilter;
  for (const b of $('table-choice').querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.table === state.table));
  for (const b of $('node-types').querySelectorAll('input')) b.checked = state.nodeTypes.includes(b.value);
  for (const b of $('rel-types').querySelectorAll('input')) b.checked = state.relTypes.includes(b.value);
  $('lang').textContent = t('lang');
  $('play').textContent = playTimer ? t('pause') : t('play');
  for (const b of document.querySelectorAll('[role=tab]')) {
    const on = b.dataset.tab === state.tab;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    $(`view-${b.dataset.tab}`).hidden = !on;
  }
  for (const [id, f] of [['export-gexf', 'graph.gexf'], ['export-graphml', 'graph.graphml'], ['export-cyjs', 'cytoscape.json']]) {
    $(id).href = viewDrawable() ? exportURL(f) : '#';
    $(id).setAttribute('aria-disabled', String(!viewDrawable()));
  }
}

const playing = () => state.rangeFrom !== null && state.rangeTo !== null;
const typesPicked = () => state.nodeTypes.length > 0 && state.relTypes.length > 0;
// viewDrawable says whether the view names something the network can draw: a node of the
// network, and at least one node type and one relationship type (none picked draws
// nothing, rather than everything as an empty filter would).
const viewDrawable = () => Boolean(state.node) && inNetwork(state.seeds[0] || state.node) && typesPicked();

// syncExports offers the view's exports only when something is drawn: an empty image
// or table says nothing.
function syncExports(drawnNodes) {
  for (const id of ['export-csv', 'export-png', 'export-svg']) $(id).disabled = drawnNodes === 0;
}

async function redrawGraph() {
  const status = $('graph-status');
  if (!state.node) { cy.elements().remove(); syncExports(0); status.textContent = t('pick'); return; }
  if (!inNetwork(state.seeds[0] || state.node)) {
    cy.elements().remove();
    syncExports(0);
    status.dataset.state = 'ready'; status.dataset.nodes = '0'; status.dataset.edges = '0';
    status.textContent = t('notInNetwork');
    return;
  }
  if (!typesPicked()) {
    cy.elements().remove();
    syncExports(0);
    status.dataset.state = 'ready'; status.dataset.nodes = '0'; status.dataset.edges = '0';
    status.textContent = t('noTypes');
    return;
  }
  const mine = ++drawSeq;
  status.textContent = t('loading');
  status.dataset.state = 'loading';
  try {
    const view = playing() ? await loadFrames() : await loadView();
    if (mine !== drawSeq) return;
    frames = playing() ? view.frames : null;
    draw(cy, view, state.layout);
    showAll(cy);
    await restyle();
    if (frames) showYear(state.frame ?? state.rangeFrom);
    else setStatus(view.truncated);
    status.dataset.state = 'ready';
    renderInView();
  } catch (e) {
    // The error is all there is to see: no graph of the view before stays under it.
    if (mine === drawSeq) { cy.elements().remove(); syncExports(0); status.textContent = errorText(e); status.dataset.state = 'error'; }
  }
}

// The status and the legend say the last truncation and categories again when the
// language changes.
let statusTruncated = false, legendStyle;

function setStatus(truncated = statusTruncated) {
  statusTruncated = truncated;
  const status = $('graph-status');
  const shown = cy.nodes().filter((n) => !n.hasClass('absent') && !n.hasClass('hidden'));
  const edges = cy.edges().filter((e) => !e.hasClass('absent') && !e.hasClass('hidden'));
  status.dataset.nodes = String(shown.length);
  syncExports(shown.length);
  status.dataset.edges = String(edges.length);
  const when = frames ? ` · ${state.frame}` : state.year !== null ? ` · ${state.year}` : '';
  status.textContent = `${shown.length} ${t('nodes')}, ${edges.length} ${t('relationships')}${when}${truncated ? ` (${t('truncated')})` : ''}`;
}

// showYear shows one frame of the period, leaving every node where the layout put it.
function showYear(year) {
  if (!frames || !frames.length) return;
  const f = frames.find((x) => x.year === year) || frames[0];
  state.frame = f.year;
  showFrame(cy, f);
  $('frame-out').textContent = `${t('frameOf')} ${f.year} (${frames[0].year}–${frames[frames.length - 1].year})`;
  $('frame-out').dataset.year = String(f.year);
  setStatus(f.truncated);
  renderInView();
  writeHash();
}

function step(delta) {
  if (!frames) return;
  const i = frames.findIndex((f) => f.year === state.frame);
  const next = frames[(i + delta + frames.length) % frames.length];
  showYear(next.year);
}

function togglePlay() {
  if (playTimer) { clearInterval(playTimer); playTimer = null; syncControls(); return; }
  if (!playing()) { $('frame-out').textContent = t('rangeHint'); return; }
  playTimer = setInterval(() => step(1), 900);
  syncControls();
}

// renderStyleLegend says what size and colour show, each colour beside what it stands
// for: a swatch per category, a ramp from low to high for a metric (over which years it
// was scored), and grey for the drawn nodes it gives no score (drawn small).
function renderStyleLegend(style) {
  legendStyle = style;
  const { categories, unscored } = style || {};
  const swatch = (colour, title) => {
    const sw = Object.assign(document.createElement('span'), { className: 'sw' });
    sw.style.background = colour;
    sw.dataset.colour = colour;
    if (title) sw.title = title;
    return sw;
  };
  const parts = [];
  const over = playing() ? ` ${t('scoredOver')} ${state.rangeFrom}–${state.rangeTo}` : '';
  if (state.sizeBy) parts.push([`${t('sizeLegend')}: ${$('size-by').selectedOptions[0]?.textContent || state.sizeBy}${METRICS.includes(state.sizeBy) ? over : ''}`]);
  if (state.colourBy) {
    const what = $('colour-by').selectedOptions[0]?.textContent || state.colourBy;
    const part = [`${t('colourLegend')}: ${what}${METRICS.includes(state.colourBy) ? over : ''}`];
    if (METRICS.includes(state.colourBy)) {
      const ramp = Object.assign(document.createElement('span'), { className: 'ramp' });
      ramp.append(` ${t('low')} `, ...RAMP.map((c) => swatch(c)), ` ${t('high')}`);
      part.push(ramp);
    } else if (categories && categories.size) {
      part.push(' (');
      [...categories.entries()].forEach(([v, colour], i) => {
        const item = Object.assign(document.createElement('span'), { className: 'cat' });
        item.dataset.value = v;
        item.append(swatch(colour), valueLabel(v));
        part.push(...(i ? [', ', item] : [item]));
      });
      part.push(')');
    }
    parts.push(part);
  }
  if (unscored) parts.push([swatch(UNSCORED), `${unscored} ${t('unscored')}`]);
  $('style-legend').replaceChildren(...parts.flatMap((p, i) => (i ? [' · ', ...p] : p)));
}

// restyle sizes and colours the drawing again; a metric the API refuses (betweenness on
// too large a network) is said in the legend, in the API's words.
async function restyle() {
  try {
    renderStyleLegend(await applyStyle(cy));
  } catch (e) {
    $('style-legend').textContent = `${t('styleFailed')}: ${errorText(e)}`;
  }
}

// The nodes in view as buttons: the graph's content for keyboards and screen readers.
function renderInView() {
  $('in-view-list').replaceChildren(...cy.nodes().filter((n) => !n.hasClass('hidden') && !n.hasClass('absent')).sort((a, b) => (a.data('label') < b.data('label') ? -1 : 1)).map((n) => {
    const li = document.createElement('li');
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: `${n.data('label')} (${valueLabel(n.data('type'))})` });
    b.addEventListener('click', () => select(n.id()));
    b.addEventListener('keydown', (e) => { if (e.key === '+') expand(n.id()); });
    b.title = t('inViewKeys');
    li.append(b);
    return li;
  }));
}

async function refreshNode() {
  const panel = $('node-panel');
  if (!state.node) { current = null; renderNode(panel, null, {}); return; }
  const want = state.node;
  panel.dataset.state = 'loading';
  try {
    const n = await loadNode(want, state.year);
    if (want !== state.node) return;
    if (!n) throw Object.assign(new Error(want), { code: 'NOT_FOUND' });
    current = n;
    if (current && document.activeElement !== $('search')) $('search').value = nodeLabel(current);
    renderNode(panel, current, { onExpand: expand, onFocus: focus });
    panel.dataset.state = 'ready';
  } catch (e) {
    if (want !== state.node) return;
    // Nothing of the node before stays on screen: not its page, not its timeline.
    current = null;
    panel.dataset.state = 'error';
    panel.replaceChildren(Object.assign(document.createElement('p'), { className: 'load-error', textContent: errorText(e) }));
    panel.dataset.node = want;
    if (state.tab === 'timeline') $('timeline').textContent = errorText(e);
    return;
  }
  panel.dataset.node = want;
  if (state.tab === 'timeline') renderTimeline($('timeline'), current).catch((e) => { $('timeline').textContent = errorText(e); });
}

// refreshTable draws the table, reading its rows when they are not those of the table and
// date asked for (another table, another date, or the data changed). The rows drawn stay
// until the new ones are in; the sort, the filter and the scroll are kept.
async function refreshTable() {
  const table = $('node-table');
  const date = String(state.tableDate ?? thisYear());
  const of = `${state.table}@${date}`;
  const wanted = () => of === `${state.table}@${String(state.tableDate ?? thisYear())}`;
  table.dataset.state = 'loading';
  try {
    if (!tableRows || tableOf !== of) {
      const rows = await loadRows(state.table, date);
      // Rows of a table or date no longer asked for are not drawn.
      if (!wanted()) return;
      tableRows = rows; tableOf = of;
    }
    const view = $('view-tables'), top = view.scrollTop, left = view.scrollLeft;
    const count = renderTable(table, state.table, tableRows, {
      sort: state.tableSort, filter: state.tableFilter,
      onSort: (s) => { state.tableSort = s; writeHash(); refreshTable(); },
      onOpen: (id) => { state.node = id; state.seeds = [id]; state.tab = 'graph'; update(); },
    });
    view.scrollTop = top; view.scrollLeft = left;
    $('table-count').textContent = `${count} ${t('rows')}`;
    table.dataset.state = 'ready';
    table.dataset.table = state.table;
  } catch (e) {
    if (!wanted()) return;
    table.dataset.state = 'error';
    $('table-count').textContent = errorText(e);
  }
}

const refreshByYear = () => renderByYear($('byyear-chart'), $('reported')).catch((e) => { $('byyear-chart').textContent = errorText(e); });
const refreshTimeline = () => renderTimeline($('timeline'), current).catch((e) => { $('timeline').textContent = errorText(e); });

// update shows the state in every part of the page that shows it; it settles once they have.
function update({ graph = true, node = true } = {}) {
  writeHash();
  syncControls();
  const work = [];
  if (graph && state.tab === 'graph') work.push(redrawGraph());
  if (node) work.push(refreshNode());
  else if (state.tab === 'timeline') work.push(refreshTimeline());
  if (state.tab === 'tables') work.push(refreshTable());
  if (state.tab === 'byyear') work.push(refreshByYear());
  return Promise.all(work);
}

// Selecting a node in view opens its page and keeps the graph; one out of view recentres it.
function select(id) {
  const inView = cy.getElementById(id).nonempty();
  state.node = id;
  if (!inView) state.seeds = [id];
  update({ graph: !inView });
  cy.nodes(':selected').unselect();
  cy.getElementById(id).select();
}
function expand(id) {
  if (!state.seeds.includes(id)) state.seeds.push(id);
  const moved = id !== state.node;
  state.node = id;
  update({ node: moved });
}
function focus(id) { state.node = id; state.seeds = [id]; update(); }

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function readRange() {
  const from = Number($('range-from').value), to = Number($('range-to').value);
  if ($('range-from').value && $('range-to').value && from <= to && to - from < 200) {
    state.rangeFrom = from; state.rangeTo = to;
    if (state.frame === null || state.frame < from || state.frame > to) state.frame = from;
    state.year = null;
  } else { state.rangeFrom = state.rangeTo = state.frame = null; }
}

function wire() {
  cy = createGraph($('cy'), { onSelect: select, onExpand: expand });
  combobox($('search'), (n) => { state.node = n.id; state.seeds = [n.id]; if (state.tab === 'paths' || state.tab === 'byyear' || state.tab === 'tables') state.tab = 'graph'; update(); });
  // A path's ends are the nodes picked: text changed by hand unpicks the end, and is
  // resolved on Find only when it names one node exactly.
  const from = combobox($('path-from'), (n) => { state.from = n.id; ends.set(n.id, n); writeHash(); }, { onEdit: () => { state.from = null; } });
  const to = combobox($('path-to'), (n) => { state.to = n.id; ends.set(n.id, n); writeHash(); }, { onEdit: () => { state.to = null; } });
  checkboxes($('node-types'), NODE_TYPES, state.nodeTypes, TYPE_COLOURS, (v) => { state.nodeTypes = v; update({ node: false }); });
  checkboxes($('rel-types'), REL_TYPES, state.relTypes, REL_COLOURS, (v) => { state.relTypes = v; update({ node: false }); });
  let yearTimer;
  $('year').addEventListener('input', () => {
    state.year = Number($('year').value);
    state.rangeFrom = state.rangeTo = state.frame = null;
    $('year-out').textContent = String(state.year);
    $('all-years').checked = false;
    clearTimeout(yearTimer);
    yearTimer = setTimeout(() => update(), 150);
  });
  $('all-years').addEventListener('change', () => { state.year = $('all-years').checked ? null : Number($('year').value); update(); });
  $('depth').addEventListener('change', () => { state.depth = Number($('depth').value); update({ node: false }); });
  $('derived').addEventListener('change', () => { state.derived = $('derived').checked; update({ node: false }); });
  $('tier').addEventListener('change', () => { state.tier = $('tier').checked; update(); });
  for (const id of ['range-from', 'range-to']) $(id).addEventListener('change', () => {
    // A range is given once both years are: a year typed into one box waits for the
    // other, rather than clearing both (update would write the cleared range back).
    if (Boolean($('range-from').value) !== Boolean($('range-to').value)) return;
    readRange(); update({ node: false });
  });
  $('play').addEventListener('click', togglePlay);
  $('frame-prev').addEventListener('click', () => step(-1));
  $('frame-next').addEventListener('click', () => step(1));
  $('size-by').addEventListener('change', () => { state.sizeBy = $('size-by').value; writeHash(); restyle(); });
  $('colour-by').addEventListener('change', () => { state.colourBy = $('colour-by').value; writeHash(); restyle(); });
  $('layout').addEventListener('change', () => { state.layout = $('layout').value; writeHash(); runLayout(cy, state.layout); });
  $('hide').addEventListener('click', () => { hideSelected(cy); setStatus(); renderInView(); });
  $('undo').addEventListener('click', () => { undoHide(cy); setStatus(); renderInView(); });
  $('show-all').addEventListener('click', () => { showAll(cy); setStatus(); renderInView(); });
  $('ego').addEventListener('click', () => { if (state.node) { ego(cy, state.node, Number($('ego-hops').value)); setStatus(); renderInView(); } });
  $('controls').addEventListener('submit', (e) => e.preventDefault());
  $('table-form').addEventListener('submit', (e) => e.preventDefault());
  $('table-filter').addEventListener('input', () => { state.tableFilter = $('table-filter').value; writeHash(); refreshTable(); });
  $('table-date').addEventListener('change', () => {
    const y = $('table-date').value;
    state.tableDate = /^\d{4}$/.test(y) ? Number(y) : null;
    tableRows = null; writeHash(); refreshTable();
  });
  $('export-csv').addEventListener('click', () => download('lsg-atlas-view.csv', new Blob([viewCSV(cy)], { type: 'text/csv' })));
  $('export-png').addEventListener('click', () => download('lsg-atlas-view.png', cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' })));
  $('export-svg').addEventListener('click', () => download('lsg-atlas-view.svg', new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' })));
  $('share').addEventListener('click', async () => {
    writeHash();
    try { await navigator.clipboard.writeText(location.href); $('share-status').textContent = t('copied'); } catch { $('share-status').textContent = location.href; }
  });
  $('lang').addEventListener('click', () => {
    state.lang = getLang() === 'zh' ? 'en' : 'zh';
    setLang(state.lang); applyStrings(); relabel(); cy.nodes().forEach((n) => n.data('label', nodeLabel(n.data('raw')))); renderInView();
    update({ graph: false });
    setStatus(); renderStyleLegend(legendStyle);
    // The paths' ends, status, list and labels in the new language.
    for (const [key, box] of [['from', from], ['to', to]]) if (state[key] && ends.has(state[key])) box.set(ends.get(state[key]));
    renderPaths($('path-cy'), $('path-list'), $('path-status'));
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
    const out = [$('path-cy'), $('path-list'), $('path-status')];
    try {
      for (const [key, box, input] of [['from', from, $('path-from')], ['to', to, $('path-to')]]) {
        if (state[key] || !input.value.trim()) continue;
        const node = await box.resolve();
        if (!node) { writeHash(); showPathMessage(...out, 'pickSuggestion', input.value.trim()); return; }
        state[key] = node.id;
        ends.set(node.id, node);
      }
      writeHash();
      await findPaths(...out);
    } catch (err) { $('path-status').textContent = errorText(err); }
  });
  // Links to nodes inside the page select them without reloading.
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-node]');
    if (!a || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    select(a.dataset.node);
    $('node-panel').focus();
  });
  window.addEventListener('hashchange', () => {
    const table = [state.table, state.tableDate], was = { from: state.from, to: state.to };
    readHash(); setLang(state.lang); applyStrings(); relabel();
    // A link to another table or table date reads its rows anew.
    if (table[0] !== state.table || table[1] !== state.tableDate) tableRows = null;
    update();
    // A link to other ends of a path shows them, and the paths between them.
    const moved = [['from', from], ['to', to]].filter(([key]) => state[key] !== was[key]);
    if (moved.length) followEnds(moved).catch((err) => { $('path-status').textContent = errorText(err); });
  });
  // followEnds shows the ends the hash names in the path boxes (their names read when not
  // known yet; an end the hash drops empties its box), then looks for the paths between them.
  async function followEnds(moved) {
    const want = { from: state.from, to: state.to };
    const unnamed = moved.map(([key]) => state[key]).filter((id) => id && !ends.has(id));
    if (unnamed.length) {
      try {
        for (const [id, n] of await pathEnds(unnamed)) ends.set(id, n);
      } catch { /* the ends stay unnamed; Find still searches them */ }
    }
    // Another link followed meanwhile has the last word.
    if (state.from !== want.from || state.to !== want.to) return;
    for (const [key, box] of moved) box.set(state[key] ? ends.get(state[key]) || { label: state[key] } : null);
    // The paths shown are those between the ends shown (or the reason there are none).
    if (state.tab === 'paths') $('path-form').requestSubmit();
  }
  // The skip link moves the focus to the node page; the hash stays the view's state.
  document.querySelector('a.skip')?.addEventListener('click', (e) => {
    e.preventDefault();
    const panel = $('node-panel');
    if (!panel.hasAttribute('tabindex')) panel.setAttribute('tabindex', '-1');
    panel.focus();
  });
  return { from, to };
}

function showTab(tab) {
  state.tab = tab;
  writeHash(); syncControls();
  // The graph is laid out in a visible container only, so that it is centred.
  if (tab === 'graph') { cy.resize(); redrawGraph(); }
  if (tab === 'timeline') refreshTimeline();
  if (tab === 'byyear') refreshByYear();
  if (tab === 'tables') refreshTable();
}

async function start() {
  const types = await schema();
  const values = (name) => (types.get(name)?.enumValues || []).map((v) => v.name);
  extendTypes(values('NodeType'), values('RelationshipType'));
  readHash();
  setLang(state.lang);
  applyStrings();
  const { from, to } = wire();
  relabel();
  // A link names the ends by id: they are shown by name.
  const linked = [state.from, state.to].filter(Boolean);
  if (linked.length) {
    try {
      for (const [id, n] of await pathEnds(linked)) ends.set(id, n);
    } catch { /* the ends stay unnamed; Find still searches them */ }
    for (const [key, box] of [['from', from], ['to', to]]) if (state[key]) box.set(ends.get(state[key]) || { label: state[key] });
  }
  $('tier-wrap').hidden = false;
  $('year').max = String(new Date().getUTCFullYear());
  syncControls();
  await refreshNode();
  showTab(state.tab);
  if (state.tab === 'paths' && state.from && state.to) $('path-form').requestSubmit();
  // A change to the data: every view shows it, the table and the counts by year read anew.
  followChanges(types, () => { tableRows = null; return update(); });
}

start();
