// Migration: one version counter per namespace and record key (node, relationship or claim id).
// Parameters: none
// Index: creates it (a composite uniqueness constraint and its range index); IF NOT EXISTS
//   makes re-running it at every start-up a no-op.
CREATE CONSTRAINT version_ns_key IF NOT EXISTS FOR (v:AtlasVersion) REQUIRE (v.ns, v.key) IS UNIQUE
