// The neighbourhood graph: the network around the seeds (searched for, then expanded), as the
// filters and the year keep it, drawn with Cytoscape.js and laid out with fCoSE.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { gql } from './api.js';
import { nodeLabel } from './i18n.js';
import { state, NODE_TYPES, REL_TYPES } from './state.js';

cytoscape.use(fcose);

export const TYPE_COLOURS = {
  GROUP: '#c0392b', PERSON: '#2471a3', POSITION: '#7d3c98', INSTITUTION: '#1e8449', OFFICE: '#b9770e',
  STATEMENT: '#16a085', TOPIC: '#d35400', DOCUMENT: '#34495e',
};
export const REL_COLOURS = {
  CHAIRS: '#c0392b', MEMBER_OF: '#5d6d7e', SUPERVISES: '#1e8449', REPORTS_TO: '#117a65', HAS_OFFICE: '#b9770e',
  HOSTED_BY: '#af601a', DIRECTS: '#a04000', HOLDS: '#7d3c98', POSITION_IN: '#6c3483', SUCCEEDED_BY: '#212f3d',
  PARTY_GROUP_OF: '#2e4053', ABOUT: '#16a085', ISSUED_BY: '#34495e', CONCERNS: '#d35400', BASED_ON: '#7f8c8d',
};

const NODE_FIELDS = `id type label ... on Group { nameZh kind established abolished } ... on Person { nameZh }
  ... on Office { nameZh } ... on Institution { nameZh } ... on Position { titleZh }`;

const NETWORK = `query Network($ids: [ID!]!, $depth: Int, $rt: [RelationshipType!], $nt: [NodeType!], $asOf: PartialDate, $tiers: [SourceTier!]) {
  network(ids: $ids, depth: $depth, relationshipTypes: $rt, nodeTypes: $nt, asOf: $asOf, limit: 400, tiers: $tiers) {
    truncated
    nodes { ${NODE_FIELDS} }
    relationships { id type role start end holding confidence derived from { id } to { id } }
  }
}`;

const DERIVED = `query Derived($ids: [ID!]!, $asOf: PartialDate) {
  nodes(ids: $ids) { ... on Group { id chairs(asOf: $asOf) {
    id type start end holding confidence derived from { ${NODE_FIELDS} } to { id } via { title } } } }
}`;

