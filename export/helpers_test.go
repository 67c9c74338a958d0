package export_test

import (
	"bytes"
	"errors"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/export"
	"lsgatlas/seed"
)

// graph is what an exporter takes.
type graph struct {
	nodes  []atlas.Node
	rels   []atlas.Relation
	source func(id string) *atlas.Source
}

func (g graph) export() export.Graph {
	return export.Graph{Nodes: g.nodes, Relations: g.rels, Source: g.source}
}

func graphOf(tb testing.TB, ds *atlas.Dataset) graph {
	tb.Helper()
	ds = ds.Prepared() // gives every relation its id, as a store does
	g := graph{nodes: ds.Nodes()}
	for _, r := range ds.Relations {
		g.rels = append(g.rels, *r)
	}
	sources := map[string]*atlas.Source{}
	for _, s := range ds.Sources {
		sources[s.ID] = s
	}
	g.source = func(id string) *atlas.Source { return sources[id] }
	return g
}

func fixtureGraph(tb testing.TB) graph {
	tb.Helper()
	return graphOf(tb, conformance.Fixture())
}

func seedGraph(tb testing.TB) graph {
	tb.Helper()
	ds, err := seed.Dataset()
	if err != nil {
		tb.Fatal(err)
	}
	return graphOf(tb, ds)
}

// Values chosen to break naive writers: markup characters, both quotes, Chinese, a
// newline, a tab and a control character XML cannot hold.
const (
	trickyID     = "group/tricky"
	trickyName   = `Q&A <"Small" 'Group'>` + "\nline two\tend"
	trickyNameZh = "中央“外事”工作领导小组 & 办公室"
)

// trickyGraph is two nodes and a relation with every attribute set.
func trickyGraph(tb testing.TB) graph {
	tb.Helper()
	system, level, role := atlas.PartySystem, atlas.Level("CENTRAL"), atlas.MemberRole("DEPUTY_LEADER")
	return graph{
		nodes: []atlas.Node{
			&atlas.Person{ID: "person/someone", Name: "Some\x01one", NameZh: "某人"},
			&atlas.Group{ID: trickyID, Name: trickyName, NameZh: trickyNameZh, Kind: atlas.Commission,
				System: &system, Level: &level, Categories: []atlas.Category{"FOREIGN_AFFAIRS_UNITED_FRONT", "POLITICS_LAW"},
				Established: atlas.DatePtr("2018-03-21"), Abolished: atlas.DatePtr("2020")},
		},
		rels: []atlas.Relation{{ID: "member_of/person/someone/group/tricky", Type: atlas.MemberOf,
			From: "person/someone", To: trickyID, Role: &role, Start: atlas.DatePtr("2018-03"), End: atlas.DatePtr("2019"),
			Attested: []atlas.PartialDate{atlas.MustDate("2018"), atlas.MustDate("2019-06")}, IncompleteList: true,
			Confidence: atlas.Reported, Sources: []atlas.Citation{
				{Source: "source/b", Locator: "p. 1"}, {Source: "source/a", Locator: "p. 2"}, {Source: "source/b", Locator: "p. 3"}}}},
	}
}

func write(tb testing.TB, f export.Format, g graph) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := export.Write(&buf, f, g.export()); err != nil {
		tb.Fatalf("write %s: %v", f, err)
	}
	return buf.Bytes()
}

// failingWriter fails every write, to check that writer errors reach the caller.
type failingWriter struct{}

var errDiskFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }
