package neo4j

import (
	"context"

	"lsgatlas/atlas"
)

// What the live tests (package neo4j_test) need from inside the package.

// StatementText is the embedded text of cypher/<name>.cypher ("" if there is none).
func StatementText(name string) string { return loaded[name].text }

// StatementNames lists every embedded statement.
func StatementNames() []string {
	var out []string
	for name := range loaded {
		out = append(out, name)
	}
	return out
}

// Bookmarks are the bookmarks the store's sessions share (nil over a fake backend).
func (s *Store) Bookmarks(ctx context.Context) []string {
	b, ok := s.db.(*driverBackend)
	if !ok {
		return nil
	}
	marks, err := b.bookmarks.GetBookmarks(ctx)
	if err != nil {
		return nil
	}
	return marks
}

// CandidateProps are the properties the search statements return of each candidate.
var CandidateProps = candidateProps

// SearchThroughIndexes searches as Search does while a write lands: the candidates from
// Neo4j's name and full-text indexes, not from the kept index.
func (s *Store) SearchThroughIndexes(ctx context.Context, q atlas.SearchQuery) (atlas.SearchResult, error) {
	return s.searchWith(ctx, q, false)
}

// ListStatementNames are the names of the list statements, one per order and direction.
func ListStatementNames() []string { return listNames() }

// ForgetSearchAnalysis drops the kept search analysis, so the next search rebuilds it from
// a snapshot.
func (s *Store) ForgetSearchAnalysis() { s.search.reset() }

// SetWritesKept sets how many revisions' write records a namespace keeps (and so how far
// behind a search may be and still read them), until the returned func restores it.
func SetWritesKept(n int64) (restore func()) {
	was := maxWritesBehind
	maxWritesBehind = n
	return func() { maxWritesBehind = was }
}
