// Nodes: the stored nodes among the given scoped ids (missing ids give no row).
// Used by Store.Nodes and, inside the import transaction, to read what is stored before comparing.
// Parameters: $ns (STRING, the store's namespace), $keys (LIST<STRING>, scoped ids "<ns>:<id>"),
//   $props (LIST<STRING> or null: null returns every property as a map; a list returns the
//   values of those properties only, in its order, null where absent: the store's projection,
//   names from the whitelist in props.go, so a request's nodes cost what it selects)
// Index: entity_scoped_id (uniqueness constraint on :Entity(scopedId)), one seek per key.
//   USING INDEX SEEK: without it Neo4j 5.26 seeked the ns index and filtered every node of the
//   namespace by scopedId; a plain USING INDEX still let a plan made while the database was
//   empty scan the whole index.
UNWIND $keys AS key
MATCH (n:Entity {scopedId: key})
USING INDEX SEEK n:Entity(scopedId)
WHERE n.ns = $ns
RETURN key, CASE WHEN $props IS NULL THEN properties(n) ELSE [p IN $props | n[p]] END AS props
