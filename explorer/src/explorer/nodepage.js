// A node's page: its properties, every relationship with its qualifiers and sources, and
// the statements and documents about it, read with one query written for its kind.
import { gql } from './api.js';
import { bothNames, nodeLabel, t, valueLabel, qualifierLabel } from './i18n.js';
import { state } from './state.js';
import { ABOUT_TYPES, nodeQuery, typeOfId, UNTIMED } from './nodequery.js';

// Source tiers counted when the reference tier is switched off.
export const CORPUS_ONLY = ['CORPUS'];

export async function loadNode(id, year) {
  let typeName = typeOfId(id);
  if (!typeName) {
    const d = await gql('query NodeType($id: ID!) { node(id: $id) { __typename } }', { id });
    if (!d.node) return null;
    typeName = d.node.__typename;
  }
  const vars = { id };
  if (!UNTIMED.includes(typeName)) { vars.asOf = year === null ? null : String(year); vars.tiers = state.tier ? null : CORPUS_ONLY; }
  const d = await gql(nodeQuery(typeName), vars);
  if (!d.node) return null;
  const n = d.node;
  // Derived chairs come only from `chairs`; a chair both stored and derived (stored: true)
  // replaces the stored one that `relationships` also lists.
  const derived = (n.chairs || []).filter((r) => r.derived);
  const merged = new Set(derived.filter((r) => r.stored).map((r) => r.node.id));
  const all = [...(n.relationships || []).filter((r) => !(r.type === 'CHAIRS' && merged.has(r.node.id))), ...derived];
  const aboutSide = (r) => ABOUT_TYPES.includes(r.type) && ['STATEMENT', 'DOCUMENT'].includes(r.node.type) && n.type !== 'STATEMENT' && n.type !== 'DOCUMENT';
  n.allRelationships = all.filter((r) => !aboutSide(r));
  n.about = all.filter(aboutSide);
  return n;
}

const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, v);
  for (const k of kids) if (k !== null && k !== undefined && k !== false) e.append(k);
  return e;
};
export const nodeLink = (n) => el('a', { href: `#node=${n.id}`, 'data-node': n.id }, nodeLabel(n));
const span = (text, cls) => el('span', { class: cls }, text);
export const period = (r) => `${r.start || '?'} – ${r.end || (r.start ? '' : '?')}`;

// citations lists where a fact comes from; given, when the sources disagree on the
// fact's dates, says beside each citation which dates that passage gives.
export function citations(list, given) {
  if (!list || !list.length) return span('—', 'muted');
  const ul = el('ul', { class: 'cites' });
  for (const c of list) {
    const s = c.source;
    const name = s.key || s.title;
    const a = s.url ? el('a', { href: s.url, rel: 'noreferrer noopener', target: '_blank', title: s.title }, name) : el('a', { href: `#node=${s.id}`, 'data-node': s.id, title: s.title }, name);
    const dates = given ? given(c) : null;
    ul.append(el('li', {}, a, c.locator ? span(` — ${c.locator}`, 'locator') : null, c.quote ? span(` “${c.quote}”`, 'quote') : null,
      dates !== null ? span(` · ${dates}`, 'dates-given') : null));
  }
  return ul;
}

// datesGivenBy returns, for a relationship whose sources disagree on its dates, what
// each citation gives ("from 1956", "gives no date"); null when every source gives the
// dates shown (no date claims).
function datesGivenBy(r) {
  const claims = (r.dateClaims || []).filter((c) => c.rank !== 'DEPRECATED');
  if (!claims.length) return null;
  const word = { START: t('dateFrom'), END: t('dateTo'), ATTESTED: t('attested') };
  return (c) => {
    const mine = claims.filter((dc) => dc.sources.some((s) => s.source.id === c.source.id && s.locator === c.locator));
    return mine.length ? `${t('datesGiven')}: ${mine.map((dc) => `${word[dc.part] || dc.part} ${dc.value}`).join(', ')}` : t('noDateGiven');
  };
}

function relTable(rels) {
  const table = el('table', { class: 'rels' });
  table.append(el('thead', {}, el('tr', {}, ...['colType', 'colWith', 'colRole', 'colDates', 'colHolding', 'colConfidence', 'colVia'].map((h) => el('th', { scope: 'col' }, t(h))))));
  const tb = el('tbody');
  const order = (r) => `${r.type} ${r.start || '9999'} ${r.node.label}`;
  for (const r of [...rels].sort((a, b) => (order(a) < order(b) ? -1 : 1))) {
    const arrow = r.direction === 'INCOMING' ? '←' : '→';
    const dates = [period(r)];
    if (r.attested && r.attested.length) dates.push(`${t('attested')} ${r.attested.join(', ')}`);
    if (r.incompleteList) dates.push(t('incompleteList'));
    const reason = r.holdingReason ? `${valueLabel(r.holdingReason)}${r.holdingReasonDate ? ` (${r.holdingReasonDate})` : ''}` : '';
    tb.append(el('tr', { class: r.derived ? 'derived' : '' },
      el('td', {}, `${arrow} ${valueLabel(r.type)}`), el('td', {}, nodeLink(r.node)), el('td', {}, valueLabel(r.role || r.succession || '')),
      el('td', {}, dates.join(' · ')), el('td', { title: reason },
        r.holding ? span(valueLabel(r.holding), `h-${r.holding}`) : '', reason ? el('div', { class: 'reason' }, reason) : null),
      el('td', { title: r.note || '' }, valueLabel(r.confidence)), el('td', {}, r.via ? el('a', { href: `#node=${r.via.id}`, 'data-node': r.via.id }, nodeLabel({ ...r.via, label: r.via.title })) : '')));
    // Sources get a full-width row of their own: locators are sentences, not codes.
    tb.append(el('tr', { class: `src${r.derived ? ' derived' : ''}` }, el('td', { colspan: '7' },
      r.note ? el('div', { class: 'note' }, r.note) : null, citations(r.sources, datesGivenBy(r)))));
  }
  table.append(tb);
  return table;
}

