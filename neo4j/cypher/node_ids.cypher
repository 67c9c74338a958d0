// Node ids: the id of every node of the namespace, so an import can delete the nodes its
// dataset no longer has.
// Parameters: $ns (STRING)
// Index: entity_ns (range index on :Entity(ns)).
//   USING INDEX SEEK keeps the plan a seek whatever the statistics were when it was made.
MATCH (n:Entity)
USING INDEX SEEK n:Entity(ns)
WHERE n.ns = $ns
RETURN n.id AS id
