// Lock namespace: the first statement of every import. It creates the namespace's meta node if
// need be and writes it, which takes its write lock until the import commits, so imports of one
// namespace (two replicas starting, `seed` during a start-up seed) run one after the other: the
// later one reads what the earlier one wrote, and nothing is written twice.
// Parameters: $ns (STRING)
// Index: meta_ns (uniqueness constraint on :AtlasMeta(ns)) makes the MERGE a seek and safe
//   against concurrent imports.
MERGE (m:AtlasMeta {ns: $ns})
SET m.revision = coalesce(m.revision, 0)
RETURN m.revision AS revision
