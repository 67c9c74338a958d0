// Tables: every group, person, post, institution, document and source, with counts at a
// date, sortable by any column and filtered by text; a row opens its node.
import { gql } from './api.js';
import { nodeLabel, t, valueLabel, zhName } from './i18n.js';

const PAGE = 'pageInfo { hasNextPage endCursor }';
const n = (list) => (list ? list.length : 0);

// Each table: the list field, the fields of a row, and its columns (key, value of a
// node, numeric or not).
export const TABLES = {
  groups: {
    list: 'groups', fields: 'id type label name nameZh kind level system established abolished activity(asOf: $date) chairs(asOf: $date) { id } members(asOf: $date) { id }',
    columns: [['c_name', (x) => nodeLabel(x)], ['c_nameZh', (x) => x.nameZh || ''], ['c_kind', (x) => valueLabel(x.kind)], ['c_level', (x) => valueLabel(x.level)],
      ['c_system', (x) => valueLabel(x.system)], ['c_established', (x) => x.established || ''], ['c_abolished', (x) => x.abolished || ''],
      ['c_active', (x) => (x.activity ? valueLabel(x.activity) : '—')], ['c_chairs', (x) => n(x.chairs), true], ['c_members', (x) => n(x.members), true]],
  },
  people: {
    list: 'people', fields: 'id type label name nameZh born died chairs(asOf: $date) { id } memberships(asOf: $date) { id } positions(asOf: $date) { id }',
    columns: [['c_name', (x) => nodeLabel(x)], ['c_nameZh', (x) => x.nameZh || ''], ['c_born', (x) => x.born || ''], ['c_died', (x) => x.died || ''],
      ['c_chairs', (x) => n(x.chairs), true], ['c_memberships', (x) => n(x.memberships), true], ['t_posts', (x) => n(x.positions), true]],
  },
  posts: {
    list: 'positions', fields: 'id type label title titleZh holders(asOf: $date) { id } chairs(asOf: $date) { id } memberships(asOf: $date) { id }',
    columns: [['c_name', (x) => nodeLabel(x)], ['c_nameZh', (x) => x.titleZh || ''], ['c_holders', (x) => n(x.holders), true],
      ['c_chairs', (x) => n(x.chairs), true], ['c_memberships', (x) => n(x.memberships), true]],
  },
  institutions: {
    list: 'institutions', fields: 'id type label name nameZh kind system seats(asOf: $date) { id } positions(asOf: $date) { id }',
    columns: [['c_name', (x) => nodeLabel(x)], ['c_nameZh', (x) => x.nameZh || ''], ['c_kind', (x) => valueLabel(x.kind)], ['c_system', (x) => valueLabel(x.system)],
      ['c_seats', (x) => n(x.seats), true], ['t_posts', (x) => n(x.positions), true]],
  },
  documents: {
    list: 'documents', fields: 'id type label title titleZh kind issued relationships(asOf: $date) { id }',
    columns: [['c_name', (x) => nodeLabel(x)], ['c_nameZh', (x) => x.titleZh || ''], ['c_kind', (x) => valueLabel(x.kind)], ['c_issued', (x) => x.issued || ''],
      ['relationshipsH', (x) => n(x.relationships), true]],
  },
  sources: {
    list: 'sources', fields: 'id type label key title date kind tier supports(first: 0) { totalCount }', noDate: true,
    columns: [['c_key', (x) => x.key || ''], ['c_name', (x) => x.title], ['c_date', (x) => x.date || ''], ['c_kind', (x) => valueLabel(x.kind)],
      ['c_tier', (x) => valueLabel(x.tier)], ['c_citations', (x) => x.supports.totalCount, true]],
  },
};

export const tableQuery = (key, tb = TABLES[key]) => `query Table${tb.list}(${tb.noDate ? '' : '$date: PartialDate!, '}$after: String) {
  ${tb.list}(first: 100, after: $after) { nodes { ${tb.fields} } ${PAGE} }
}`;

// The year counts are taken at when none is chosen: this one.
export const thisYear = () => new Date().getUTCFullYear();

// loadRows reads every page of a table's list, with counts at the date (a year).
export async function loadRows(key, date = String(thisYear())) {
  const tb = TABLES[key];
  const rows = [];
  let after = null;
  for (;;) {
    const d = (await gql(tableQuery(key), { ...(tb.noDate ? {} : { date }), after }))[tb.list];
    rows.push(...d.nodes);
    if (!d.pageInfo.hasNextPage) return rows;
    after = d.pageInfo.endCursor;
  }
}

// renderTable draws rows as a sortable, filterable table; onOpen receives a row's id.
export function renderTable(table, key, rows, { sort, filter, onSort, onOpen }) {
  const tb = TABLES[key];
  const cols = tb.columns;
  const text = (filter || '').trim().toLowerCase();
  let shown = rows.filter((r) => !text || [r.label, zhName(r) || '', r.key || '', r.id].some((s) => s.toLowerCase().includes(text)));
  // A sort by a column the table has not (a link to another table) leaves the rows as read.
  const col = sort && cols.find((c) => c[0] === sort.column);
  if (col) {
    const dir = sort.desc ? -1 : 1;
    shown = [...shown].sort((a, b) => {
      const x = col[1](a), y = col[1](b);
      return (col[2] ? x - y : String(x).localeCompare(String(y))) * dir || a.id.localeCompare(b.id);
    });
  }
  const head = document.createElement('tr');
  for (const [k, , numeric] of cols) {
    const th = document.createElement('th');
    th.scope = 'col';
    const on = sort && sort.column === k;
    th.setAttribute('aria-sort', on ? (sort.desc ? 'descending' : 'ascending') : 'none');
    if (numeric) th.className = 'num';
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: `${t(k)}${on ? (sort.desc ? ' ▼' : ' ▲') : ''}` });
    b.dataset.column = k;
    b.addEventListener('click', () => onSort({ column: k, desc: on ? !sort.desc : !!numeric }));
    th.append(b);
    head.append(th);
  }
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...shown.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.id = r.id;
    cols.forEach(([, value, numeric], i) => {
      const td = document.createElement('td');
      if (numeric) td.className = 'num';
      if (i === 0 || (key === 'sources' && i === 1)) {
        const a = Object.assign(document.createElement('a'), { href: `#node=${r.id}`, textContent: String(value(r)) });
        a.addEventListener('click', (e) => { if (e.ctrlKey || e.metaKey) return; e.preventDefault(); e.stopPropagation(); onOpen(r.id); });
        td.append(a);
      } else td.textContent = String(value(r));
      tr.append(td);
    });
    return tr;
  }));
  return shown.length;
}
