// Search by words: the nodes of the given kinds whose text fields could contain the
// query's words (searchkey.Parsed.Lucene, a quoted phrase of folded words). The full-text
// index's CJK analyzer finds every node searchkey.Hit accepts by words, and maybe more; Go
// scores and orders them with searchkey.Rank, as the in-process store does.
// Parameters: $ns (STRING), $kinds (LIST<STRING>, node kinds), $query (STRING, Lucene phrase)
// Index: entity_text (FULLTEXT on :Entity(searchBody) and the names, analyzer 'cjk').
CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node
WHERE node.ns = $ns AND node.nodeKind IN $kinds
RETURN properties(node) AS props