function aboutSection(n) {
  const sec = el('section', { class: 'about', 'aria-label': t('about') }, el('h3', {}, `${t('about')} (${n.about.length})`));
  if (!n.about.length) { sec.append(el('p', { class: 'muted' }, t('noneAbout'))); return sec; }
  const ul = el('ul');
  for (const r of [...n.about].sort((a, b) => String(a.node.date || a.node.issued || '') < String(b.node.date || b.node.issued || '') ? -1 : 1)) {
    const o = r.node;
    const zh = o.textZh || o.titleZh;
    const text = (state.lang === 'zh' && zh) || o.text || o.title || o.label;
    const date = o.date ? `${o.date}${o.until ? `–${o.until}` : ''}` : o.issued;
    ul.append(el('li', {}, el('a', { href: `#node=${o.id}`, 'data-node': o.id }, text),
      span(` — ${valueLabel(r.type)}${date ? `, ${date}` : ''}, ${valueLabel(r.confidence)}${o.hedge ? ` (${o.hedge})` : ''}`, 'muted'),
      citations(r.sources)));
  }
  sec.append(ul);
  return sec;
}

// Properties shown as key and value, in this order; the rest of the node is drawn apart.
const PROPS = ['name', 'nameZh', 'title', 'titleZh', 'text', 'textZh', 'key', 'authors', 'publisher', 'year', 'value', 'qualifier', 'scope', 'kind', 'system', 'level', 'jurisdiction', 'horizon',
  'categories', 'crossSystem', 'established', 'abolished', 'born', 'died', 'issued', 'date', 'until', 'confidence', 'hedge', 'staffing', 'placement',
  'tier', 'url', 'description', 'note'];

export function renderNode(container, n, { onExpand, onFocus }) {
  container.replaceChildren();
  container.scrollTop = 0;
  if (!n) { container.append(el('p', { class: 'muted' }, t('pick'))); return; }
  const head = el('header', {}, el('span', { class: `type t-${n.type}` }, valueLabel(n.type)), el('h2', { id: 'node-title' }, bothNames(n)));
  const actions = el('div', { class: 'actions' });
  if (n.type !== 'SOURCE' && n.type !== 'REPORTED_COUNT') {
    const ex = el('button', { type: 'button', id: 'expand-node' }, t('expand'));
    ex.addEventListener('click', () => onExpand(n.id));
    const fo = el('button', { type: 'button', id: 'focus-node' }, t('focus'));
    fo.addEventListener('click', () => onFocus(n.id));
    actions.append(ex, fo);
  }
  container.append(head, actions);
  const dl = el('dl', { class: 'props', 'aria-label': t('properties') });
  const add = (k, v) => { dl.append(el('dt', {}, t(`p_${k}`)), el('dd', {}, v)); };
  add('id', n.id);
  for (const k of PROPS) {
    const v = n[k];
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    if (k === 'url') add(k, el('a', { href: v, rel: 'noreferrer noopener', target: '_blank' }, v));
    else if (typeof v === 'boolean') add(k, t(v ? 'yes' : 'no'));
    else if (k === 'qualifier') add(k, qualifierLabel(v));
    else add(k, Array.isArray(v) ? v.map(valueLabel).join(', ') : /^[A-Z_]+$/.test(String(v)) ? valueLabel(v) : String(v));
  }
  if (n.aliases && n.aliases.length) add('aliases', n.aliases.map((a) => a.name + (a.editorial ? '*' : '')).join(', '));
  if (n.citedVia) add('citedVia', nodeLink({ ...n.citedVia, label: n.citedVia.title, type: 'SOURCE' }));
  container.append(dl);
  if (n.sources && n.sources.length) container.append(el('h3', {}, t('sources')), citations(n.sources));
  if (n.allRelationships && n.allRelationships.length) {
    container.append(el('h3', {}, `${t('relationshipsH')} (${n.allRelationships.length})`), relTable(n.allRelationships));
  }
  if (['GROUP', 'PERSON', 'OFFICE', 'INSTITUTION', 'POSITION', 'TOPIC'].includes(n.type)) container.append(aboutSection(n));
}
