// Nodes: the stored nodes among the given scoped ids (missing ids give no row).
// Used by Store.Nodes and, inside the import transaction, to read what is stored before comparing.
// Parameters: $ns (STRING, the store's namespace), $keys (LIST<STRING>, scoped ids "<ns>:<id>")
// Index: entity_scoped_id (uniqueness constraint on :Entity(scopedId)), one seek per key.
UNWIND $keys AS key
MATCH (n:Entity {scopedId: key})
WHERE n.ns = $ns
RETURN key, properties(n) AS props
