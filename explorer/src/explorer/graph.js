// The neighbourhood graph: the network around the seeds (searched for, then expanded), as the
// filters and the year (or a period, played year by year) keep it, drawn with Cytoscape.js.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { gql } from './api.js';
import { FRAMES, NETWORK } from './queries.js';
import { nodeLabel } from './i18n.js';
import { state, exportQuery, typeFilter } from './state.js';

cytoscape.use(fcose);
cytoscape.use(svg);

// The palette the exports share (export/palette.go; a Go test holds the two equal).
export const TYPE_COLOURS = {
  GROUP: '#c0392b', PERSON: '#2471a3', POSITION: '#7d3c98', INSTITUTION: '#1e8449', OFFICE: '#b9770e',
  STATEMENT: '#16a085', TOPIC: '#d35400', DOCUMENT: '#34495e',
};
export const REL_COLOURS = {
  CHAIRS: '#c0392b', MEMBER_OF: '#5d6d7e', SUPERVISES: '#1e8449', REPORTS_TO: '#117a65', HAS_OFFICE: '#b9770e',
  HOSTED_BY: '#af601a', DIRECTS: '#a04000', HOLDS: '#7d3c98', POSITION_IN: '#6c3483', SUCCEEDED_BY: '#212f3d',
  PARTY_GROUP_OF: '#2e4053', ABOUT: '#16a085', ISSUED_BY: '#34495e', CONCERNS: '#d35400', BASED_ON: '#7f8c8d',
};

const NODE_STYLE = { 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 110, 'text-valign': 'bottom', 'text-margin-y': 3,
  color: '#222', 'text-outline-color': '#fff', 'text-outline-width': 2 };

export function createGraph(container, { onSelect, onExpand }) {
  const cy = cytoscape({
    container,
    minZoom: 0.2, maxZoom: 3,
    style: [
      { selector: 'node', style: { ...NODE_STYLE, 'background-color': 'data(colour)', label: 'data(label)', width: 'data(size)', height: 'data(size)' } },
      { selector: 'node[type = "GROUP"]', style: { shape: 'round-rectangle' } },
      { selector: 'node[type = "POSITION"]', style: { shape: 'diamond' } },
      { selector: 'node[type = "INSTITUTION"]', style: { shape: 'hexagon' } },
      { selector: 'node[type = "OFFICE"]', style: { shape: 'rectangle' } },
      { selector: 'node.seed', style: { 'border-width': 3, 'border-color': '#111', 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f1c40f' } },
      { selector: 'edge', style: {
        width: 1.5, 'line-color': (e) => REL_COLOURS[e.data('type')] || '#999', 'curve-style': 'bezier',
        'target-arrow-shape': 'triangle', 'target-arrow-color': (e) => REL_COLOURS[e.data('type')] || '#999',
        'arrow-scale': 0.7, opacity: 0.85 } },
      // KNOWN solid, POSSIBLE (or known for part of a period) dashed, derived chairs dotted.
      { selector: 'edge[holding = "POSSIBLE"], edge[holding = "KNOWN_IN_PART"]', style: { 'line-style': 'dashed', opacity: 0.6 } },
      // A chair also stored is drawn as the stored fact it is (its derivation is in the
      // tooltip and the CSV's via).
      { selector: 'edge[?derived][!stored]', style: { 'line-style': 'dotted', width: 2.5 } },
      { selector: '.absent', style: { display: 'none' } },
      { selector: '.hidden', style: { display: 'none' } },
      { selector: '.faded', style: { opacity: 0.15 } },
    ],
  });
  cy.on('tap', 'node', (e) => onSelect(e.target.id()));
  cy.on('dbltap', 'node', (e) => onExpand(e.target.id()));
  return cy;
}

export const graphSeeds = () => (state.seeds.length ? state.seeds : [state.node]);

function filterVars() {
  const { nodeTypes, relationshipTypes } = typeFilter();
  return {
    ids: graphSeeds(), depth: state.depth,
    // The types ticked, always named: the API's default leaves some types out.
    rt: relationshipTypes, nt: nodeTypes,
    tiers: state.tier ? null : ['CORPUS'],
    derived: state.derived,
  };
}

const viewOf = (net) => ({
  nodes: net.nodes,
  rels: net.relationships.map((r) => ({ ...r, from: r.from.id, to: r.to.id, holding: r.holding || r.holdingDuring, via: r.via || null })),
  truncated: net.truncated,
});

// loadView fetches the network the state asks for: at a year, or over all years.
export async function loadView() {
  const d = await gql(NETWORK, { ...filterVars(), asOf: state.year === null ? null : String(state.year) });
  return viewOf(d.network);
}

// loadFrames fetches the network over the state's period and its frames, year by year.
export async function loadFrames() {
  const d = await gql(FRAMES, { ...filterVars(), during: { from: String(state.rangeFrom), to: String(state.rangeTo) } });
  return { ...viewOf(d.networkFrames.network), frames: d.networkFrames.frames };
}

// draw replaces the graph's elements with the view's, keeping the positions of nodes that
// stay; a new node set is laid out with the chosen layout.
export function draw(cy, view, layoutName = 'fcose') {
  const old = new Map(cy.nodes().map((n) => [n.id(), n.position()]));
  const ids = new Set(view.nodes.map((n) => n.id));
  const elements = [
    ...view.nodes.map((n) => ({
      group: 'nodes', data: { id: n.id, type: n.type, label: nodeLabel(n), raw: n, colour: TYPE_COLOURS[n.type] || '#888', size: 18 },
      classes: state.seeds.includes(n.id) ? 'seed' : '',
      ...(old.has(n.id) ? { position: { ...old.get(n.id) } } : {}),
    })),
    ...view.rels.filter((r) => ids.has(r.from) && ids.has(r.to)).map((r) => ({
      group: 'edges', data: { id: r.id, source: r.from, target: r.to, type: r.type, holding: r.holding,
        derived: !!r.derived, stored: !!r.stored, start: r.start, end: r.end, attested: (r.attested || []).join(';'), confidence: r.confidence, role: r.role,
        // The post a derived chair runs through, { id, title }: the CSV gives its id.
        via: r.via,
        sources: (r.sources || []).map((c) => `${c.source.key || c.source.id}${c.locator ? ` (${c.locator})` : ''}`).join('; ') },
    })),
  ];
  cy.batch(() => { cy.elements().remove(); cy.add(elements); });
  const allKnown = view.nodes.every((n) => old.has(n.id));
  if (allKnown && old.size) cy.layout({ name: 'preset', fit: true, padding: 30 }).run();
  else runLayout(cy, layoutName, old.size === 0);
  if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(); }
  cy.nodes(':selected').unselect();
  if (state.node && cy.getElementById(state.node).nonempty()) cy.getElementById(state.node).select();
}

// The layouts offered: Cytoscape.js's own and fCoSE.
export const LAYOUTS = ['fcose', 'cose', 'concentric', 'breadthfirst', 'circle', 'grid'];

export function runLayout(cy, name, randomize = true) {
  const common = { animate: false, fit: true, padding: 30 };
  const opts = {
    fcose: { name: 'fcose', randomize, quality: 'default', nodeRepulsion: 20000, idealEdgeLength: 120, nodeSeparation: 110, gravity: 0.15 },
    cose: { name: 'cose', randomize, nodeRepulsion: 40000, idealEdgeLength: 100 },
    concentric: { name: 'concentric', concentric: (n) => n.degree(), levelWidth: () => 2, minNodeSpacing: 30 },
    breadthfirst: { name: 'breadthfirst', directed: false, roots: cy.nodes('.seed').length ? cy.nodes('.seed') : undefined, spacingFactor: 1.1 },
    circle: { name: 'circle' },
    grid: { name: 'grid' },
  }[name] || { name: 'fcose', randomize };
  cy.layout({ ...common, ...opts }).run();
}

// showFrame shows, of the period's network, what holds in one year's frame: the rest is
// hidden (not removed, so nothing moves), and each shown edge carries the year's holding.
export function showFrame(cy, frame) {
  const nodes = new Set(frame.nodes);
  const rels = new Map(frame.relationships.map((r) => [r.id, r.holding]));
  cy.batch(() => {
    cy.nodes().forEach((n) => { n.toggleClass('absent', !nodes.has(n.id())); });
    cy.edges().forEach((e) => {
      const h = rels.get(e.id());
      e.toggleClass('absent', h === undefined);
      if (h) e.data('holding', h);
    });
  });
}

// exportURL is the server-side export of the current view (the network's filters).
export function exportURL(format) {
  return `/export/${format}?${exportQuery()}`;
}

const csvCell = (v) => { const s = v === null || v === undefined ? '' : String(v); return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };

// viewCSV is what is drawn as one CSV: a row per visible node, then a row per visible
// relationship with its sources (key and locator, joined with "; ").
export function viewCSV(cy) {
  // attested: a fact known only from attestations has no start or end, only these dates.
  const head = ['element', 'id', 'type', 'label', 'source', 'target', 'role', 'start', 'end', 'attested', 'holding', 'confidence', 'derived', 'via', 'sources'];
  const rows = [head];
  const shown = (el) => !el.hasClass('absent') && !el.hasClass('hidden');
  cy.nodes().filter(shown).sort((a, b) => (a.id() < b.id() ? -1 : 1)).forEach((n) => rows.push(['node', n.id(), n.data('type'), n.data('raw').label, '', '', '', '', '', '', '', '', '', '', '']));
  cy.edges().filter(shown).sort((a, b) => (a.id() < b.id() ? -1 : 1)).forEach((e) => {
    const d = e.data();
    rows.push(['relationship', d.id, d.type, '', d.source, d.target, d.role, d.start, d.end, d.attested, d.holding, d.confidence, d.derived, d.via?.id, d.sources]);
  });
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
