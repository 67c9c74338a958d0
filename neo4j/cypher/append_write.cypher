// Append write: records the nodes that the write making a revision touched (written, deleted,
// or the start of a relationship written or deleted), in that write's own transaction. Another
// process on the namespace then brings its search analysis forward by reading those nodes
// alone (writes_since). $nodes is null when the write touched too many nodes to list; a reader
// then reads the whole namespace again. A reader more than $kept revisions behind reads the
// whole namespace too, so the record that falls out of that window is deleted: the namespace
// keeps at most $kept of them. CREATE, never MERGE: the uniqueness constraint makes a second
// record for a revision fail the write.
// Parameters: $ns (STRING), $revision (INTEGER), $nodes (LIST<STRING> or null), $kept (INTEGER)
// Index: write_ns_revision (uniqueness constraint on :AtlasWrite(ns, revision)), seeked on ns
//   and a revision range for the records out of the window.
CALL () {
  MATCH (old:AtlasWrite) WHERE old.ns = $ns AND old.revision <= $revision - $kept DELETE old
}
CREATE (w:AtlasWrite {ns: $ns, revision: $revision, nodes: $nodes})
RETURN count(w) AS appended
