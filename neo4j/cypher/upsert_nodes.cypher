// Upsert nodes: creates or replaces the nodes whose stored form differs from the import's.
// SET n = row.props replaces every property, so a field that became empty is removed. The
// kind label comes from a fixed whitelist: one FOREACH per atlas.NodeKind, since a label
// cannot be a parameter in long-established Cypher 5.
// Parameters: $ns (STRING), $rows (LIST<MAP>: {scopedId, nodeKind, props})
// Index: entity_scoped_id (uniqueness constraint on :Entity(scopedId)) backs the MERGE.
UNWIND $rows AS row
MERGE (n:Entity {scopedId: row.scopedId})
SET n = row.props, n.scopedId = row.scopedId, n.ns = $ns
FOREACH (_ IN CASE WHEN row.nodeKind = 'GROUP' THEN [1] ELSE [] END | SET n:Group)
FOREACH (_ IN CASE WHEN row.nodeKind = 'OFFICE' THEN [1] ELSE [] END | SET n:Office)
FOREACH (_ IN CASE WHEN row.nodeKind = 'INSTITUTION' THEN [1] ELSE [] END | SET n:Institution)
FOREACH (_ IN CASE WHEN row.nodeKind = 'POSITION' THEN [1] ELSE [] END | SET n:Position)
FOREACH (_ IN CASE WHEN row.nodeKind = 'PERSON' THEN [1] ELSE [] END | SET n:Person)
FOREACH (_ IN CASE WHEN row.nodeKind = 'SOURCE' THEN [1] ELSE [] END | SET n:Source)
FOREACH (_ IN CASE WHEN row.nodeKind = 'REPORTED_COUNT' THEN [1] ELSE [] END | SET n:ReportedCount)
FOREACH (_ IN CASE WHEN row.nodeKind = 'STATEMENT' THEN [1] ELSE [] END | SET n:Statement)
FOREACH (_ IN CASE WHEN row.nodeKind = 'TOPIC' THEN [1] ELSE [] END | SET n:Topic)
FOREACH (_ IN CASE WHEN row.nodeKind = 'DOCUMENT' THEN [1] ELSE [] END | SET n:Document)
RETURN count(n) AS upserted
