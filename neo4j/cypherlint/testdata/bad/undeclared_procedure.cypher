// Broken on purpose: the lint must reject this file (see ../../lint.mjs --expect-failures).
// Parameters: $query
// Index: none
CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN analyzer, $query AS query
