// Proposal: one proposal's JSON, no row when there is none.
// Parameters: $ns (STRING), $id (STRING)
// Index: proposal_ns_id (uniqueness constraint on :AtlasProposal(ns, id)).
MATCH (p:AtlasProposal {ns: $ns, id: $id})
RETURN p.json AS json
