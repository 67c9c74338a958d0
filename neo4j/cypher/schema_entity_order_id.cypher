// Migration: the nodes of each kind of each namespace in id order: the list
// ordered by ID reads its page from it in order, so it stops after the page
// instead of sorting every node of the kind (list_by_id_asc, list_by_id_desc).
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE INDEX entity_order_id IF NOT EXISTS FOR (n:Entity) ON (n.ns, n.nodeKind, n.id)
