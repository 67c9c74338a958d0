// Search by words in relationships: the relationships whose note or locators could contain
// the query's words, with their subject (start node), which is what a hit names. Go scores
// them with searchkey.Rank, as the in-process store does.
// Parameters: $ns (STRING), $kinds (LIST<STRING>, node kinds of the subject), $query (STRING, Lucene phrase)
// Index: relation_text (FULLTEXT on searchBody of every relationship type, analyzer 'cjk').
CALL db.index.fulltext.queryRelationships('relation_text', $query) YIELD relationship
WITH relationship AS r, startNode(relationship) AS a
WHERE r.ns = $ns AND a.nodeKind IN $kinds
RETURN properties(a) AS subject, type(r) AS type, a.id AS from, endNode(r).id AS to, properties(r) AS props
