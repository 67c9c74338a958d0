// Migration: the validity ordinals (atlas.Span.Bounds) of ISSUED_BY relationships, for "as of"
// questions asked across the graph ("every ISSUED_BY fact holding in 2010"). Relationship indexes
// exist per type only, hence one migration per type. Store.Relations starts from its nodes and
// filters while expanding, so it does not need this index.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX issued_by_validity IF NOT EXISTS FOR ()-[r:ISSUED_BY]-() ON (r.validFrom, r.validTo)
