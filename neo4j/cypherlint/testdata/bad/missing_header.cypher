// Broken on purpose: the lint must reject this file (see ../../lint.mjs --expect-failures).
MATCH (n:Entity) RETURN n.id AS id
