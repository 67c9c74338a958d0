// Migration: the full-text index Store.Search reads for words (search_text_nodes). It covers
// searchBody, the text fields of atlas.SearchFields that are not names (descriptions, notes,
// authors, publishers, locators…) folded by searchkey.Body, and the names as written, for
// ad-hoc search in Neo4j Browser (Store.Search finds names through entity_search_text).
// The analyzer is 'cjk' (Lucene's CJKAnalyzer): Chinese is written without spaces, and the
// default analyzer makes each Han character its own token, so '外事' would match every text
// containing 外 or 事; cjk indexes overlapping character bigrams, so '外事' matches texts that
// contain the word 外事, while Latin text is split into words and lower-cased.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.searchBody, n.name, n.nameZh, n.title, n.titleZh, n.aliasNames]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }
