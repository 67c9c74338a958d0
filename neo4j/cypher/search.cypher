// Search: every node of the given kinds with a search key containing the normalised text.
// searchText joins the keys of searchkey.Of with "|", a character no key or query contains,
// so a match never straddles two keys: the rows are exactly the nodes atlas.MatchScore scores
// above 0. Go scores them with atlas.MatchScore and orders them with atlas.CompareHits, so the
// hits equal the in-process store's by construction.
// Parameters: $ns (STRING), $kinds (LIST<STRING>, node kinds), $text (STRING, searchkey.Query)
// Index: entity_search_text (TEXT index on :Entity(searchText)) answers CONTAINS.
MATCH (n:Entity)
USING TEXT INDEX n:Entity(searchText)
WHERE n.searchText CONTAINS $text AND n.ns = $ns AND n.nodeKind IN $kinds
RETURN properties(n) AS props
