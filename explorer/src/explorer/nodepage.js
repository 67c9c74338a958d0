// A node's page: its properties, every relationship with its qualifiers and sources, and
// whatever statements or documents the schema relates to it.
import { gql, namedType, requiredArgs, schema } from './api.js';
import { bothNames, nodeLabel, t } from './i18n.js';
import { state } from './state.js';
import { tierSupport } from './graph.js';

// A citation: where in the source (locator) and, for the corpus, the exact words there (quote).
const CITE = 'sources { locator quote source { id key title url date } }';
let REL = `id type direction role succession start end attested incompleteList confidence note holding derived
  via { id title titleZh } node { id type label ... on Group { nameZh } ... on Person { nameZh } ... on Office { nameZh }
  ... on Institution { nameZh } ... on Position { titleZh } } ${CITE}`;
const COMMON = `description aliases { name editorial } ${CITE}`;

const PROPS = {
  Group: 'name nameZh kind system level jurisdiction horizon categories crossSystem established abolished',
  Person: 'name nameZh', Office: 'name nameZh officeKind: kind staffing placement',
  Institution: 'name nameZh institutionKind: kind system', Position: 'title titleZh',
};

// Field names that, on a node type, lead to statements, topics or documents about it.
const ABOUT = /statement|document|topic|mention|quote/i;

// aboutSelections maps each node type to the selection of its statement, topic and
// document fields that the schema (a map of introspected types by name) offers.
export function aboutSelections(types) {
  const sel = {};
  for (const tn of Object.keys(PROPS)) {
    const ty = types.get(tn);
    if (!ty) continue;
    const parts = [];
    for (const f of ty.fields || []) {
      if (!ABOUT.test(f.name) || requiredArgs(f)) continue;
      const it = types.get(namedType(f.type).name);
      if (!it) continue;
      if (it.kind === 'SCALAR' || it.kind === 'ENUM') { parts.push(f.name); continue; }
      const inner = it.name === 'Relationship' ? `{ ${REL} ${nodeExtras(types)} }` : selectionOf(types, it.name, 0);
      if (inner) parts.push(`${f.name} ${inner}`);
    }
    if (parts.length) sel[tn] = parts.join(' ');
  }
  return sel;
}

const has = (types, tn, f) => (types.get(tn)?.fields || []).some((x) => x.name === f);

// nodeExtras reads, on the far end of a statement or document relationship, what makes
// it readable: a statement's text and date, a document's title and date of issue.
function nodeExtras(types) {
  const want = { Statement: ['text', 'textZh', 'date', 'until', 'hedge'], Document: ['title', 'titleZh', 'issued'] };
  const parts = [];
  for (const [tn, fields] of Object.entries(want)) {
    const got = fields.filter((f) => has(types, tn, f));
    if (got.length) parts.push(`... on ${tn} { ${got.map((f) => `${tn}__${f}: ${f}`).join(' ')} }`);
  }
  return parts.length ? `about: node { id ${parts.join(' ')} }` : '';
}

// genericFragments covers node types this page was not written for (topics, statements,
// documents…): their scalar fields, aliased by type so that they cannot clash, their
// sources and their relationships.
export function genericFragments(types) {
  const known = new Set([...Object.keys(PROPS), 'Source', 'ReportedCount']);
  const out = [];
  for (const ty of types.values()) {
    if (ty.kind !== 'OBJECT' || known.has(ty.name) || !(ty.interfaces || []).some((i) => i.name === 'GraphNode')) continue;
    const parts = [];
    for (const f of ty.fields || []) {
      if (requiredArgs(f) || ['id', 'type', 'label'].includes(f.name)) continue;
      const inner = types.get(namedType(f.type).name);
      if (inner && (inner.kind === 'SCALAR' || inner.kind === 'ENUM')) parts.push(`${ty.name}__${f.name}: ${f.name}`);
    }
    if (has(types, ty.name, 'sources')) parts.push(CITE);
    const rel = (ty.fields || []).find((f) => f.name === 'relationships');
    if (rel) parts.push(`relationships${rel.args.some((a) => a.name === 'asOf') ? '(asOf: $asOf)' : ''} { ${REL} }`);
    out.push(`... on ${ty.name} { ${parts.join(' ')} }`);
  }
  return out.join(' ');
}

