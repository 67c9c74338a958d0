// Migration: List's horizons filter on groups.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX group_horizon IF NOT EXISTS FOR (n:Group) ON (n.horizon)
