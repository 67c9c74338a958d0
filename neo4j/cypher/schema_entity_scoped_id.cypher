// Migration: uniqueness of node ids within a namespace. Community Edition has no node key
// constraints (Enterprise only), so the namespace and the id are joined into one property,
// scopedId = "<ns>:<id>", under a single-property uniqueness constraint, which Community has;
// its backing range index answers every lookup by id.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE CONSTRAINT entity_scoped_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.scopedId IS UNIQUE