// selectionOf picks a readable selection of a type: its scalar fields, and id/label (or a
// citation's locator and source) of the objects it points to, two levels deep at most.
function selectionOf(types, name, depth) {
  const ty = types.get(name);
  if (!ty || !['OBJECT', 'INTERFACE'].includes(ty.kind)) return '';
  const parts = ['__typename'];
  for (const f of ty.fields || []) {
    if (requiredArgs(f)) continue;
    const inner = namedType(f.type);
    const it = types.get(inner.name);
    if (!it || it.kind === 'SCALAR' || it.kind === 'ENUM') parts.push(f.name);
    else if (depth < 1 && ['OBJECT', 'INTERFACE', 'UNION'].includes(it.kind)) {
      const has = (n) => (it.fields || []).some((x) => x.name === n);
      if (has('id') && has('label')) parts.push(`${f.name} { id label }`);
      else if (has('locator')) {
        const src = (types.get('Source')?.fields || []).some((x) => x.name === 'url') ? 'id title url' : 'id title';
        parts.push(`${f.name} { locator${has('quote') ? ' quote' : ''} source { ${src} } }`);
      }
      else if (it.kind !== 'UNION') { const s = selectionOf(types, inner.name, depth + 1); if (s) parts.push(`${f.name} ${s}`); }
    }
  }
  return `{ ${parts.join(' ')} }`;
}

// Qualifiers some releases add to relationships: whether a chair is also stored, and why
// a fact is KNOWN or POSSIBLE at the date asked about.
const OPTIONAL_REL = ['stored', 'holdingReason', 'holdingReasonDate'];
let relExtended = false;

export async function loadNode(id, year) {
  const types = await schema();
  if (!relExtended) {
    relExtended = true;
    const extra = OPTIONAL_REL.filter((f) => has(types, 'Relationship', f));
    if (extra.length) REL = `${REL} ${extra.join(' ')}`;
  }
  const about = aboutSelections(types);
  const generic = genericFragments(types);
  try {
    return await queryNode(id, year, about, generic);
  } catch (e) {
    // A field this page did not expect must not cost the rest of the page.
    if (!Object.keys(about).length && !generic) throw e;
    const n = await queryNode(id, year, {}, '');
    if (n) n.aboutError = e.message;
    return n;
  }
}

async function queryNode(id, year, about, generic) {
  const support = state.tier ? null : await tierSupport();
  const tiers = support && support.relationships ? support : null;
  const relArgs = `asOf: $asOf${tiers ? `, ${tiers.relationships}: $tiers` : ''}`;
  const frag = (tn, extra = '') => `... on ${tn} { ${PROPS[tn]} ${COMMON} ${extra} relationships(${relArgs}) { ${REL} } ${about[tn] || ''} }`;
  const q = `query Node($id: ID!, $asOf: PartialDate${tiers ? `, $tiers: ${tiers.type}` : ''}) { node(id: $id) { id ... on GraphNode { type label }
    ${frag('Group', `chairs(asOf: $asOf) { ${REL} }`)}
    ${frag('Person', `chairs(asOf: $asOf) { ${REL} }`)}
    ${frag('Office')} ${frag('Institution')} ${frag('Position')}
    ... on Source { key title authors publisher date url sourceKind: kind note citedVia { id title } } ${generic} } }`;
  const d = await gql(q, { id, asOf: year === null ? null : String(year), ...(tiers ? { tiers: tiers.values } : {}) });
  if (!d.node) return null;
  const n = d.node;
  // Derived chairs come only from `chairs` (whose defaults include them in every release).
  // Where a release merges a stored and a derived chair into one (stored: true), that one
  // replaces the stored chair that `relationships` also lists.
  const derived = (n.chairs || []).filter((r) => r.derived);
  const merged = new Set(derived.filter((r) => r.stored === true).map((r) => r.node.id));
  n.allRelationships = [...(n.relationships || []).filter((r) => !(r.type === 'CHAIRS' && merged.has(r.node.id))), ...derived];
  n.aboutFields = Object.keys(n).filter((k) => ABOUT.test(k) && !k.includes('__'));
  return n;
}

const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, v);
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
};
export const nodeLink = (n) => el('a', { href: `#node=${n.id}`, 'data-node': n.id }, nodeLabel(n));
const span = (text, cls) => el('span', { class: cls }, text);
export const period = (r) => `${r.start || '?'} – ${r.end || (r.start ? '' : '?')}`;

export function citations(list) {
  if (!list || !list.length) return span('—', 'muted');
  const ul = el('ul', { class: 'cites' });
  for (const c of list) {
    const s = c.source;
    const name = s.key || s.title;
    const a = s.url ? el('a', { href: s.url, rel: 'noreferrer noopener', target: '_blank', title: s.title }, name) : el('a', { href: `#node=${s.id}`, 'data-node': s.id, title: s.title }, name);
    ul.append(el('li', {}, a, c.locator ? span(` — ${c.locator}`, 'locator') : null, c.quote ? span(` “${c.quote}”`, 'quote') : null));
  }
  return ul;
}

function relTable(rels) {
  const table = el('table', { class: 'rels' });
  table.append(el('thead', {}, el('tr', {}, ...['type', 'with', 'role', 'dates', 'holding', 'confidence', 'derived via'].map((h) => el('th', { scope: 'col' }, h)))));
  const tb = el('tbody');
  const order = (r) => `${r.type} ${r.start || '9999'} ${r.node.label}`;
  for (const r of [...rels].sort((a, b) => (order(a) < order(b) ? -1 : 1))) {
    const arrow = r.direction === 'INCOMING' ? '←' : '→';
    const dates = [period(r)];
    if (r.attested && r.attested.length) dates.push(`attested ${r.attested.join(', ')}`);
    if (r.incompleteList) dates.push('(incomplete list)');
    tb.append(el('tr', { class: r.derived ? 'derived' : '' },
      el('td', {}, `${arrow} ${r.type}`), el('td', {}, nodeLink(r.node)), el('td', {}, r.role || r.succession || ''),
      el('td', {}, dates.join(' · ')), el('td', { title: r.holdingReason ? `${r.holdingReason}${r.holdingReasonDate ? ` (${r.holdingReasonDate})` : ''}` : '' },
        r.holding ? span(r.holding, `h-${r.holding}`) : '', r.holdingReason ? el('div', { class: 'reason' }, r.holdingReason.toLowerCase().replace(/_/g, ' ')) : null),
      el('td', { title: r.note || '' }, r.confidence), el('td', {}, r.via ? el('a', { href: `#node=${r.via.id}`, 'data-node': r.via.id }, r.via.title) : '')));
    // Sources get a full-width row of their own: locators are sentences, not codes.
    tb.append(el('tr', { class: `src${r.derived ? ' derived' : ''}` }, el('td', { colspan: '7' },
      r.note ? el('div', { class: 'note' }, r.note) : null, citations(r.sources))));
  }
  table.append(tb);
  return table;
}

