// Search by terms in relationships: the relationships whose note or locators have any of
// the query's terms, with their subject (start node), which is what a hit names. Go
// scores them with searchkey.Rank, as the in-process store does. Of the subject only the
// properties of $props come back, as from search, and of the relationship its id, type and
// ends; the hits Rank keeps are read whole afterwards (nodes_by_key, relations_of).
// Parameters: $ns (STRING), $kinds (LIST<STRING>, node kinds of the subject), $query (STRING, Lucene terms),
//   $props (LIST<STRING>, as search)
// When: only for a search racing a write (its transaction older than the snapshot the
//   search analysis was read from); every other search takes its candidates from the text
//   index kept with that analysis (neo4j/search.go, Store.Search).
// Index: relation_terms (FULLTEXT on searchTerms of every relationship type, analyzer 'whitespace').
CALL db.index.fulltext.queryRelationships('relation_terms', $query) YIELD relationship
WITH relationship AS r, startNode(relationship) AS a
WHERE r.ns = $ns AND a.nodeKind IN $kinds
RETURN [p IN $props | a[p]] AS subject, type(r) AS type, a.id AS from, endNode(r).id AS to, r.id AS id
