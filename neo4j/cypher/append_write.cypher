// Append write: records the nodes that the write making a revision touched (written, deleted,
// or the start of a relationship written or deleted), in that write's own transaction. Another
// process on the namespace then brings its search analysis forward by reading those nodes
// alone (writes_since). $nodes is null when the write touched too many nodes to list; a reader
// then reads the whole namespace again.
// Parameters: $ns (STRING), $revision (INTEGER), $nodes (LIST<STRING> or null)
// Index: write_ns_revision (uniqueness constraint on :AtlasWrite(ns, revision)).
CREATE (w:AtlasWrite {ns: $ns, revision: $revision, nodes: $nodes})
RETURN count(w) AS appended