function aboutSection(n) {
  const sec = el('section', { class: 'about', 'aria-label': t('about') }, el('h3', {}, t('about')));
  const items = n.aboutFields.flatMap((k) => (Array.isArray(n[k]) ? n[k] : n[k] ? [n[k]] : []));
  if (n.aboutError) { sec.append(el('p', { class: 'muted' }, `Could not be read: ${n.aboutError}`)); return sec; }
  if (!items.length) { sec.append(el('p', { class: 'muted' }, n.aboutFields.length ? '—' : 'This release of the API has no statements or documents.')); return sec; }
  const ul = el('ul');
  for (const it of items) {
    const li = el('li');
    if (it.node && it.type && it.direction) {
      // A statement or document relationship: the text or title, its date, its sources.
      const a = it.about || {};
      const text = a.Statement__text || a.Document__title || it.node.label;
      const zh = a.Statement__textZh || a.Document__titleZh;
      const date = a.Statement__date ? `${a.Statement__date}${a.Statement__until ? `–${a.Statement__until}` : ''}` : a.Document__issued;
      li.append(el('a', { href: `#node=${it.node.id}`, 'data-node': it.node.id }, text), zh ? span(` · ${zh}`, 'zh') : null,
        span(` — ${it.type.toLowerCase()}${date ? `, ${date}` : ''}, ${it.confidence.toLowerCase()}${a.Statement__hedge ? ` (${a.Statement__hedge})` : ''}`, 'muted'),
        citations(it.sources));
      ul.append(li);
      continue;
    }
    for (const [k, v] of Object.entries(it)) {
      if (k === '__typename' || v === null || v === undefined || (Array.isArray(v) && !v.length)) continue;
      if (v && typeof v === 'object' && !Array.isArray(v) && v.id) li.append(el('span', { class: 'kv' }, `${k}: `, nodeLink(v)));
      else if (Array.isArray(v) && v[0] && v[0].locator !== undefined) li.append(citations(v));
      else if (typeof v !== 'object') li.append(el('span', { class: 'kv' }, `${k}: ${v}`));
    }
    ul.append(li);
  }
  sec.append(ul);
  return sec;
}

export function renderNode(container, n, { onExpand, onFocus }) {
  container.replaceChildren();
  if (!n) { container.append(el('p', { class: 'muted' }, t('pick'))); return; }
  const head = el('header', {}, el('span', { class: `type t-${n.type}` }, n.type.toLowerCase()), el('h2', { id: 'node-title' }, bothNames(n)));
  const actions = el('div', { class: 'actions' });
  if (n.type !== 'SOURCE') {
    const ex = el('button', { type: 'button', id: 'expand-node' }, t('expand'));
    ex.addEventListener('click', () => onExpand(n.id));
    const fo = el('button', { type: 'button' }, t('focus'));
    fo.addEventListener('click', () => onFocus(n.id));
    actions.append(ex, fo);
  }
  container.append(head, actions);
  const dl = el('dl', { class: 'props', 'aria-label': t('properties') });
  const skip = new Set(['id', 'type', 'label', 'relationships', 'chairs', 'allRelationships', 'aboutFields', 'sources', 'aliases', 'citedVia', ...n.aboutFields]);
  const add = (k, v) => { dl.append(el('dt', {}, k), el('dd', {}, v)); };
  add('id', n.id);
  for (const [k, v] of Object.entries(n)) {
    if (skip.has(k) || v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    if (k === 'url') add(k, el('a', { href: v, rel: 'noreferrer noopener', target: '_blank' }, v));
    else add(k.replace(/^(office|institution|source)Kind$/, 'kind').replace(/^\w+__/, ''), Array.isArray(v) ? v.join(', ') : String(v));
  }
  if (n.aliases && n.aliases.length) add('aliases', n.aliases.map((a) => a.name + (a.editorial ? '*' : '')).join(', '));
  if (n.citedVia) add('cited via', nodeLink({ ...n.citedVia, label: n.citedVia.title, type: 'SOURCE' }));
  container.append(dl);
  if (n.sources && n.sources.length) container.append(el('h3', {}, t('sources')), citations(n.sources));
  if (n.allRelationships && n.allRelationships.length) {
    container.append(el('h3', {}, `${t('relationships')} (${n.allRelationships.length})`), relTable(n.allRelationships));
  }
  // Statements and documents are asked about the five kinds of body and person.
  if (['GROUP', 'PERSON', 'OFFICE', 'INSTITUTION', 'POSITION'].includes(n.type)) container.append(aboutSection(n));
}
