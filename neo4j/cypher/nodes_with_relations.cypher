// Nodes with their relations: the nodes of $keys, as nodes_by_key reads them, and for each
// of $asks their relationships, as a list statement (list_by_*) reads a page's, in one
// statement, so a root field naming its nodes (nodes(ids:), group(id:)) and the first
// level below it cost one round trip, not two (atlas.NodesWithRelations); with the next
// level (atlas.NextAsks), the level below that too (a group, its members, and the members'
// memberships and chairs).
// Parameters: $ns (STRING), $keys (LIST<STRING>, scoped ids, each once), $props (as
//   nodes_by_key), $asks, $nextKinds, $ends (as the list statements: relations_of_asks'
//   asks without keys, each of level 1, asked of every node found, or of level 2, asked of
//   every far end of level 1 of the kinds $nextKinds)
// Row: one. nodes: an entry [at, props] per node found, at its key's index in $keys;
//   relations, next, nextIds and nextRelations: as the list statements', at naming the node
//   by its key's index.
// Index: entity_scoped_id to find each node, then expansion, as relations_of_asks.
//   USING INDEX SEEK: as relations_of.
UNWIND range(0, size($keys) - 1) AS at
WITH at, $keys[at] AS key
MATCH (n:Entity {scopedId: key})
USING INDEX SEEK n:Entity(scopedId)
WHERE n.ns = $ns
WITH collect([at, n]) AS found
CALL (found) {
  UNWIND range(0, size($asks) - 1) AS ask
  WITH ask, $asks[ask] AS q
  WHERE q.level = 1
  WITH ask, q, q.types AS types, q.outgoing AS outgoing, q.incoming AS incoming, size(q.types) = 0 AS allTypes,
    size(q.roles) = 0 AS allRoles, size(q.sources) = 0 AS allSources, size(q.tiers) = 0 AS allTiers,
    q.asOfFrom IS NULL AS anyTime
  UNWIND found AS f
  WITH ask, q, types, outgoing, incoming, allTypes, allRoles, allSources, allTiers, anyTime, f[0] AS at, f[1] AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE (allTypes OR type(r) IN types)
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
  RETURN collect([ask, at, type(r), startNode(r) = n, CASE WHEN $ends IS NULL THEN m.id END,
    coalesce(r.record, properties(r)), CASE WHEN $ends IS NULL THEN null ELSE [p IN $ends | m[p]] END]) AS relations,
    collect(DISTINCT CASE WHEN t IS NOT NULL AND m.nodeKind IN t.kinds THEN [ask, m] END) AS starts,
    collect(DISTINCT CASE WHEN m.nodeKind IN $nextKinds THEN m END) AS level2
}
// The next level (NextAsks): the asks of level 2, of the far ends of level 1 of the kinds
// $nextKinds, each once, with the same filters; their follow-ups join level 1's.
CALL (level2) {
  UNWIND range(0, size($asks) - 1) AS ask
  WITH ask, $asks[ask] AS q
  WHERE q.level = 2
  WITH ask, q, q.types AS types, q.outgoing AS outgoing, q.incoming AS incoming, size(q.types) = 0 AS allTypes,
    size(q.roles) = 0 AS allRoles, size(q.sources) = 0 AS allSources, size(q.tiers) = 0 AS allTiers,
    q.asOfFrom IS NULL AS anyTime
  UNWIND range(0, size(level2) - 1) AS at
  WITH ask, q, types, outgoing, incoming, allTypes, allRoles, allSources, allTiers, anyTime, at, level2[at] AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE (allTypes OR type(r) IN types)
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
  RETURN collect([ask, at, type(r), startNode(r) = n, CASE WHEN $ends IS NULL THEN m.id END,
    coalesce(r.record, properties(r)), CASE WHEN $ends IS NULL THEN null ELSE [p IN $ends | m[p]] END]) AS nextRelations,
    collect(DISTINCT CASE WHEN t IS NOT NULL AND m.nodeKind IN t.kinds THEN [ask, m] END) AS nextStarts
}
WITH found, relations, level2, nextRelations, starts + nextStarts AS starts
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
RETURN [f IN found | [f[0], CASE WHEN $props IS NULL THEN properties(f[1]) ELSE [p IN $props | f[1][p]] END]] AS nodes,
  relations, next, [m IN level2 | m.id] AS nextIds, nextRelations
