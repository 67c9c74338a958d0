// Set revision: moves the namespace's revision to the commit's, after lock_namespace read it.
// Parameters: $ns (STRING), $revision (INTEGER)
// Index: meta_ns (uniqueness constraint on :AtlasMeta(ns)).
MATCH (m:AtlasMeta {ns: $ns})
USING INDEX SEEK m:AtlasMeta(ns)
SET m.revision = $revision
RETURN m.revision AS revision
