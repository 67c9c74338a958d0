// Relations: the relationships of each given node that pass the type, direction, role,
// "as of", source and tier filters of atlas.RelationQuery.MatchesRelation. Go groups the rows by key and sorts
// each group with atlas.CompareRelations.
// Parameters: $ns (STRING), $keys (LIST<STRING>, scoped ids), $types (LIST<STRING>, empty = all),
//   $outgoing, $incoming (BOOLEAN, the directions to keep), $roles (LIST<STRING>, empty = all;
//   only MEMBER_OF is filtered), $asOfFrom, $asOfTo (INTEGER ordinals YYYYMMDD of the first and last
//   day of the asOf date or the during period,
//   both null when no asOf is asked for), $sources (LIST<STRING>, empty = all: keeps relationships
//   whose citedSources has one of them), $includeRelayed (BOOLEAN: with $sources, also keeps
//   relationships whose relayedBy, the works relaying a cited source, has one of them),
//   $tiers (LIST<STRING>, empty = all: keeps relationships whose tiers, stored at import as
//   atlas.Relation.Tiers, has one of them, or that has none, stored by an earlier release;
//   atlas.Relation.MayBelongToTiers)
// Rows: outgoing says whether the asked node starts the relationship and far is the other
//   end's id (the asked node's id is in its key), rather than both ends' ids read per row;
//   props is the relationship's record (neo4j/record.go), or its properties when an earlier
//   release wrote it without one.
// Filters: the type and direction tests come first, before any property of r is read: the
//   undirected expansion meets every relationship of the node, of every type. r.ns is not
//   tested: create_relations joins two nodes of one namespace, found by their scoped ids,
//   so every relationship of n is in n's namespace.
// Index: entity_scoped_id to find each node, then expansion; the validFrom/validTo/attested*
//   ordinals are those of atlas.Span.Bounds, so this is atlas.Bounds.MayHoldAt in Cypher.
//   USING INDEX SEEK: without it Neo4j 5.26 seeked the ns index and filtered every node of the
//   namespace by scopedId.
UNWIND $keys AS key
MATCH (n:Entity {scopedId: key})-[r]-(m:Entity)
USING INDEX SEEK n:Entity(scopedId)
WHERE n.ns = $ns
  AND (size($types) = 0 OR type(r) IN $types)
  AND (($outgoing AND startNode(r) = n) OR ($incoming AND endNode(r) = n))
  AND (size($roles) = 0 OR type(r) <> 'MEMBER_OF' OR r.role IN $roles)
  AND (size($sources) = 0 OR any(s IN coalesce(r.citedSources, []) WHERE s IN $sources)
    OR ($includeRelayed AND any(s IN coalesce(r.relayedBy, []) WHERE s IN $sources)))
  AND (size($tiers) = 0 OR r.tiers IS NULL OR any(t IN r.tiers WHERE t IN $tiers))
  AND ($asOfFrom IS NULL OR
    CASE
      WHEN r.attestedOnly THEN any(i IN range(0, size(r.attestedFrom) - 1)
        WHERE r.attestedFrom[i] <= $asOfTo AND r.attestedTo[i] >= $asOfFrom)
      ELSE r.validFrom <= $asOfTo AND r.validTo >= $asOfFrom
    END)
RETURN key, type(r) AS type, startNode(r) = n AS outgoing, m.id AS far, coalesce(r.record, properties(r)) AS props
