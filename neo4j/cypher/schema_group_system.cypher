// Migration: List's systems filter on groups.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX group_system IF NOT EXISTS FOR (n:Group) ON (n.system)
