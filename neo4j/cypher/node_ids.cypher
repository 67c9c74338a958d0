// Node ids: the id of every node of the namespace, so an import can delete the nodes its
// dataset no longer has.
// Parameters: $ns (STRING)
// Index: entity_ns (range index on :Entity(ns)).
MATCH (n:Entity)
WHERE n.ns = $ns
RETURN n.id AS id
