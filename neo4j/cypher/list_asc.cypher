// List (ascending): one page of the nodes of one kind that pass atlas.MatchesFilter and the
// nameContains filter, in ascending (sort key, id) order, after the keyset cursor, with the total
// count of matches. list_asc and list_desc differ only in direction: ORDER BY cannot take the
// direction as a parameter, and one file per direction keeps each statement plain.
// Parameters: $ns (STRING), $nodeKind (STRING, atlas.NodeKind), $kinds (LIST<STRING>, the kind
//   enum of groups, institutions, offices or sources; empty = all), $systems, $levels, $horizons,
//   $categories (LIST<STRING>, empty = all), $crossSystem (BOOLEAN or null), $activeFrom,
//   $activeTo (INTEGER ordinals of activeAsOf, or null), $nameContains (STRING, a normalised
//   search query, or null), $sources (LIST<STRING>, empty = all: keeps nodes whose citedSources
//   has one of them), $tiers (LIST<STRING>, empty = all: keeps nodes whose tiers, stored at
//   import by atlas.Dataset.Prepared, have one of them; a node stored without tiers by an
//   earlier release is kept, and untiered tells Go to decide the list through the sources
//   instead, see Store.List), $orderBy (STRING: NAME, ID or ESTABLISHED), $afterKey, $afterId
//   (STRING, the cursor in stored form, or null for the first page), $limit (INTEGER, page size),
//   $props (LIST<STRING> or null: null returns each node's properties as a map; a list returns
//   the values of those properties only, in its order, null where absent; see nodes_by_key),
//   $asks (LIST<MAP>, what relations_of_asks takes, without keys, and level: 1, asked of
//   every node of the page, or 2, asked of every far end of level 1 of the kinds
//   $nextKinds; empty for none), $nextKinds (LIST<STRING>, empty for no level 2), $ends
//   (as relations_of_asks)
// Relations: with $asks, the page's nodes' relationships come in the same statement, so a
//   list and the first level below it (a page of groups, their chairs and members) cost one
//   round trip, not two: on the driver alone, the two-level query's reads as one statement
//   ran at 1.9 times the requests per second of a list_asc and a relations_of_asks
//   (README, Performance). The relations are one list, each entry [ask, at (the node's
//   index in the page), type, outgoing, far, props, end], with the values and filters of
//   relations_of_asks' rows; the follow-ups' are another, next, each entry [ask, the id of
//   the far end it starts from, type, outgoing, far, props, end], and an entry whose type
//   is null says that far end has none. Lists, not maps, so no key is sent and decoded per
//   entry. The filters are relations_of_asks', written again (Cypher has no functions to
//   share them; TestRelationFiltersAreOneText keeps them one text); the conformance suite
//   holds the answer to what List then RelationsOf give. Level 2 (atlas.NextAsks) comes as
//   nextIds, the far ends it was asked of, and nextRelations, entries as relations' with
//   at their index in nextIds; its follow-ups are in next with level 1's. A three-level
//   query is then one statement: written by hand, that cost Neo4j a quarter less than
//   the list and a relations_of_asks (README, Performance).
// Index: entity_ns_node_kind, one equality seek on (ns, nodeKind) for the candidates: the nodes
//   of the asked kind only, never every node of the namespace. sortName holds the hex of the
//   UTF-8 bytes of atlas.SortKey so that Neo4j's string order (UTF-16 code units) equals Go's
//   (bytes) for every character.
//   USING INDEX SEEK: a plan Neo4j 5.26 made while the database was empty scanned the whole ns
//   index (every namespace) and kept it once there was data.
MATCH (n:Entity)
USING INDEX SEEK n:Entity(ns, nodeKind)
// Each filter is guarded with CASE, which Neo4j evaluates in order. It reorders the
// operands of OR, so "no filter OR the property matches" read the property of every node
// of the kind even with no filter asked: at 100x, 10,500 reads a page, 20-22 ms against
// 12-13 ms with CASE (TestLiveListReadsOnlyAskedFilters).
WHERE n.ns = $ns AND n.nodeKind = $nodeKind
  AND CASE WHEN size($kinds) = 0 THEN true ELSE n.kind IN $kinds END
  AND CASE WHEN size($systems) = 0 THEN true ELSE n.system IN $systems END
  AND CASE WHEN size($levels) = 0 THEN true ELSE n.level IN $levels END
  AND CASE WHEN size($horizons) = 0 THEN true ELSE n.horizon IN $horizons END
  AND CASE WHEN size($categories) = 0 THEN true ELSE any(c IN coalesce(n.categories, []) WHERE c IN $categories) END
  AND CASE WHEN $crossSystem IS NULL THEN true ELSE n.crossSystem = $crossSystem END
  AND CASE WHEN $activeFrom IS NULL THEN true ELSE n.validFrom <= $activeTo AND n.validTo >= $activeFrom END
  AND CASE WHEN $nameContains IS NULL THEN true ELSE n.searchText CONTAINS $nameContains END
  AND CASE WHEN size($sources) = 0 THEN true ELSE any(s IN coalesce(n.citedSources, []) WHERE s IN $sources) END
  AND CASE WHEN size($tiers) = 0 THEN true ELSE n.tiers IS NULL OR any(t IN n.tiers WHERE t IN $tiers) END
// The matching nodes are collected as references, counted, and only the page is ordered
// and projected (ORDER BY with LIMIT keeps the best $limit + 1 as it goes), rather than every
// node of the kind made a map and sorted (at 100x, 3,500 groups: a page took 21.9 ms, now 18.3).
WITH collect(n) AS matched
CALL (matched) {
  UNWIND matched AS n
  WITH n,
    CASE $orderBy
      WHEN 'ID' THEN n.id
      WHEN 'ESTABLISHED' THEN n.sortEstablished
      ELSE n.sortName
    END AS sortKey
  WHERE $afterId IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId)
  WITH n, sortKey ORDER BY sortKey, n.id
  LIMIT $limit + 1
  RETURN collect(n) AS listed
}
WITH matched, size(listed) > $limit AS hasNextPage, listed[0..$limit] AS page
CALL (page) {
  UNWIND range(0, size($asks) - 1) AS ask
  WITH ask, $asks[ask] AS q
  WHERE q.level = 1
  WITH ask, q, q.types AS types, q.outgoing AS outgoing, q.incoming AS incoming, size(q.types) = 0 AS allTypes,
    size(q.roles) = 0 AS allRoles, size(q.sources) = 0 AS allSources, size(q.tiers) = 0 AS allTiers,
    q.asOfFrom IS NULL AS anyTime
  UNWIND range(0, size(page) - 1) AS at
  WITH ask, q, types, outgoing, incoming, allTypes, allRoles, allSources, allTiers, anyTime, at, page[at] AS n
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
WITH matched, hasNextPage, page, relations, level2, nextRelations, starts + nextStarts AS starts
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
RETURN size(matched) AS total, size($tiers) > 0 AND any(n IN matched WHERE n.tiers IS NULL) AS untiered,
  hasNextPage, [n IN page | CASE WHEN $props IS NULL THEN properties(n) ELSE [p IN $props | n[p]] END] AS page,
  relations, next, [m IN level2 | m.id] AS nextIds, nextRelations
