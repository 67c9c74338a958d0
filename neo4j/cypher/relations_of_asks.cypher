// Relations of several asks at once: relations_of for each map of $asks, in one statement, so
// that a level of a GraphQL request asking for relationships of several kinds (a group's chairs
// and members) costs one round trip. Go groups the relationships by ask and key and sorts each
// group with atlas.CompareRelations.
// With $ends, each relationship also brings the node at its other end, so the level's far
// ends need no nodes_by_key of their own.
// An ask may carry a follow-up (then, atlas.FollowUp): the relationships that pass then's
// filters of every far end of one of then.kinds (each with its own far end), so a chairs list
// derived through posts reads the posts' holders in the same statement. The filters of then
// are those of an ask, written again for the second hop (Cypher has no functions to share
// them); the conformance suite holds a follow-up's answer to what Relations answers with the
// same query.
// Parameters: $ns (STRING), $asks (LIST<MAP>: each map holds what relations_of takes as
//   parameters: keys, types, outgoing, incoming, roles, asOfFrom, asOfTo, sources, includeRelayed,
//   tiers; then: null or a map of the same filters without keys, and kinds, LIST<STRING>),
//   $ends (LIST<STRING> or null: the properties of the far end to return, in that order, as
//   nodes_by_key does with its own list; null returns no far end)
// Row: one, as the list statements' relations: relations, each entry [ask, at (the index of
//   the key in the ask's keys), type, outgoing, far, props, end], and next, the follow-ups', each entry
//   [ask, the id of the far end it starts from, type, outgoing, far, props, end], an entry
//   whose type is null saying that far end has none. outgoing says whether the asked node
//   starts the relationship, and the other end's id is the first value of end, or far without
//   $ends: no end's id is read twice; props is the relationship's record (neo4j/record.go),
//   or its properties when an earlier release wrote it without one. Lists, not maps, so no
//   key is sent and decoded per entry.
// Filters: what each ask leaves unfiltered (no types, roles, sources, tiers or date) is
//   worked out once per ask, not per row, and the type and direction tests come first,
//   before any property of r is read: the undirected expansion meets every relationship of
//   the node, of every type. Tested per row, the unused filters cost about a tenth of Neo4j's
//   CPU for the two-level query (docs/performance.md). r.ns is not tested: create_relations
//   joins two nodes of one namespace, found by their scoped ids, so every relationship of n
//   is in n's namespace.
// Index: entity_scoped_id to find each node, then expansion, as relations_of.
//   USING INDEX SEEK: as relations_of.
UNWIND range(0, size($asks) - 1) AS ask
WITH ask, $asks[ask] AS q
WITH ask, q, q.types AS types, q.outgoing AS outgoing, q.incoming AS incoming, size(q.types) = 0 AS allTypes,
  size(q.roles) = 0 AS allRoles, size(q.sources) = 0 AS allSources, size(q.tiers) = 0 AS allTiers,
  q.asOfFrom IS NULL AS anyTime
UNWIND range(0, size(q.keys) - 1) AS at
WITH ask, q, types, outgoing, incoming, allTypes, allRoles, allSources, allTiers, anyTime, at, q.keys[at] AS key
MATCH (n:Entity {scopedId: key})-[r]-(m:Entity)
USING INDEX SEEK n:Entity(scopedId)
WHERE n.ns = $ns
  AND (allTypes OR type(r) IN types)
  AND ((outgoing AND startNode(r) = n) OR (incoming AND endNode(r) = n))
  AND (allRoles OR type(r) <> 'MEMBER_OF' OR r.role IN q.roles)
  AND (allSources OR any(s IN coalesce(r.citedSources, []) WHERE s IN q.sources)
    OR (q.includeRelayed AND any(s IN coalesce(r.relayedBy, []) WHERE s IN q.sources)))
  AND (allTiers OR r.tiers IS NULL OR any(t IN r.tiers WHERE t IN q.tiers))
  AND (anyTime OR
    CASE
      WHEN r.attestedOnly THEN any(i IN range(0, size(r.attestedFrom) - 1)
        WHERE r.attestedFrom[i] <= q.asOfTo AND r.attestedTo[i] >= q.asOfFrom)
      ELSE r.validFrom <= q.asOfTo AND r.validTo >= q.asOfFrom
    END)
WITH ask, at, n, r, m, q.then AS t
WITH collect([ask, at, type(r), startNode(r) = n, CASE WHEN $ends IS NULL THEN m.id END,
    coalesce(r.record, properties(r)), CASE WHEN $ends IS NULL THEN null ELSE [p IN $ends | m[p]] END]) AS relations,
  collect(DISTINCT CASE WHEN t IS NOT NULL AND m.nodeKind IN t.kinds THEN [ask, m] END) AS starts
// The follow-ups: each far end of a follow-up's kinds once per ask, expanded once, however
// many rows lead to it (a COLLECT subquery per row cost a fifth of the statement).
CALL (starts) {
  UNWIND starts AS start
  WITH start[0] AS ask, start[1] AS m, $asks[start[0]].then AS t
  OPTIONAL MATCH (m)-[r2]-(x:Entity)
  WHERE (size(t.types) = 0 OR type(r2) IN t.types)
    AND ((t.outgoing AND startNode(r2) = m) OR (t.incoming AND endNode(r2) = m))
    AND (size(t.roles) = 0 OR type(r2) <> 'MEMBER_OF' OR r2.role IN t.roles)
    AND (size(t.sources) = 0 OR any(s IN coalesce(r2.citedSources, []) WHERE s IN t.sources)
      OR (t.includeRelayed AND any(s IN coalesce(r2.relayedBy, []) WHERE s IN t.sources)))
    AND (size(t.tiers) = 0 OR r2.tiers IS NULL OR any(tier IN r2.tiers WHERE tier IN t.tiers))
    AND (t.asOfFrom IS NULL OR
      CASE
        WHEN r2.attestedOnly THEN any(i IN range(0, size(r2.attestedFrom) - 1)
          WHERE r2.attestedFrom[i] <= t.asOfTo AND r2.attestedTo[i] >= t.asOfFrom)
        ELSE r2.validFrom <= t.asOfTo AND r2.validTo >= t.asOfFrom
      END)
  RETURN collect([ask, m.id, type(r2), startNode(r2) = m, CASE WHEN $ends IS NULL THEN x.id END,
    coalesce(r2.record, properties(r2)), CASE WHEN $ends IS NULL OR x IS NULL THEN null ELSE [p IN $ends | x[p]] END]) AS next
}
RETURN relations, next
