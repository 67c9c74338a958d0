// Create relations: creates the relationships of an import that are new or replaced. The
// type comes from a fixed whitelist, atlas.RelTypes: one FOREACH per type, since a
// relationship type cannot be a parameter in long-established Cypher 5. Go checks that
// created equals the number of rows (both end nodes were upserted in the same transaction).
// Parameters: $ns (STRING), $rows (LIST<MAP>: {type, from, to, props} with from/to scoped ids)
// Index: entity_scoped_id (uniqueness constraint on :Entity(scopedId)) finds both end nodes.
UNWIND $rows AS row
MATCH (a:Entity {scopedId: row.from})
USING INDEX SEEK a:Entity(scopedId)
WITH row, a
MATCH (b:Entity {scopedId: row.to})
USING INDEX SEEK b:Entity(scopedId)
FOREACH (_ IN CASE WHEN row.type = 'CHAIRS' THEN [1] ELSE [] END |
  CREATE (a)-[r:CHAIRS]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'MEMBER_OF' THEN [1] ELSE [] END |
  CREATE (a)-[r:MEMBER_OF]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'SUPERVISES' THEN [1] ELSE [] END |
  CREATE (a)-[r:SUPERVISES]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'REPORTS_TO' THEN [1] ELSE [] END |
  CREATE (a)-[r:REPORTS_TO]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'HAS_OFFICE' THEN [1] ELSE [] END |
  CREATE (a)-[r:HAS_OFFICE]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'HOSTED_BY' THEN [1] ELSE [] END |
  CREATE (a)-[r:HOSTED_BY]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'DIRECTS' THEN [1] ELSE [] END |
  CREATE (a)-[r:DIRECTS]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'HOLDS' THEN [1] ELSE [] END |
  CREATE (a)-[r:HOLDS]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'POSITION_IN' THEN [1] ELSE [] END |
  CREATE (a)-[r:POSITION_IN]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'SUCCEEDED_BY' THEN [1] ELSE [] END |
  CREATE (a)-[r:SUCCEEDED_BY]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'PARTY_GROUP_OF' THEN [1] ELSE [] END |
  CREATE (a)-[r:PARTY_GROUP_OF]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'ABOUT' THEN [1] ELSE [] END |
  CREATE (a)-[r:ABOUT]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'ISSUED_BY' THEN [1] ELSE [] END |
  CREATE (a)-[r:ISSUED_BY]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'CONCERNS' THEN [1] ELSE [] END |
  CREATE (a)-[r:CONCERNS]->(b) SET r = row.props, r.ns = $ns)
FOREACH (_ IN CASE WHEN row.type = 'BASED_ON' THEN [1] ELSE [] END |
  CREATE (a)-[r:BASED_ON]->(b) SET r = row.props, r.ns = $ns)
RETURN count(*) AS created