export function createGraph(container, { onSelect, onExpand }) {
  const cy = cytoscape({
    container,
    minZoom: 0.2, maxZoom: 3,
    style: [
      { selector: 'node', style: {
        'background-color': (n) => TYPE_COLOURS[n.data('type')] || '#888', label: 'data(label)',
        'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 110, 'text-valign': 'bottom', 'text-margin-y': 3,
        color: '#222', 'text-outline-color': '#fff', 'text-outline-width': 2, width: 18, height: 18 } },
      { selector: 'node[type = "GROUP"]', style: { shape: 'round-rectangle', width: 24, height: 18 } },
      { selector: 'node[type = "POSITION"]', style: { shape: 'diamond' } },
      { selector: 'node[type = "INSTITUTION"]', style: { shape: 'hexagon', width: 22, height: 22 } },
      { selector: 'node[type = "OFFICE"]', style: { shape: 'rectangle' } },
      { selector: 'node.seed', style: { 'border-width': 3, 'border-color': '#111', width: 28, height: 28, 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f1c40f' } },
      { selector: 'edge', style: {
        width: 1.5, 'line-color': (e) => REL_COLOURS[e.data('type')] || '#999', 'curve-style': 'bezier',
        'target-arrow-shape': 'triangle', 'target-arrow-color': (e) => REL_COLOURS[e.data('type')] || '#999',
        'arrow-scale': 0.7, opacity: 0.8 } },
      { selector: 'edge[holding = "POSSIBLE"]', style: { 'line-style': 'dashed', opacity: 0.55 } },
      { selector: 'edge[?derived]', style: { 'line-style': 'dotted', width: 2.5 } },
      { selector: '.faded', style: { opacity: 0.15 } },
    ],
  });
  cy.on('tap', 'node', (e) => onSelect(e.target.id()));
  cy.on('dbltap', 'node', (e) => onExpand(e.target.id()));
  return cy;
}

export const graphSeeds = () => (state.seeds.length ? state.seeds : [state.node]);

// loadView fetches what the state asks for: the network and, when asked, derived chairs.
export async function loadView() {
  const ids = graphSeeds();
  const vars = {
    ids, depth: state.depth,
    // No filter when every type is on, so that types newer than this page are drawn too.
    rt: state.relTypes.length === REL_TYPES.length ? null : state.relTypes,
    nt: state.nodeTypes.length === NODE_TYPES.length ? null : state.nodeTypes,
    asOf: state.year === null ? null : String(state.year),
  };
  vars.tiers = state.tier ? null : ['CORPUS'];
  const d = await gql(NETWORK, vars);
  const nodes = new Map(d.network.nodes.map((n) => [n.id, n]));
  const rels = d.network.relationships.map((r) => ({ ...r, from: r.from.id, to: r.to.id }));
  if (state.derived && state.relTypes.includes('CHAIRS') && state.nodeTypes.includes('PERSON')) {
    const groups = [...nodes.values()].filter((n) => n.type === 'GROUP').map((n) => n.id);
    if (groups.length) {
      const dd = await gql(DERIVED, { ids: groups, asOf: vars.asOf });
      const drawn = new Set(rels.map((r) => `${r.type} ${r.from} ${r.to}`));
      for (const g of dd.nodes) for (const c of g?.chairs || []) {
        // A chair the network already draws (stored, or stored and derived) is not repeated.
        if (!c.derived || drawn.has(`CHAIRS ${c.from.id} ${c.to.id}`)) continue;
        if (!nodes.has(c.from.id)) nodes.set(c.from.id, c.from);
        rels.push({ ...c, from: c.from.id, to: c.to.id, via: c.via?.title });
      }
    }
  }
  return { nodes: [...nodes.values()], rels, truncated: d.network.truncated };
}

// draw replaces the graph's elements with view's, keeping the positions of nodes that stay.
export function draw(cy, view) {
  const old = new Map(cy.nodes().map((n) => [n.id(), n.position()]));
  const ids = new Set(view.nodes.map((n) => n.id));
  const elements = [
    ...view.nodes.map((n) => ({
      group: 'nodes', data: { id: n.id, type: n.type, label: nodeLabel(n), raw: n },
      classes: state.seeds.includes(n.id) ? 'seed' : '',
      ...(old.has(n.id) ? { position: { ...old.get(n.id) } } : {}),
    })),
    ...view.rels.filter((r) => ids.has(r.from) && ids.has(r.to)).map((r) => ({
      group: 'edges', data: { id: r.id, source: r.from, target: r.to, type: r.type, holding: r.holding,
        derived: !!r.derived, start: r.start, end: r.end, confidence: r.confidence, role: r.role, via: r.via },
    })),
  ];
  cy.batch(() => { cy.elements().remove(); cy.add(elements); });
  const allKnown = view.nodes.every((n) => old.has(n.id));
  cy.layout(allKnown && old.size
    ? { name: 'preset', fit: true, padding: 30 }
    : { name: 'fcose', animate: false, randomize: old.size === 0, quality: 'default', nodeRepulsion: 20000,
      idealEdgeLength: 120, nodeSeparation: 110, gravity: 0.15, padding: 30, fit: true }).run();
  if (state.node && cy.getElementById(state.node).nonempty()) cy.getElementById(state.node).select();
}

// exportURL is the server-side export of the current view (the network's filters).
export function exportURL(format) {
  const p = new URLSearchParams();
  p.set('ids', graphSeeds().join(','));
  p.set('depth', String(state.depth));
  if (state.relTypes.length !== REL_TYPES.length) p.set('relationshipTypes', state.relTypes.join(','));
  if (state.nodeTypes.length !== NODE_TYPES.length) p.set('nodeTypes', state.nodeTypes.join(','));
  if (state.year !== null) p.set('asOf', String(state.year));
  p.set('limit', '400');
  return `/export/${format}?${p}`;
}

const csvCell = (v) => { const s = v === null || v === undefined ? '' : String(v); return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };

// viewCSV is the current view as one CSV: a row per node, then a row per relationship.
export function viewCSV(cy) {
  const head = ['element', 'id', 'type', 'label', 'source', 'target', 'role', 'start', 'end', 'holding', 'confidence', 'derived'];
  const rows = [head];
  cy.nodes().sort((a, b) => (a.id() < b.id() ? -1 : 1)).forEach((n) => rows.push(['node', n.id(), n.data('type'), n.data('raw').label, '', '', '', '', '', '', '', '']));
  cy.edges().sort((a, b) => (a.id() < b.id() ? -1 : 1)).forEach((e) => { const d = e.data(); rows.push(['relationship', d.id, d.type, '', d.source, d.target, d.role, d.start, d.end, d.holding, d.confidence, d.derived]); });
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
