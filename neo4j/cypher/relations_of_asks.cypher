// Relations of several asks at once: relations_of for each map of $asks, in one statement, so
// that a level of a GraphQL request asking for relationships of several kinds (a group's chairs
// and members) costs one round trip. Each row names the ask it answers; Go groups the rows by
// ask and key and sorts each group with atlas.CompareRelations.
// With $ends, each row also brings the node at the relationship's other end, so the level's far
// ends need no nodes_by_key of their own.
// Parameters: $ns (STRING), $asks (LIST<MAP>: each map holds what relations_of takes as
//   parameters: keys, types, outgoing, incoming, roles, asOfFrom, asOfTo, sources, includeRelayed,
//   tiers),
//   $ends (LIST<STRING> or null: the properties of the far end to return, in that order, as
//   nodes_by_key does with its own list; null returns no far end)
// Rows: outgoing says whether the asked node starts the relationship and far is the other
//   end's id (the asked node's id is in its key), rather than both ends' ids read per row;
//   props is the relationship's record (neo4j/record.go), or its properties when an earlier
//   release wrote it without one.
// Filters: the type and direction tests come first, before any property of r is read: the
//   undirected expansion meets every relationship of the node, of every type.
// Index: entity_scoped_id to find each node, then expansion, as relations_of.
//   USING INDEX SEEK: as relations_of.
UNWIND range(0, size($asks) - 1) AS ask
UNWIND $asks[ask].keys AS key
MATCH (n:Entity {scopedId: key})-[r]-(m:Entity)
USING INDEX SEEK n:Entity(scopedId)
WITH ask, $asks[ask] AS q, key, n, r, m
WHERE n.ns = $ns
  AND (size(q.types) = 0 OR type(r) IN q.types)
  AND ((q.outgoing AND startNode(r) = n) OR (q.incoming AND endNode(r) = n))
  AND r.ns = $ns
  AND (size(q.roles) = 0 OR type(r) <> 'MEMBER_OF' OR r.role IN q.roles)
  AND (size(q.sources) = 0 OR any(s IN coalesce(r.citedSources, []) WHERE s IN q.sources)
    OR (q.includeRelayed AND any(s IN coalesce(r.relayedBy, []) WHERE s IN q.sources)))
  AND (size(q.tiers) = 0 OR r.tiers IS NULL OR any(t IN r.tiers WHERE t IN q.tiers))
  AND (q.asOfFrom IS NULL OR
    CASE
      WHEN r.attestedOnly THEN any(i IN range(0, size(r.attestedFrom) - 1)
        WHERE r.attestedFrom[i] <= q.asOfTo AND r.attestedTo[i] >= q.asOfFrom)
      ELSE r.validFrom <= q.asOfTo AND r.validTo >= q.asOfFrom
    END)
RETURN ask, key, type(r) AS type, startNode(r) = n AS outgoing, m.id AS far,
  coalesce(r.record, properties(r)) AS props,
  CASE WHEN $ends IS NULL THEN null ELSE [p IN $ends | m[p]] END AS end
