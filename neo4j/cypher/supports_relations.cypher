// Supports, relationships: every relationship of the namespace that cites one of the sources,
// with its type and end ids. Go lists, orders and pages them with atlas.Supports.
// props is the relationship's record (neo4j/record.go), or its properties when an earlier
//   release wrote it without one.
// Parameters: $ns (STRING), $sources (LIST<STRING>)
// Index: entity_ns (range index on :Entity(ns)), then each node's outgoing relationships.
//   USING INDEX SEEK: without it Neo4j 5.26 scanned the whole ns index (every namespace).
MATCH (a:Entity)-[r]->(b:Entity)
USING INDEX SEEK a:Entity(ns)
WHERE a.ns = $ns AND r.ns = $ns AND any(s IN r.citedSources WHERE s IN $sources)
RETURN type(r) AS type, a.id AS from, b.id AS to, coalesce(r.record, properties(r)) AS props
