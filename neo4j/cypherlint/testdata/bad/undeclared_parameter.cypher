// Broken on purpose: the lint must reject this file (see ../../lint.mjs --expect-failures).
// Parameters: $ns
// Index: none
MATCH (n:Entity) WHERE n.ns = $ns AND n.id = $id RETURN n.id AS id
