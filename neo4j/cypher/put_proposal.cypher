// Put proposal: creates or replaces a proposal (its JSON, status and revision), in the commit's
// transaction.
// Parameters: $ns (STRING), $id (STRING), $json (STRING), $status (STRING), $revision (INTEGER)
// Index: proposal_ns_id (uniqueness constraint on :AtlasProposal(ns, id)) makes the MERGE a seek.
MERGE (p:AtlasProposal {ns: $ns, id: $id})
SET p.json = $json, p.status = $status, p.revision = $revision
RETURN count(p) AS put
