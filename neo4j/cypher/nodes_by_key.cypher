// Nodes: the stored nodes among the given scoped ids (missing ids give no row).
// Used by Store.Nodes and, inside the import transaction, to read what is stored before comparing.
// Parameters: $ns (STRING, the store's namespace), $keys (LIST<STRING>, scoped ids "<ns>:<id>")
// Index: entity_scoped_id (uniqueness constraint on :Entity(scopedId)), one seek per key.
//   USING INDEX SEEK: without it Neo4j 5.26 seeked the ns index and filtered every node of the
//   namespace by scopedId; a plain USING INDEX still let a plan made while the database was
//   empty scan the whole index.
UNWIND $keys AS key
MATCH (n:Entity {scopedId: key})
USING INDEX SEEK n:Entity(scopedId)
WHERE n.ns = $ns
RETURN key, properties(n) AS props
