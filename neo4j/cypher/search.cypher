// Search by names: every node of the given kinds with a search key containing the normalised
// text. searchText joins the keys of searchkey.Of (names, Chinese names, aliases, their pinyin,
// spaces and punctuation removed) with "|", a character no key or query contains, so a match
// never straddles two keys. Every name searchkey matches (whole, from its start or from a word
// inside it) contains the text, so the rows are a superset of the name matches; Go scores them
// with searchkey.Rank, as the in-process store scores the candidates of its own index.
// Parameters: $ns (STRING), $kinds (LIST<STRING>, node kinds), $text (STRING, searchkey.Parsed.Key)
// Index: entity_search_text (TEXT index on :Entity(searchText)) answers CONTAINS.
MATCH (n:Entity)
USING TEXT INDEX n:Entity(searchText)
WHERE n.searchText CONTAINS $text AND n.ns = $ns AND n.nodeKind IN $kinds
RETURN properties(n) AS props
