// Supports, nodes: every node of the namespace that cites one of the sources, for itself, a
// property claim or an alias (citedSources, written by the store from atlas.CitedSources). Go
// lists, orders and pages them with atlas.Supports.
// Parameters: $ns (STRING), $sources (LIST<STRING>)
// Index: entity_ns (range index on :Entity(ns)); the citation test filters the namespace's nodes.
//   USING INDEX SEEK, as in the list statements: a plan made on an empty database may scan the ns index.
MATCH (n:Entity)
USING INDEX SEEK n:Entity(ns)
WHERE n.ns = $ns AND any(s IN n.citedSources WHERE s IN $sources)
RETURN properties(n) AS props
