// Loads GEXF files with graphology-gexf (the reader of Gephi Lite and sigma.js) and
// prints, for each, its nodes and edges with their types, colours and spells, as JSON.
// Usage: node load_graphology.mjs file.gexf…
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import gexf from 'graphology-gexf';

const out = process.argv.slice(2).map((path) => {
  const g = gexf.parse(Graph, readFileSync(path, 'utf8'), { addMissingNodes: false, allowUndeclaredAttributes: true });
  const nodes = {}, edges = {};
  g.forEachNode((id, a) => { nodes[id] = { type: a.n_type, color: a.color ?? '' }; });
  g.forEachEdge((id, a, source, target) => { edges[id] = { source, target, type: a.e_type, derived: String(a.e_derived ?? false), color: a.color ?? '' }; });
  return { multi: g.multi, type: g.type, nodes, edges };
});
process.stdout.write(JSON.stringify(out));
