// Snapshot relations: every relationship of the namespace with its type and end ids. Used by
// Store.Snapshot and, inside the import transaction, to find stored relations by id: a relation
// id may move to other end nodes, and Community Edition has no index across relationship types.
// props is the relationship's record (neo4j/record.go), or its properties when an earlier
//   release wrote it without one.
// Parameters: $ns (STRING)
// Index: entity_ns (range index on :Entity(ns)), then each node's outgoing relationships.
//   USING INDEX SEEK: a plan Neo4j 5.26 made while the database was empty scanned the whole ns
//   index (every namespace) and kept it once there was data.
MATCH (a:Entity)-[r]->(b:Entity)
USING INDEX SEEK a:Entity(ns)
WHERE a.ns = $ns AND r.ns = $ns
RETURN type(r) AS type, a.id AS from, b.id AS to, coalesce(r.record, properties(r)) AS props
