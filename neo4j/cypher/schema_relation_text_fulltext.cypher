// Migration: the full-text index Store.Search reads for words in relationships
// (search_text_relations): searchBody, a relationship's note and locators folded by
// searchkey.Body. Relationship indexes name their types; this lists every one of
// atlas.RelTypes. Analyzer 'cjk', as for entity_text.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE FULLTEXT INDEX relation_text IF NOT EXISTS
FOR ()-[r:CHAIRS|MEMBER_OF|SUPERVISES|REPORTS_TO|HAS_OFFICE|HOSTED_BY|DIRECTS|HOLDS|POSITION_IN|SUCCEEDED_BY|PARTY_GROUP_OF|ABOUT|ISSUED_BY|CONCERNS|BASED_ON]-()
ON EACH [r.searchBody]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }
