// Migration: one revision counter node per namespace.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE CONSTRAINT meta_ns IF NOT EXISTS FOR (m:AtlasMeta) REQUIRE m.ns IS UNIQUE
