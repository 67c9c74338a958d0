// Shortest paths between two nodes, listed and drawn.
import cytoscape from 'cytoscape';
import { gql } from './api.js';
import { PATH_ENDS } from './queries.js';
import { nodeLabel, t, valueLabel } from './i18n.js';
import { REL_COLOURS, TYPE_COLOURS } from './graph.js';
import { inNetwork, state } from './state.js';

const PATHS = `query Paths($from: ID!, $to: ID!, $asOf: PartialDate) {
  shortestPaths(from: $from, to: $to, maxLength: 6, asOf: $asOf, first: 20) {
    length truncated
    paths { nodes { id type label ... on Group { nameZh } ... on Person { nameZh } ... on Office { nameZh }
        ... on Institution { nameZh } ... on Position { titleZh } }
      relationships { id type role start end from { id } to { id } } }
  }
}`;

// pathEnds reads the names of the nodes a link names as the path's ends (by id).
export async function pathEnds(ids) {
  const d = await gql(PATH_ENDS, { ids });
  return new Map(d.nodes.filter((n) => n && n.label).map((n) => [n.id, n]));
}

let cy;
// What the view last showed (paths found, or a message), kept so that a change of
// language says it again in the new language.
let last = null;

// showPathMessage clears the paths shown and says why there are none: key names the
// string, text (the words typed, say) is quoted after it.
export function showPathMessage(container, list, status, key, text = '') {
  last = { key, text };
  renderPaths(container, list, status);
}

export async function findPaths(container, list, status) {
  // Asked only when the API could answer: two different nodes of the network.
  const refusal = !state.from || !state.to ? 'pickEnds' : state.from === state.to ? 'samePathEnds'
    : !inNetwork(state.from) || !inNetwork(state.to) ? 'notInNetwork' : null;
  if (refusal) { showPathMessage(container, list, status, refusal); return null; }
  last = null;
  status.textContent = t('loading');
  const year = state.year;
  const d = await gql(PATHS, { from: state.from, to: state.to, asOf: year === null ? null : String(year) });
  last = { ps: d.shortestPaths, year, from: state.from, to: state.to };
  renderPaths(container, list, status);
  return d.shortestPaths;
}

// renderPaths shows what was last found (or said) in the current language.
export function renderPaths(container, list, status) {
  if (!last) return;
  if (last.key) {
    list.replaceChildren();
    cy?.elements().remove();
    status.textContent = `${t(last.key)}${last.text ? ` “${last.text}”` : ''}`;
    status.dataset.paths = '0';
    status.dataset.message = last.key;
    delete status.dataset.length;
    return;
  }
  const { ps, year } = last;
  delete status.dataset.message;
  // The year the paths were looked for at is said, since it may be why there is none.
  const at = year === null ? '' : ` (${t('asOfYear')} ${year})`;
  status.textContent = (ps.length ? `${ps.paths.length} ${t('pathsOf')} ${ps.length} ${t('hopsWord')}${ps.truncated ? ` ${t('moreExist')}` : ''}` : t('noPath')) + at;
  status.dataset.paths = String(ps.paths.length);
  status.dataset.length = String(ps.length);
  const nodes = new Map(), edges = new Map();
  list.replaceChildren(...ps.paths.map((p) => {
    const li = document.createElement('li');
    li.textContent = p.nodes.map((n, i) => (i ? ` —${valueLabel(p.relationships[i - 1].type)}— ` : '') + nodeLabel(n)).join('');
    return li;
  }));
  for (const p of ps.paths) {
    p.nodes.forEach((n, i) => { if (!nodes.has(n.id)) nodes.set(n.id, { n, depth: i }); });
    for (const r of p.relationships) edges.set(r.id, r);
  }
  cy ??= cytoscape({ container, style: [
    { selector: 'node', style: { 'background-color': (n) => TYPE_COLOURS[n.data('type')] || '#888', label: 'data(label)', 'font-size': 10,
      'text-valign': 'bottom', 'text-outline-color': '#fff', 'text-outline-width': 2, 'text-wrap': 'wrap', 'text-max-width': 120 } },
    { selector: 'edge', style: { 'line-color': (e) => REL_COLOURS[e.data('type')] || '#999', 'target-arrow-shape': 'triangle',
      'target-arrow-color': (e) => REL_COLOURS[e.data('type')] || '#999', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 8,
      'text-rotation': 'autorotate', 'text-outline-color': '#fff', 'text-outline-width': 2 } },
    { selector: 'node.end', style: { 'border-width': 3, 'border-color': '#111' } },
  ] });
  // Drawn again in another language, only the labels change: the layout stays.
  const same = cy.nodes().length === nodes.size && cy.edges().length === edges.size
    && [...nodes.keys(), ...edges.keys()].every((id) => cy.getElementById(id).nonempty());
  if (same) {
    cy.nodes().forEach((n) => n.data('label', nodeLabel(nodes.get(n.id()).n)));
    cy.edges().forEach((e) => e.data('label', valueLabel(e.data('type'))));
    return;
  }
  cy.elements().remove();
  cy.add([...[...nodes.values()].map(({ n }) => ({ group: 'nodes', data: { id: n.id, type: n.type, label: nodeLabel(n) },
    classes: n.id === last.from || n.id === last.to ? 'end' : '' })),
  ...[...edges.values()].map((r) => ({ group: 'edges', data: { id: r.id, source: r.from.id, target: r.to.id, type: r.type, label: valueLabel(r.type) } }))]);
  cy.layout({ name: 'breadthfirst', roots: cy.getElementById(last.from), directed: false, spacingFactor: 1.1, padding: 20 }).run();
}
