// Migration: one write record per namespace and revision (append_write). Writes are only ever
// CREATEd, so a second record for a revision fails the write that made it.
// Parameters: none
// Index: creates it (a composite uniqueness constraint and its range index); IF NOT EXISTS
//   makes re-running it at every start-up a no-op.
CREATE CONSTRAINT write_ns_revision IF NOT EXISTS FOR (w:AtlasWrite) REQUIRE (w.ns, w.revision) IS UNIQUE
