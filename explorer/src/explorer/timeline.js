// A node's life over the years: its events (established, renamed, succeeded, abolished)
// as marks, and its chairs, members and other relationships as bars from start to end.
import { gql } from './api.js';
import { TIMELINE } from './queries.js';
import { nodeLabel, t, valueLabel } from './i18n.js';
import { REL_COLOURS } from './graph.js';
import { inNetwork } from './state.js';
import { barSpan, lifeOf, yearOf } from './spans.js';


const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs = {}, text) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};
const NOW = new Date().getUTCFullYear();

export async function renderTimeline(container, node) {
  container.replaceChildren();
  if (!node) { container.textContent = t('pick'); return; }
  if (!inNetwork(node.id)) { container.textContent = t('noTimeline'); return; }
  container.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: t('loading') }));
  const others = [...new Set((node.allRelationships || []).filter((r) => inNetwork(r.node.id)).map((r) => r.node.id))].slice(0, 1000);
  const d = await gql(TIMELINE, { id: node.id, others });
  const lives = new Map((d.nodes || []).filter(Boolean).map((n) => [n.id, lifeOf(n)]));
  const events = d.timeline.filter((e) => ['ESTABLISHED', 'ABOLISHED', 'SUCCEEDED', 'PRECEDED'].includes(e.kind) && e.date);
  // Each bar lies within the lives of both its ends (spans.js): undated facts are kept, over
  // the life of the group they lie in, as are facts with only attestations (dots).
  const own = lifeOf(node);
  const spans = new Map((node.allRelationships || []).map((r) => [r, barSpan(r, own, lives.get(r.node.id) || lifeOf(null), NOW)]));
  const bars = (node.allRelationships || []).filter((r) => spans.get(r) || (r.attested && r.attested.length));
  const years = [...events.map((e) => yearOf(e.date)), ...bars.flatMap((r) => [spans.get(r)?.from ?? null, yearOf(r.end), ...(r.attested || []).map(yearOf)])]
    .filter((y) => y !== null);
  container.replaceChildren();
  if (!years.length) { container.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: t('noDated') })); return; }
  const lo = Math.min(...years) - 1, hi = Math.max(NOW, ...years) + 1;
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
      svg('title', {}, `${valueLabel(e.kind)} ${e.date}${e.other ? ` ${nodeLabel(e.other)}` : ''} — ${e.sources.map((s) => s.source.key).join(', ')}`));
    root.append(g);
  });
  // Chairs inferred through a post (derived, no source states them) are hatched.
  const hatch = svg('pattern', { id: 'derived-hatch', width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(svg('rect', { width: 5, height: 5, fill: '#fff' }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 5, stroke: REL_COLOURS.CHAIRS, 'stroke-width': 3 }));
  const defs = svg('defs');
  defs.append(hatch);
  root.prepend(defs);
  // Labels are measured once drawn, so the chart goes into the page first.
  container.append(root);
  bars.forEach((r, i) => {
    const yy = top + i * rowH;
    const s = yearOf(r.start), en = yearOf(r.end);
    const colour = REL_COLOURS[r.type] || '#888';
    const inferred = r.derived && !r.stored;
    const row = svg('g', { class: `bar rel-${r.type}${inferred ? ' derived' : ''}` });
    const via = r.derived && r.via ? ` (${t('colVia')} ${nodeLabel({ ...r.via, label: r.via.title })})` : '';
    const name = `${nodeLabel(r.node)}${r.role ? ` (${valueLabel(r.role)})` : ''}`;
    const star = r.type === 'CHAIRS' ? '★ ' : '';
    const full = `${star}${name}${via}`;
    const label = svg('text', { x: left - 6, y: yy + 11, class: 'rowlabel' }, full);
    row.append(label);
    root.append(row);
    // The name gives way, never the post a chair is derived through: the row must say so.
    fitLabel(label, star, name, via, left - 10);
    const span = spans.get(r);
    const undated = s === null && en === null && !(r.attested && r.attested.length);
    if (span?.undated) {
      row.classList.add('undated');
      row.append(svg('rect', { x: x(span.from), y: yy + 2, width: Math.max(3, x(span.to + 1) - x(span.from)), height: rowH - 5, fill: colour, 'fill-opacity': 0.15, stroke: colour, 'stroke-dasharray': '3 2', rx: 2 }));
    } else if (span) {
      row.append(svg('rect', { x: x(span.from), y: yy + 2, width: Math.max(3, x(span.to + 1) - x(span.from)), height: rowH - 5,
        ...(inferred ? { fill: 'url(#derived-hatch)', stroke: colour, 'stroke-dasharray': '4 2' } : { fill: colour, 'fill-opacity': r.end ? 0.85 : 0.45 }), rx: 2 }));
    }
    if (span) { row.dataset.from = String(span.from); row.dataset.to = String(span.to); }
    for (const a of r.attested || []) row.append(svg('circle', { cx: x(yearOf(a) + 0.5), cy: yy + rowH / 2, r: 4, fill: colour }));
    row.append(svg('title', {}, `${full} · ${valueLabel(r.type)}${inferred ? ` (${t('inferred')})` : ''}: ${undated ? t('undated') : `${r.start || '?'} – ${r.end || ''}`}${r.holding ? ` · ${valueLabel(r.holding)}` : ''}`));
  });
}

// fitLabel shortens a row's name (with "…") until the label fits in width pixels left of
// the bars, keeping its star and the post a chair is derived through whole.
function fitLabel(text, star, name, via, width) {
  const measure = () => text.getComputedTextLength() || estimate(text.textContent);
  let n = name;
  while (measure() > width && n.length > 1) {
    n = n.slice(0, -1);
    text.textContent = `${star}${n.trimEnd()}…${via}`;
  }
  if (measure() > width) text.textContent = `${star}…${via}`;
}

// A width for text not laid out (a hidden tab): 11px type, CJK characters square.
const estimate = (s) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 11 : 6.2), 0);
