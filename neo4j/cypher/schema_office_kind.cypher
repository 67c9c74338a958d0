// Migration: List's kinds filter on offices.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX office_kind IF NOT EXISTS FOR (n:Office) ON (n.kind)
