// Broken on purpose: the lint must reject this file (see ../../lint.mjs --expect-failures).
// Parameters: $ns
// Index: none
CALL { MATCH (n:Entity) WHERE n.ns = $ns RETURN n } RETURN n.id AS id
