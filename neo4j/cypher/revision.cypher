// Revision: the namespace's revision counter, 0 before the first import that changed anything.
// Parameters: $ns (STRING)
// Index: meta_ns (uniqueness constraint on :AtlasMeta(ns)).
OPTIONAL MATCH (m:AtlasMeta {ns: $ns})
USING INDEX SEEK m:AtlasMeta(ns)
RETURN coalesce(m.revision, 0) AS revision
