// Snapshot relations: every relationship of the namespace with its type and end ids. Used by
// Store.Snapshot and, inside the import transaction, to find stored relations by id: a relation
// id may move to other end nodes, and Community Edition has no index across relationship types.
// Parameters: $ns (STRING)
// Index: entity_ns (range index on :Entity(ns)), then each node's outgoing relationships.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.ns = $ns AND r.ns = $ns
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
