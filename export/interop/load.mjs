// Loads Cytoscape.js JSON exports with Cytoscape.js (headless) and prints them, as a
// JSON list in argument order, in the same normalised form as load.py: every value as
// text, lists joined with ";", citations as compact JSON, empty and false values left
// out.
// Usage: node load.mjs a.json b.json ...
import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';

const text = (v) => {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return v.length && typeof v[0] === 'object' ? JSON.stringify(v) : v.join(';');
  return String(v);
};
const attrs = (data, drop) => {
  const out = {};
  for (const [k, v] of Object.entries(data)) {
    if (drop.includes(k)) continue;
    const t = text(v);
    if (t !== '' && t !== 'false') out[k] = t;
  }
  return out;
};

const load = (path) => {
  const cy = cytoscape({ headless: true });
  cy.json(JSON.parse(readFileSync(path, 'utf8')));
  const graph = {};
  const data = cy.data();
  for (const k of ['name', 'version', 'truncated', 'limit', 'asOf']) {
    if (data[k] !== undefined && text(data[k]) !== '') graph[k] = text(data[k]);
  }
  const nodes = {};
  cy.nodes().forEach((n) => { nodes[n.id()] = attrs(n.data(), ['id', 'value', 'name']); });
  const edges = {};
  cy.edges().forEach((e) => {
    if (edges[e.id()]) throw new Error(`edge ${e.id()} read twice`);
    edges[e.id()] = attrs(e.data(), ['id', 'key']);
  });
  return { graph, nodes, edges };
};
process.stdout.write(JSON.stringify(process.argv.slice(2).map(load)));
