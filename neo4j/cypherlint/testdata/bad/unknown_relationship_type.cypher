// Broken on purpose: the lint must reject this file (see ../../lint.mjs --expect-failures).
// Parameters: $ns
// Index: none
MATCH (n:Entity)-[:CHAIR]->(g:Group) WHERE n.ns = $ns RETURN g.id AS id
