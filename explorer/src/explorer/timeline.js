// A node's life over the years: its events (established, renamed, succeeded, abolished)
// as marks, and its chairs, members and other relationships as bars from start to end.
import { gql } from './api.js';
import { nodeLabel, t, valueLabel } from './i18n.js';
import { REL_COLOURS } from './graph.js';
import { inNetwork } from './state.js';

const TIMELINE = `query Timeline($id: ID!) { timeline(id: $id) {
  kind date succession other { id type label } sources { locator source { id key } } } }`;

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs = {}, text) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};
const yearOf = (d) => (d ? Number(String(d).slice(0, 4)) : null);
const NOW = new Date().getUTCFullYear();

export async function renderTimeline(container, node) {
  container.replaceChildren();
  if (!node) { container.textContent = t('pick'); return; }
  if (!inNetwork(node.id)) { container.textContent = t('noTimeline'); return; }
  container.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: t('loading') }));
  const d = await gql(TIMELINE, { id: node.id });
  const events = d.timeline.filter((e) => ['ESTABLISHED', 'ABOLISHED', 'SUCCEEDED', 'PRECEDED'].includes(e.kind) && e.date);
  // Undated facts are kept: on a group's timeline they may hold anywhere in its life.
  const lifeStart = yearOf(node.established);
  const bars = (node.allRelationships || []).filter((r) => r.start || r.end || (r.attested && r.attested.length) || lifeStart !== null);
  const years = [...events.map((e) => yearOf(e.date)), ...bars.flatMap((r) => [yearOf(r.start), yearOf(r.end), ...(r.attested || []).map(yearOf)])]
    .filter((y) => y !== null);
  container.replaceChildren();
  if (!years.length) { container.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: t('noDated') })); return; }
  const lo = Math.min(...years) - 1, hi = Math.max(NOW, ...years) + 1;
  // A fact with no known end runs, on the chart, until the group was abolished (or now).
  const openEnd = yearOf(node.abolished) ?? hi - 1;
  const order = { CHAIRS: 0, MEMBER_OF: 1 };
  bars.sort((a, b) => (order[a.type] ?? 2) - (order[b.type] ?? 2) || (yearOf(a.start) ?? 9999) - (yearOf(b.start) ?? 9999) || (a.node.label < b.node.label ? -1 : 1));
  const left = 230, width = Math.max(560, container.clientWidth - 20), rowH = 16, top = 46;
  const x = (y) => left + ((y - lo) / (hi - lo)) * (width - left - 10);
  const height = top + bars.length * rowH + 24;
  const root = svg('svg', { width, height, role: 'img', 'aria-label': `${t('timeline')}: ${nodeLabel(node)}`, class: 'timeline' });
  for (let y = Math.ceil(lo / 5) * 5; y <= hi; y += 5) {
    root.append(svg('line', { x1: x(y), x2: x(y), y1: top - 6, y2: height - 20, class: 'grid' }), svg('text', { x: x(y), y: height - 6, class: 'axis' }, String(y)));
  }
  events.forEach((e, i) => {
    const g = svg('g', { class: `event ev-${e.kind}` });
    const ex = x(yearOf(e.date)), right = ex > width - 160;
    g.append(svg('line', { x1: ex, x2: ex, y1: 8, y2: height - 20 }),
      svg('text', { x: right ? ex - 3 : ex + 3, y: 12 + (i % 3) * 11, 'text-anchor': right ? 'end' : 'start' }, `${valueLabel(e.kind)} ${e.date}${e.other ? ` · ${nodeLabel(e.other)}` : ''}`),
      svg('title', {}, `${e.kind} ${e.date} ${e.other ? e.other.label : ''} — ${e.sources.map((s) => s.source.key).join(', ')}`));
    root.append(g);
  });
  bars.forEach((r, i) => {
    const yy = top + i * rowH;
    const s = yearOf(r.start), en = yearOf(r.end);
    const colour = REL_COLOURS[r.type] || '#888';
    const row = svg('g', { class: `bar rel-${r.type}${r.derived ? ' derived' : ''}` });
    const full = `${r.type === 'CHAIRS' ? '★ ' : ''}${nodeLabel(r.node)}${r.role ? ` (${valueLabel(r.role)})` : ''}${r.derived ? ` (${t('colVia')} ${nodeLabel({ ...r.via, label: r.via?.title })})` : ''}`;
    row.append(svg('text', { x: left - 6, y: yy + 11, class: 'rowlabel' }, full.length > 38 ? `${full.slice(0, 36)}…` : full));
    const undated = s === null && en === null && !(r.attested && r.attested.length);
    if (undated && lifeStart !== null) {
      row.classList.add('undated');
      row.append(svg('rect', { x: x(lifeStart), y: yy + 2, width: Math.max(3, x(openEnd + 1) - x(lifeStart)), height: rowH - 5, fill: colour, 'fill-opacity': 0.15, stroke: colour, 'stroke-dasharray': '3 2', rx: 2 }));
    }
    if (s !== null || en !== null) {
      const from = s ?? en, to = en ?? Math.max(from, openEnd);
      row.append(svg('rect', { x: x(from), y: yy + 2, width: Math.max(3, x(to + 1) - x(from)), height: rowH - 5, fill: colour,
        'fill-opacity': r.end ? 0.85 : 0.45, rx: 2 }));
    }
    for (const a of r.attested || []) row.append(svg('circle', { cx: x(yearOf(a) + 0.5), cy: yy + rowH / 2, r: 4, fill: colour }));
    row.append(svg('title', {}, `${full} · ${r.type}: ${undated ? 'undated' : `${r.start || '?'} – ${r.end || ''}`}${r.holding ? ` · ${r.holding}` : ''}`));
    root.append(row);
  });
  container.append(root);
}
