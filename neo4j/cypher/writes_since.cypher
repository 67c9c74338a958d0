// Writes since: the nodes that each write touched, for the namespace's revisions after $after
// up to $upTo, in revision order (append_write). A revision with no row was made by a release
// that kept no such record; nodes is null when the write touched too many to list.
// Parameters: $ns (STRING), $after (INTEGER), $upTo (INTEGER)
// Index: write_ns_revision, seeked on ns and a revision range, which is also the order.
MATCH (w:AtlasWrite)
WHERE w.ns = $ns AND w.revision > $after AND w.revision <= $upTo
RETURN w.revision AS revision, w.nodes AS nodes
ORDER BY w.revision
