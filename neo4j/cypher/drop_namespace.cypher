// Drop namespace: deletes every node and relationship of the namespace and its revision
// counter. Used by the tests against a live server to leave nothing behind; never by the API.
// Parameters: $ns (STRING)
// Index: meta_ns, then entity_ns (range index on :Entity(ns)).
OPTIONAL MATCH (m:AtlasMeta {ns: $ns})
DETACH DELETE m
WITH count(*) AS metaRows
MATCH (n:Entity)
USING INDEX SEEK n:Entity(ns)
WHERE n.ns = $ns
DETACH DELETE n
RETURN count(*) AS deleted
