// Broken on purpose: the lint must reject this file (see ../../lint.mjs --expect-failures).
// Parameters: $ns
// Index: none
MATCH (n:Grop) WHERE n.ns = $ns RETURN n.id AS id
