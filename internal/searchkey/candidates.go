package searchkey

import (
	"strings"

	"lsgatlas/internal/textindex"
)

// TextIndex finds a search's candidates among analysed records: the nodes with a name key
// the query's key starts, and the nodes and relationships with any of the query's terms
// or their one-typo variants (Parsed.Lookup). Rank then decides which of them are hits.
// Both stores find candidates with it when they hold the analysis of every record (the
// embedded store always, the Neo4j store at the revision its analysis was read at), so
// for the same data they rank the same candidates.
type TextIndex struct{ ix *textindex.Index }

// Documents of the text index: nodes by id, relationships by id, apart.
const nodeDoc, relationDoc = "n:", "r:"

// TextIndexBuilder collects the analysed records of a TextIndex; the zero value is ready.
type TextIndexBuilder struct{ b textindex.Builder }

// AddNode adds the node with this id and analysed fields (atlas.SearchFields).
func (b *TextIndexBuilder) AddNode(id string, fs Fields) {
	b.b.AddKeys(nodeDoc+id, fs.NameKeys())
	b.b.AddTerms(nodeDoc+id, fs.Terms())
}

// AddRelation adds the relationship with this id and analysed fields
// (atlas.RelationSearchFields).
func (b *TextIndexBuilder) AddRelation(id string, fs Fields) {
	b.b.AddTerms(relationDoc+id, fs.Terms())
}

// Build returns the index of everything added.
func (b *TextIndexBuilder) Build() *TextIndex { return &TextIndex{b.b.Build()} }

// Candidates returns the ids of q's candidate nodes, those found by name key first, then
// those found by a term, each run sorted, and of its candidate relationships, sorted. The
// subject of a candidate relationship is a candidate too (Rank needs it among the nodes).
// A nil index (a store holding nothing yet) has none.
func (ix *TextIndex) Candidates(q Parsed, st *Stats) (nodes, relations []string) {
	if ix == nil {
		return nil, nil
	}
	for _, doc := range ix.ix.WithKeyPrefix(q.Key()) {
		if id, ok := strings.CutPrefix(doc, nodeDoc); ok {
			nodes = append(nodes, id)
		}
	}
	for _, doc := range ix.ix.WithAnyTerm(q.Lookup(st)) {
		if id, ok := strings.CutPrefix(doc, nodeDoc); ok {
			nodes = append(nodes, id)
		} else if id, ok := strings.CutPrefix(doc, relationDoc); ok {
			relations = append(relations, id)
		}
	}
	return nodes, relations
}
