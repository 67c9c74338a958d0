// Delete relations: removes stored relations that an import replaces (changed properties,
// type or end nodes); create_relations then writes their new form.
// Parameters: $ns (STRING), $rows (LIST<MAP>: {id, from, to} with from/to the scoped ids of
//   the stored end nodes)
// Index: entity_scoped_id to find the start node, then its outgoing relationships.
//   USING INDEX SEEK keeps the planner from preferring the ns index.
UNWIND $rows AS row
MATCH (a:Entity {scopedId: row.from})-[r]->(:Entity {scopedId: row.to})
USING INDEX SEEK a:Entity(scopedId)
WHERE r.ns = $ns AND r.id = row.id
DELETE r
RETURN count(*) AS deleted
