// Search by terms: the nodes of the given kinds with any of the query's terms or their
// one-typo variants (searchkey.Parsed.Lucene: terms separated by spaces, any matching).
// The index's terms are searchkey's (whitespace analyzer over searchTerms), so it finds
// exactly the nodes searchkey.Rank can score; Go scores and orders them, as the
// in-process store does with its own index. Only the properties of $props come back, as from search.
// Parameters: $ns (STRING), $kinds (LIST<STRING>, node kinds), $query (STRING, Lucene terms),
//   $props (LIST<STRING>, as search)
// When: only for a search racing a write (its transaction older than the snapshot the
//   search analysis was read from); every other search takes its candidates from the text
//   index kept with that analysis (neo4j/search.go, Store.Search).
// Index: entity_terms (FULLTEXT on :Entity(searchTerms), analyzer 'whitespace').
CALL db.index.fulltext.queryNodes('entity_terms', $query) YIELD node
WHERE node.ns = $ns AND node.nodeKind IN $kinds
RETURN [p IN $props | node[p]] AS props
