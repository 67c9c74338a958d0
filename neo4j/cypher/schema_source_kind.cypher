// Migration: List's kinds filter on sources.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX source_kind IF NOT EXISTS FOR (n:Source) ON (n.kind)
