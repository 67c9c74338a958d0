package graph_test

import (
	"slices"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/seed"
)

// TestEverySpellingFindsItsNode: every name, Chinese name and alias the dataset holds
// finds its node through search. Issue 12's done-when: every variant spelling a source
// prints finds its entity.
func TestEverySpellingFindsItsNode(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, seedStore(t))
	const q = `query($text: String!) { search(text: $text, first: 100) { node { id } } }`
	checked := 0
	for _, n := range ds.Nodes() {
		switch n.NodeKind() {
		case atlas.SourceNode, atlas.StatementNode, atlas.ReportedCountNode:
			continue // found by title or not by name at all
		}
		spellings := []string{n.Label()}
		for _, a := range atlas.AliasesOf(n) {
			spellings = append(spellings, a.Name)
		}
		for _, s := range spellings {
			var got struct {
				Search []struct{ Node struct{ ID string } }
			}
			data(t, srv, q, map[string]any{"text": s}, &got)
			checked++
			if !slices.ContainsFunc(got.Search, func(h struct{ Node struct{ ID string } }) bool { return h.Node.ID == n.NodeID() }) {
				t.Errorf("search %q does not find %s", s, n.NodeID())
			}
		}
	}
	t.Logf("%d spellings checked", checked)
}
