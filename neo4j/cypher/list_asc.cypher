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
//   the values of those properties only, in its order, null where absent; see nodes_by_key)
// Index: entity_ns_node_kind, one equality seek on (ns, nodeKind) for the candidates: the nodes
//   of the asked kind only, never every node of the namespace. sortName holds the hex of the
//   UTF-8 bytes of atlas.SortKey so that Neo4j's string order (UTF-16 code units) equals Go's
//   (bytes) for every character.
//   USING INDEX SEEK: a plan Neo4j 5.26 made while the database was empty scanned the whole ns
//   index (every namespace) and kept it once there was data.
MATCH (n:Entity)
USING INDEX SEEK n:Entity(ns, nodeKind)
WHERE n.ns = $ns AND n.nodeKind = $nodeKind
  AND (size($kinds) = 0 OR n.kind IN $kinds)
  AND (size($systems) = 0 OR n.system IN $systems)
  AND (size($levels) = 0 OR n.level IN $levels)
  AND (size($horizons) = 0 OR n.horizon IN $horizons)
  AND (size($categories) = 0 OR any(c IN coalesce(n.categories, []) WHERE c IN $categories))
  AND ($crossSystem IS NULL OR n.crossSystem = $crossSystem)
  AND ($activeFrom IS NULL OR (n.validFrom <= $activeTo AND n.validTo >= $activeFrom))
  AND ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND (size($sources) = 0 OR any(s IN coalesce(n.citedSources, []) WHERE s IN $sources))
  AND (size($tiers) = 0 OR n.tiers IS NULL OR any(t IN n.tiers WHERE t IN $tiers))
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
  RETURN collect(CASE WHEN $props IS NULL THEN properties(n) ELSE [p IN $props | n[p]] END) AS rows
}
RETURN size(matched) AS total, size($tiers) > 0 AND any(n IN matched WHERE n.tiers IS NULL) AS untiered,
  size(rows) > $limit AS hasNextPage, rows[0..$limit] AS page
