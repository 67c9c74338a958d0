// Search by terms in relationships: the relationships whose note or locators have any of
// the query's terms, with their subject (start node), which is what a hit names. Go
// scores them with searchkey.Rank, as the in-process store does.
// Parameters: $ns (STRING), $kinds (LIST<STRING>, node kinds of the subject), $query (STRING, Lucene terms)
// Index: relation_terms (FULLTEXT on searchTerms of every relationship type, analyzer 'whitespace').
CALL db.index.fulltext.queryRelationships('relation_terms', $query) YIELD relationship
WITH relationship AS r, startNode(relationship) AS a
WHERE r.ns = $ns AND a.nodeKind IN $kinds
RETURN properties(a) AS subject, type(r) AS type, a.id AS from, endNode(r).id AS to, properties(r) AS props
