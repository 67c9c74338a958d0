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
// Index: entity_scoped_id to find each node, then expansion; the validFrom/validTo/attested*
//   ordinals are those of atlas.Span.Bounds, so this is atlas.Bounds.MayHoldAt in Cypher.
//   USING INDEX SEEK: without it Neo4j 5.26 seeked the ns index and filtered every node of the
//   namespace by scopedId.
UNWIND $keys AS key
MATCH (n:Entity {scopedId: key})-[r]-(:Entity)
USING INDEX SEEK n:Entity(scopedId)
WHERE n.ns = $ns AND r.ns = $ns
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
RETURN key, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
