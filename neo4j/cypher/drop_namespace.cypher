// Drop namespace: deletes every node and relationship of the namespace, its revision counter
// and its write records. Used by the tests against a live server to leave nothing behind;
// never by the API.
// Parameters: $ns (STRING)
// Index: write_ns_revision, seeked on ns (the IS NOT NULL on the second property lets the
//   planner use it), meta_ns, then entity_ns (range index on :Entity(ns)).
CALL () {
  MATCH (w:AtlasWrite) WHERE w.ns = $ns AND w.revision IS NOT NULL DELETE w
}
OPTIONAL MATCH (m:AtlasMeta {ns: $ns})
DETACH DELETE m
WITH count(*) AS metaRows
MATCH (n:Entity)
USING INDEX SEEK n:Entity(ns)
WHERE n.ns = $ns
DETACH DELETE n
RETURN count(*) AS deleted
