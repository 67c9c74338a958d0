// Migration: the full-text index Store.Search reads for terms (search_text_nodes). It covers
// searchTerms, every index term of a node's searchable fields as searchkey analyses them
// (folded words, pairs of adjacent CJK characters, synonyms' terms), separated by spaces.
// The analyzer is 'whitespace', so Lucene's terms are exactly searchkey's: the analysis
// (folding, traditional characters, synonyms) lives once, in Go, and the index only
// finds the candidates that searchkey.Rank then scores.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE FULLTEXT INDEX entity_terms IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.searchTerms]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }
