// Snapshot nodes: every node of the namespace (Go sorts them by id).
// Parameters: $ns (STRING)
// Index: entity_ns (range index on :Entity(ns)).
//   USING INDEX SEEK keeps the plan a seek whatever the statistics were when it was made.
MATCH (n:Entity)
USING INDEX SEEK n:Entity(ns)
WHERE n.ns = $ns
RETURN properties(n) AS props
