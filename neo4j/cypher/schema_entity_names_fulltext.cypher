// Migration: a full-text index over names, Chinese names, titles and aliases, for fuzzy
// and ad-hoc search (Neo4j Browser, future ranking); Store.Search does not use it, because its
// results must equal the in-process store's. The analyzer is 'cjk' (Lucene's CJKAnalyzer):
// Chinese is written without spaces, and the default analyzer (standard-no-stop-words) makes
// each Han character its own token, so a query for '外事' would match every name containing 外
// or 事 (外交部, 人事…) with near-equal scores; cjk indexes overlapping character bigrams, so
// '外事' matches names that contain the word 外事, while Latin text (English names, pinyin) is
// still split on word boundaries and lower-cased. Names are short, so the bigram index is small.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Group|Office|Institution|Position|Person)
ON EACH [n.name, n.nameZh, n.title, n.titleZh, n.aliasNames]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }
