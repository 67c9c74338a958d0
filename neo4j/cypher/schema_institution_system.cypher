// Migration: List's systems filter on institutions.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX institution_system IF NOT EXISTS FOR (n:Institution) ON (n.system)
