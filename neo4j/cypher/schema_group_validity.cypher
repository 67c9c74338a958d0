// Migration: List's activeAsOf filter: the lifetime ordinals of atlas.Group.Span().Bounds().
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX group_validity IF NOT EXISTS FOR (n:Group) ON (n.validFrom, n.validTo)
