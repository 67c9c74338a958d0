// Migration: List's levels filter on groups.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX group_level IF NOT EXISTS FOR (n:Group) ON (n.level)
