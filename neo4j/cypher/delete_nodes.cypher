// Delete nodes: removes the nodes an import's dataset no longer has. Their relations were
// deleted before (delete_relations: a valid dataset keeps no relation whose end it drops), so a
// plain DELETE suffices and fails the import, rather than dropping data silently, if one is left.
// Parameters: $ns (STRING), $keys (LIST<STRING>, scoped ids)
// Index: entity_scoped_id (uniqueness constraint on :Entity(scopedId)), one seek per key.
//   USING INDEX SEEK keeps the planner from preferring the ns index.
UNWIND $keys AS key
MATCH (n:Entity {scopedId: key})
USING INDEX SEEK n:Entity(scopedId)
WHERE n.ns = $ns
DELETE n
RETURN count(*) AS deleted
