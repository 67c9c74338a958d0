// Loads a Cytoscape.js JSON export with Cytoscape.js (headless) and prints it in the
// same normalised form as load.py: every value as text, lists joined with ";",
// citations as compact JSON, empty and false values left out.
// Usage: node load.mjs cytoscape.json
import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';

const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const cy = cytoscape({ headless: true });
cy.json(doc);

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
process.stdout.write(JSON.stringify({ graph, nodes, edges }));
