// Migration: the namespace and node kind of every node together: List reads the nodes of
// one kind of one namespace through it, instead of every node of the namespace.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX entity_ns_node_kind IF NOT EXISTS FOR (n:Entity) ON (n.ns, n.nodeKind)
