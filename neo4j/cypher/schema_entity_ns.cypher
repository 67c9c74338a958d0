// Migration: the namespace of every node: snapshots and namespace cleanup scan by it.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX entity_ns IF NOT EXISTS FOR (n:Entity) ON (n.ns)
