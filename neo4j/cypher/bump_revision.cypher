// Bump revision: increments the namespace's revision counter, creating its meta node on first
// use. Runs in the import transaction only when the import changed something.
// Parameters: $ns (STRING)
// Index: meta_ns (uniqueness constraint on :AtlasMeta(ns)) makes the MERGE a seek and safe
//   against concurrent imports.
MERGE (m:AtlasMeta {ns: $ns})
SET m.revision = coalesce(m.revision, 0) + 1
RETURN m.revision AS revision
