// The view's state, kept in the URL hash so that a link restores it: the selected node,
// the seeds the graph grows from (the node searched for and those expanded), the year, the filters, the tab, the table
// (its date, sort and filter) and the language.
// The node types the API's network is built from when no types are named: the
// structure of the groups. The boxes start with these ticked, so that a view draws what
// it always drew; statements, topics and documents (which would crowd out the structure
// around any leader) are drawn when ticked.
export const DEFAULT_NODE_TYPES = ['GROUP', 'PERSON', 'POSITION', 'INSTITUTION', 'OFFICE'];
export const NODE_TYPES = [...DEFAULT_NODE_TYPES];
export const REL_TYPES = ['CHAIRS', 'MEMBER_OF', 'SUPERVISES', 'REPORTS_TO', 'HAS_OFFICE', 'HOSTED_BY',
  'DIRECTS', 'HOLDS', 'POSITION_IN', 'SUCCEEDED_BY', 'PARTY_GROUP_OF'];

// extendTypes adds the node and relationship types a newer schema has (statements,
// documents…), so the filters offer them; sources and reported counts are never drawn.
export function extendTypes(nodeTypes, relTypes) {
  for (const v of nodeTypes) if (!NODE_TYPES.includes(v) && v !== 'SOURCE' && v !== 'REPORTED_COUNT') NODE_TYPES.push(v);
  for (const v of relTypes) if (!REL_TYPES.includes(v)) REL_TYPES.push(v);
  state.nodeTypes = defaultNodeTypes();
  state.relTypes = [...REL_TYPES];
}

const defaultNodeTypes = () => NODE_TYPES.filter((v) => DEFAULT_NODE_TYPES.includes(v));
const sameSet = (a, b) => a.length === b.length && a.every((v) => b.includes(v));

// typeFilter is what the type boxes say, as the API is asked for it: always the explicit
// lists, since the API's default (no list) is not "every type" but the structural ones, and
// the boxes mean exactly what is drawn.
export function typeFilter(s = state) {
  return { nodeTypes: [...s.nodeTypes], relationshipTypes: [...s.relTypes] };
}

// exportQuery is the server-side export's query for the view (its filters).
export function exportQuery(s = state) {
  const p = new URLSearchParams();
  p.set('ids', (s.seeds.length ? s.seeds : [s.node]).join(','));
  p.set('depth', String(s.depth));
  const { nodeTypes, relationshipTypes } = typeFilter(s);
  p.set('relationshipTypes', relationshipTypes.join(','));
  p.set('nodeTypes', nodeTypes.join(','));
  if (s.rangeFrom !== null && s.rangeTo !== null) p.set('during', `${s.rangeFrom}/${s.rangeTo}`);
  else if (s.year !== null) p.set('asOf', String(s.year));
  if (!s.tier) p.set('tiers', 'CORPUS');
  if (s.derived) p.set('derived', 'true');
  p.set('limit', '400');
  return p.toString().replace(/%2F/g, '/').replace(/%2C/g, ',');
}

// inNetwork says whether an id names a node of the network (not a source or a reported
// count), which the graph, the paths and the timeline are drawn for.
export const inNetwork = (id) => !/^(source|count)\//.test(id);

export const state = {
  node: null, seeds: [], year: null, depth: 1,
  nodeTypes: [...DEFAULT_NODE_TYPES], relTypes: [...REL_TYPES],
  derived: false, tier: true, tab: 'graph', lang: 'en', from: null, to: null,
  // A period played year by year (rangeFrom–rangeTo), instead of one year.
  rangeFrom: null, rangeTo: null, frame: null,
  sizeBy: '', colourBy: '', layout: 'fcose',
  // The table's sort ({ column, desc }, or null: as read) and filter text.
  table: 'groups', tableDate: null, tableSort: null, tableFilter: '',
};

const TABS = ['graph', 'timeline', 'paths', 'byyear', 'tables'];
export const TABLE_KEYS = ['groups', 'people', 'posts', 'institutions', 'documents', 'sources'];
const year = (v) => (v !== null && /^\d{4}$/.test(v) ? Number(v) : null);

