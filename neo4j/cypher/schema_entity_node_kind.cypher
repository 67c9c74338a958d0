// Migration: the node kind (atlas.NodeKind): List and Search select by it.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX entity_node_kind IF NOT EXISTS FOR (n:Entity) ON (n.nodeKind)
