// Migration: one audit entry per namespace and revision. The log is append-only: entries are
// only ever CREATEd (audit_append), so a second entry for a revision fails the commit.
// Parameters: none
// Index: creates it (a composite uniqueness constraint and its range index); IF NOT EXISTS
//   makes re-running it at every start-up a no-op.
CREATE CONSTRAINT audit_ns_revision IF NOT EXISTS FOR (a:AtlasAudit) REQUIRE (a.ns, a.revision) IS UNIQUE