export function readHash(hash = location.hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (k, all, dflt = all) => (p.has(k) ? p.get(k).split(',').filter((v) => all.includes(v)) : [...dflt]);
  state.node = p.get('node') || null;
  state.seeds = p.get('x') ? p.get('x').split(',').filter(Boolean) : state.node ? [state.node] : [];
  // A year the API could not take (not four digits) leaves the view at all years.
  state.year = year(p.get('year'));
  const d = Number(p.get('depth'));
  state.depth = [1, 2, 3].includes(d) ? d : 1;
  // No nt: the default types (the API's), not every type the schema has.
  state.nodeTypes = list('nt', NODE_TYPES, defaultNodeTypes());
  state.relTypes = list('rt', REL_TYPES);
  state.derived = p.get('derived') === '1';
  state.tier = p.get('tier') !== '0';
  state.tab = TABS.includes(p.get('tab')) ? p.get('tab') : 'graph';
  state.rangeFrom = year(p.get('rfrom'));
  state.rangeTo = year(p.get('rto'));
  if (state.rangeFrom === null || state.rangeTo === null || state.rangeFrom > state.rangeTo) state.rangeFrom = state.rangeTo = null;
  state.frame = state.rangeFrom === null ? null : year(p.get('frame'));
  state.sizeBy = p.get('size') || '';
  state.colourBy = p.get('colour') || '';
  state.layout = p.get('layout') || 'fcose';
  state.table = TABLE_KEYS.includes(p.get('table')) ? p.get('table') : 'groups';
  state.tableDate = year(p.get('tdate'));
  // tsort=column, or tsort=-column for descending.
  const sort = /^(-?)(\w+)$/.exec(p.get('tsort') || '');
  state.tableSort = sort ? { column: sort[2], desc: sort[1] === '-' } : null;
  state.tableFilter = p.get('tfilter') || '';
  state.lang = p.get('lang') === 'zh' ? 'zh' : 'en';
  state.from = p.get('from') || null;
  state.to = p.get('to') || null;
}

export function hashOf(s = state) {
  const p = new URLSearchParams();
  if (s.node) p.set('node', s.node);
  if (s.seeds.length && !(s.seeds.length === 1 && s.seeds[0] === s.node)) p.set('x', s.seeds.join(','));
  if (s.year !== null) p.set('year', String(s.year));
  if (s.depth !== 1) p.set('depth', String(s.depth));
  if (!sameSet(s.nodeTypes, defaultNodeTypes())) p.set('nt', s.nodeTypes.join(','));
  if (s.relTypes.length !== REL_TYPES.length) p.set('rt', s.relTypes.join(','));
  if (s.derived) p.set('derived', '1');
  if (!s.tier) p.set('tier', '0');
  if (s.tab !== 'graph') p.set('tab', s.tab);
  if (s.lang !== 'en') p.set('lang', s.lang);
  if (s.rangeFrom !== null) { p.set('rfrom', String(s.rangeFrom)); p.set('rto', String(s.rangeTo)); }
  if (s.frame !== null) p.set('frame', String(s.frame));
  if (s.sizeBy) p.set('size', s.sizeBy);
  if (s.colourBy) p.set('colour', s.colourBy);
  if (s.layout !== 'fcose') p.set('layout', s.layout);
  if (s.tab === 'tables' && s.table !== 'groups') p.set('table', s.table);
  if (s.tab === 'tables' && s.tableDate !== null) p.set('tdate', String(s.tableDate));
  if (s.tab === 'tables' && s.tableSort) p.set('tsort', `${s.tableSort.desc ? '-' : ''}${s.tableSort.column}`);
  if (s.tab === 'tables' && s.tableFilter) p.set('tfilter', s.tableFilter);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  return '#' + p.toString().replace(/%2F/g, '/').replace(/%2C/g, ',');
}

// writeHash records the state in the URL. Going to another node or another tab is a
// step of its own, which Back returns from (a new history entry); anything else (the
// year, the zoom, a filter, the paths' ends) changes the entry in place.
export function writeHash() {
  const h = hashOf();
  if (h === location.hash) return;
  const url = h === '#' ? location.pathname + location.search : h;
  const was = new URLSearchParams(location.hash.replace(/^#/, ''));
  const moved = (was.get('node') || null) !== state.node || (was.get('tab') || 'graph') !== state.tab;
  if (moved) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
