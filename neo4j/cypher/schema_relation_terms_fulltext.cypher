// Migration: the full-text index Store.Search reads for terms in relationships
// (search_text_relations): searchTerms, the index terms of a relationship's note and
// locators (searchkey.TermText). Relationship indexes name their types; this lists
// every one of atlas.RelTypes. Analyzer 'whitespace', as for entity_terms.
// Parameters: none
// Index: creates it; IF NOT EXISTS makes re-running it at every start-up a no-op.
CREATE FULLTEXT INDEX relation_terms IF NOT EXISTS
FOR ()-[r:CHAIRS|MEMBER_OF|SUPERVISES|REPORTS_TO|HAS_OFFICE|HOSTED_BY|DIRECTS|HOLDS|POSITION_IN|SUCCEEDED_BY|PARTY_GROUP_OF|ABOUT|ISSUED_BY|CONCERNS|BASED_ON]-()
ON EACH [r.searchTerms]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }
