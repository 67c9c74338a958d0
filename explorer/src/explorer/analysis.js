// Styling and analysis of what is drawn: size and colour by a centrality the API computes
// (never recomputed here) or by a property, hiding with undo, and the ego network of a node.
import { gql } from './api.js';
import { CENTRALITY } from './queries.js';
import { TYPE_COLOURS } from './graph.js';
import { state, DEFAULT_NODE_TYPES, typeFilter } from './state.js';

export const METRICS = ['DEGREE', 'BETWEENNESS', 'PAGERANK', 'CHAIRS', 'SEATS'];
export const PROPERTIES = ['kind', 'system', 'level'];



// scoresOf asks the API for a metric on the network the view's filters build (the whole
// network, as centrality is defined on it), for the period played or the year shown, and
// returns the scores of the drawn nodes by id. A drawn node the API does not score (not
// of a kind the network is built from) has none, rather than a zero it was never given.
export async function scoresOf(metric, ids) {
  const playing = state.rangeFrom !== null && state.rangeTo !== null;
  const { nodeTypes, relationshipTypes } = typeFilter();
  const d = await gql(CENTRALITY, {
    metric,
    ids,
    rt: relationshipTypes,
    // Centrality is defined on the structural network only.
    nt: nodeTypes.filter((t) => DEFAULT_NODE_TYPES.includes(t)),
    asOf: playing || state.year === null ? null : String(state.year),
    during: playing ? { from: String(state.rangeFrom), to: String(state.rangeTo) } : null,
    tiers: state.tier ? null : ['CORPUS'],
  });
  return new Map(d.centrality.map((s) => [s.node.id, s.value]));
}

// A sequential palette (light to dark red) for scores, and a categorical one for values.
export const RAMP = ['#fde0dd', '#fcc5c0', '#fa9fb5', '#f768a1', '#dd3497', '#ae017e', '#7a0177'];
// Nodes the metric does not score are drawn small and grey.
export const UNSCORED = '#d9d9d9';
const CATEGORIES = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666', '#1f78b4', '#b2df8a'];

// applyStyle sets each node's size and colour from state.sizeBy and state.colourBy:
// "" (fixed size, colour by type), a metric (scores from the API) or a property. It
// returns the categories coloured and how many drawn nodes have no score.
export async function applyStyle(cy) {
  const need = [...new Set([state.sizeBy, state.colourBy].filter((m) => METRICS.includes(m)))];
  const ids = cy.nodes().map((n) => n.id());
  const scores = new Map(await Promise.all(need.map(async (m) => [m, await scoresOf(m, ids)])));
  const categories = new Map();
  let unscored = 0;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const id = n.id();
      let size = 18, scoreless = false;
      if (scores.has(state.sizeBy)) {
        const s = scores.get(state.sizeBy), max = Math.max(...s.values(), 0) || 1;
        scoreless = !s.has(id);
        size = scoreless ? 10 : 14 + 36 * Math.sqrt(s.get(id) / max);
      }
      let colour = TYPE_COLOURS[n.data('type')] || '#888';
      if (scores.has(state.colourBy)) {
        const s = scores.get(state.colourBy), max = Math.max(...s.values(), 0) || 1;
        scoreless ||= !s.has(id);
        colour = s.has(id) ? RAMP[Math.min(RAMP.length - 1, Math.floor((s.get(id) / max) * (RAMP.length - 1) + 0.001))] : UNSCORED;
      } else if (PROPERTIES.includes(state.colourBy)) {
        const v = n.data('raw')[state.colourBy] || '—';
        if (!categories.has(v)) categories.set(v, CATEGORIES[categories.size % CATEGORIES.length]);
        colour = categories.get(v);
      }
      if (scoreless) unscored++;
      const sized = scores.get(state.sizeBy);
      n.data({ size, colour, score: sized && sized.has(id) ? sized.get(id) : null });
    });
  });
  return { categories, unscored };
}

// Hiding keeps a stack of what was hidden, so each hide can be undone in turn; an entry
// is { els, ego } (ego: hidden by an ego network, which the next ego network replaces).
const hiddenStack = [];

export function hideSelected(cy) {
  const sel = cy.nodes(':selected').filter((n) => !n.hasClass('hidden'));
  if (!sel.length) return 0;
  const hide = sel.union(sel.connectedEdges());
  hide.addClass('hidden');
  hiddenStack.push({ els: hide, ego: false });
  return sel.length;
}

export function undoHide(cy) {
  const last = hiddenStack.pop();
  if (last) {
    last.els.removeClass('hidden');
    // An edge comes back only with both its ends: one to a node hidden earlier stays
    // hidden until that node comes back (the status and the CSV count what is drawn).
    last.els.edges().filter((e) => e.source().hasClass('hidden') || e.target().hasClass('hidden')).addClass('hidden');
  }
  return hiddenStack.length;
}

export function showAll(cy) {
  hiddenStack.length = 0;
  cy.elements().removeClass('hidden');
}

// ego keeps the nodes within hops of id (over what is drawn, as the hides before left
// it) and the relationships among them, and hides the rest; undo brings them back. An ego
// network right after another replaces it (2 hops after 1 shows the second hop again).
export function ego(cy, id, hops) {
  const centre = cy.getElementById(id);
  if (centre.empty()) return 0;
  if (hiddenStack.length && hiddenStack[hiddenStack.length - 1].ego) undoHide(cy);
  if (centre.hasClass('hidden')) return 0;
  const drawn = cy.elements().filter((e) => !e.hasClass('hidden') && !e.hasClass('absent'));
  let keep = centre;
  for (let i = 0; i < hops; i++) {
    const out = drawn.edges().filter((e) => keep.has(e.source()) || keep.has(e.target()));
    keep = keep.union(out.connectedNodes().intersection(drawn));
  }
  const edges = drawn.edges().filter((e) => keep.has(e.source()) && keep.has(e.target()));
  const hide = drawn.difference(keep).difference(edges);
  hide.addClass('hidden');
  hiddenStack.push({ els: hide, ego: true });
  return keep.length;
}

export const hiddenCount = () => hiddenStack.length;
