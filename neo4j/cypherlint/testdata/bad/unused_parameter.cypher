// Broken on purpose: the lint must reject this file (see ../../lint.mjs --expect-failures).
// Parameters: $ns, $unused
// Index: none
MATCH (n:Entity) WHERE n.ns = $ns RETURN n.id AS id
