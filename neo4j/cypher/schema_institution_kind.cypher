// Migration: List's kinds filter on institutions.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX institution_kind IF NOT EXISTS FOR (n:Institution) ON (n.kind)
