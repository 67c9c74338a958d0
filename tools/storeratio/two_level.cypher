// The two-level query of tools/bench (groups, their chairs with the chairing posts' holders,
// and their members, each far end with its id, kind and label) as one statement, for
// storeratio's -statements comparison only, beside what the service sends (list_by_name_asc with its
// page's relations, $asks; neo4j/cypher): general filters against none. Not used by the
// store.
// Parameters: $ns (STRING)
// Index: entity_ns_node_kind for the groups, then expansion by type.
MATCH (g:Entity)
USING INDEX SEEK g:Entity(ns, nodeKind)
WHERE g.ns = $ns AND g.nodeKind = 'GROUP'
WITH g ORDER BY g.sortName, g.id LIMIT 100
RETURN g {.id, .nodeKind, .name} AS node,
  COLLECT { MATCH (g)<-[r:CHAIRS]-(p:Entity) WHERE r.ns = $ns
    RETURN {type: 'CHAIRS', from: p.id, props: r.record, node: p {.id, .nodeKind, .name, .title},
      holds: COLLECT { MATCH (p)<-[h:HOLDS]-(x:Entity) WHERE h.ns = $ns
        RETURN {type: 'HOLDS', from: x.id, props: properties(h), node: x {.id, .nodeKind, .name}} }} } AS chairs,
  COLLECT { MATCH (g)<-[r:MEMBER_OF]-(m:Entity) WHERE r.ns = $ns
    RETURN {type: 'MEMBER_OF', from: m.id, props: r.record, node: m {.id, .nodeKind, .name, .title}} } AS members
