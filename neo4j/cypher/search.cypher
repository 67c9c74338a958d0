// Search by names: every node of the given kinds with a search key containing the normalised
// text. searchText joins the keys of searchkey.Of (names, Chinese names, aliases, their pinyin,
// spaces and punctuation removed) with "|", a character no key or query contains, so a match
// never straddles two keys. Every name searchkey matches (whole, from its start or from a word
// inside it) contains the text, so the rows are a superset of the name matches; Go scores them
// with searchkey.Rank, as the in-process store scores the candidates of its own index. Only
// the properties of $props come back (id, kind and what a label is made of, for the order of
// ties): Rank scores from the analysis Go keeps per revision, and only the hits it keeps are
// read whole (nodes_by_key).
// Parameters: $ns (STRING), $kinds (LIST<STRING>, node kinds), $text (STRING, searchkey.Parsed.Key),
//   $props (LIST<STRING>, the properties to return, in that order, as nodes_by_key takes them)
// When: only for a search racing a write (its transaction older than the snapshot the
//   search analysis was read from); every other search takes its candidates from the text
//   index kept with that analysis (neo4j/search.go, Store.Search).
// Index: entity_search_text (TEXT index on :Entity(searchText)) answers CONTAINS.
MATCH (n:Entity)
USING TEXT INDEX n:Entity(searchText)
WHERE n.searchText CONTAINS $text AND n.ns = $ns AND n.nodeKind IN $kinds
RETURN [p IN $props | n[p]] AS props
