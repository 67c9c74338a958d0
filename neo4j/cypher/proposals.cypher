// Proposals: the namespace's proposals in a status (all when $status is null), newest first.
// Parameters: $ns (STRING), $status (STRING or null), $limit (INTEGER)
// Index: proposal_ns_id (uniqueness constraint on :AtlasProposal(ns, id)), its range index
//   seeked on ns, the leading property.
MATCH (p:AtlasProposal)
WHERE p.ns = $ns AND p.id IS NOT NULL AND ($status IS NULL OR p.status = $status)
RETURN p.json AS json
ORDER BY p.revision DESC
LIMIT $limit
