// Snapshot nodes: every node of the namespace (Go sorts them by id).
// Parameters: $ns (STRING)
// Index: entity_ns (range index on :Entity(ns)).
MATCH (n:Entity)
WHERE n.ns = $ns
RETURN properties(n) AS props
