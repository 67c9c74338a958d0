// Package analytics answers whole-graph questions over an in-memory projection of the
// store: neighbourhoods, shortest paths, centrality, co-membership, timelines and
// counts of active groups. It is the only package that imports gonum.
//
// Build makes a Projection from atlas.Store.Snapshot; Cache keeps one per store
// revision, so a server calls Cache.Get on each request and pays for a rebuild only
// after an import. Every query takes a Filter (asOf date, relationship types, node
// kinds) applied the same way everywhere: a relation is kept when its type and both
// ends' kinds are allowed and, with asOf, its validity may include the date. Sources
// and reported counts are provenance, never network nodes.
//
// Ids map to gonum's int64 ids by position in the sorted list of actor ids, and every
// algorithm visits nodes and neighbours in that order, so the same data gives the same
// answer, to the bit, on every run.
//
// Errors follow the atlas codes: EINVALID for a malformed argument or one out of its
// range (the message names the argument and the range), ENOTFOUND for an id that names
// nothing, ELIMIT for work beyond a cap, and ctx.Err() when the context ends; every
// loop over the graph checks the context, and the two whole-graph scores, which run
// detached, stop being waited for.
//
// # Cost
//
// V and E are the numbers of actors and relations the filter keeps.
//
//   - Build: O(V log V + E log E) time, O(V+E) memory, once per store revision.
//   - Filter views: O(V+E) to build the adjacency of a filter, kept in a bounded cache
//     of the projection (16 filters), so repeated queries with one filter pay it once.
//   - Network: breadth-first search, O(V+E) at worst but bounded by limit
//     (≤ 2000 nodes) and depth (≤ 4): it touches only the relations of the nodes it
//     includes.
//   - ShortestPaths: gonum's Dijkstra from the target on unit weights, O(E log V),
//     then enumeration of at most maxPaths+1 (≤ 101) paths of at most 8 hops, each
//     step scanning one node's neighbours.
//   - Centrality DEGREE: O(V). CHAIRS and SEATS: O(E + Σ positions' holders), one pass
//     over the groups' relations.
//   - Centrality BETWEENNESS: gonum's Brandes algorithm, O(V·E) time and O(V+E)
//     memory, computed once per projection and filter and cached in the view; refused
//     with ELIMIT above MaxBetweennessWork (V·E = 10⁷, a few seconds). Gonum's code
//     cannot be interrupted, so it runs detached: a cancelled caller gets ctx.Err() at
//     once and the result is still cached for the next one.
//   - Centrality PAGERANK: power iteration, O(V+E) per round, converging
//     geometrically (damping 0.85: about 180 rounds to 1e-13), capped at 1000 rounds;
//     detached and cached like betweenness.
//   - CoMembers: O(deg(person) + Σ seats on the person's groups), plus the holders
//     of positions chairing them.
//   - Timeline: O(deg(node) log deg(node)), plus, for a group or person, its chairs
//     list's join: the holdings of the posts chairing the group, or the chairs of the
//     posts the person held.
//   - Statistics: O(groups + relations). ActiveSeries: O(years × groups), with years
//     capped at MaxSeriesYears (200).
package analytics
