// Relayed sources: every source of the namespace read second-hand (a citedVia), with the
// work relaying it, so that a list filter by sources may widen to the works they relay
// (atlas.RelayedBy, which follows the chain in Go).
// Parameters: $ns (STRING)
// Index: entity_ns_node_kind, one equality seek on (ns, nodeKind): the sources only.
//   USING INDEX SEEK keeps the plan a seek whatever the statistics were when it was made.
MATCH (s:Entity)
USING INDEX SEEK s:Entity(ns, nodeKind)
WHERE s.ns = $ns AND s.nodeKind = 'SOURCE' AND s.citedVia IS NOT NULL AND s.citedVia <> ''
RETURN s.id AS id, s.citedVia AS citedVia
ORDER BY id
