// Tiered sources: every source of the namespace with its tier (empty means CORPUS) and the
// work relaying it, so that a list filter by tiers keeps the nodes citing a source of those
// tiers (atlas.NodeFilter.Resolved: atlas.RelayedBy, then atlas.CitedByTiers, in Go).
// Parameters: $ns (STRING)
// Index: entity_ns_node_kind, one equality seek on (ns, nodeKind): the sources only.
//   USING INDEX SEEK keeps the plan a seek whatever the statistics were when it was made.
MATCH (s:Entity)
USING INDEX SEEK s:Entity(ns, nodeKind)
WHERE s.ns = $ns AND s.nodeKind = 'SOURCE'
RETURN s.id AS id, s.tier AS tier, s.citedVia AS citedVia
ORDER BY id
