// Migration: one proposal node per namespace and proposal id.
// Parameters: none
// Index: creates it (a composite uniqueness constraint and its range index); IF NOT EXISTS
//   makes re-running it at every start-up a no-op.
CREATE CONSTRAINT proposal_ns_id IF NOT EXISTS FOR (p:AtlasProposal) REQUIRE (p.ns, p.id) IS UNIQUE
