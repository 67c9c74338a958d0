// Migration: a TEXT index over the joined search keys (searchkey.Of), which is what answers
// CONTAINS for Search and List's nameContains; range indexes answer only prefix matches.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.searchText)
