// Groups known and possibly active in each year, beside the counts studies reported.
import { gql } from './api.js';
import { t, valueLabel, qualifierLabel } from './i18n.js';

const SERIES = `query Series($from: Int!, $to: Int!, $levels: [Level!]) {
  activeGroupsByYear(fromYear: $from, toYear: $to, levels: $levels) {
    years { year groups { known possible } }
    reportedCounts { id year value qualifier scope sources { source { key } locator } }
  }
}`;
const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs = {}, text) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

export async function renderByYear(chart, table, { from = 1950, to = new Date().getUTCFullYear(), levels = null } = {}) {
  const d = (await gql(SERIES, { from, to, levels })).activeGroupsByYear;
  const max = Math.max(1, ...d.years.map((y) => y.groups.known + y.groups.possible), ...d.reportedCounts.map((c) => c.value));
  const W = Math.max(640, chart.clientWidth - 10), H = 300, L = 40, B = 24, T = 10;
  const bw = (W - L - 10) / d.years.length;
  const x = (year) => L + (year - from) * bw;
  const y = (v) => H - B - (v / max) * (H - B - T);
  const root = svg('svg', { width: W, height: H, role: 'img', class: 'byyear', 'aria-label': `${t('byYear')} ${from}–${to}` });
  for (let v = 0; v <= max; v += Math.max(1, Math.ceil(max / 5 / 10) * 10)) {
    root.append(svg('line', { x1: L, x2: W - 10, y1: y(v), y2: y(v), class: 'grid' }), svg('text', { x: L - 4, y: y(v) + 3, class: 'axis', 'text-anchor': 'end' }, String(v)));
  }
  for (const yr of d.years) {
    const { known, possible } = yr.groups;
    const g = svg('g', { class: 'year' });
    g.append(svg('rect', { x: x(yr.year), y: y(known), width: Math.max(1, bw - 1), height: y(0) - y(known), class: 'known' }),
      svg('rect', { x: x(yr.year), y: y(known + possible), width: Math.max(1, bw - 1), height: y(known) - y(known + possible), class: 'possible' }),
      svg('title', {}, `${yr.year}: ${known} ${t('known')}, ${possible} ${t('possible')}`));
    root.append(g);
    if (yr.year % 10 === 0) root.append(svg('text', { x: x(yr.year), y: H - 8, class: 'axis' }, String(yr.year)));
  }
  for (const c of d.reportedCounts) {
    const cx = x(c.year) + bw / 2, cy = y(c.value);
    const m = svg('g', { class: 'reported' });
    m.append(svg('path', { d: `M${cx} ${cy - 5}L${cx + 5} ${cy}L${cx} ${cy + 5}L${cx - 5} ${cy}Z` }),
      svg('title', {}, `${c.year}: ${qualifierLabel(c.qualifier)} ${c.value} — ${c.scope} (${c.sources.map((s) => s.source.key).join(', ')})`));
    root.append(m);
  }
  chart.replaceChildren(root);
  const rows = d.reportedCounts.map((c) => {
    const tr = document.createElement('tr');
    for (const v of [c.year, `${qualifierLabel(c.qualifier)} ${c.value}`, c.scope, c.sources.map((s) => `${s.source.key}${s.locator ? ` (${s.locator})` : ''}`).join('; ')]) {
      const td = document.createElement('td'); td.textContent = v; tr.append(td);
    }
    return tr;
  });
  table.tBodies[0].replaceChildren(...rows);
}
