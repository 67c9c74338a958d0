package analytics_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/conformance"
)

const testSource = "source/test"

// rel builds a relation for the small hand-made graphs; opts set dates and ids.
func rel(t atlas.RelType, from, to string, opts ...func(*atlas.Relation)) *atlas.Relation {
	r := &atlas.Relation{Type: t, From: from, To: to, Confidence: atlas.Stated,
		Sources: []atlas.Citation{{Source: testSource, Locator: "p. 1"}}}
	for _, o := range opts {
		o(r)
	}
	return r
}

func member(from, to string, opts ...func(*atlas.Relation)) *atlas.Relation {
	return rel(atlas.MemberOf, from, to, opts...)
}

func start(d string) func(*atlas.Relation) {
	return func(r *atlas.Relation) { r.Start = atlas.DatePtr(d) }
}
func end(d string) func(*atlas.Relation) { return func(r *atlas.Relation) { r.End = atlas.DatePtr(d) } }
func withID(id string) func(*atlas.Relation) {
	return func(r *atlas.Relation) { r.ID = id }
}

// graphOf returns a valid dataset holding the relations and a node for every id they
// name, each kind inferred from its id prefix.
func graphOf(tb testing.TB, rels ...*atlas.Relation) *atlas.Dataset {
	tb.Helper()
	cite := []atlas.Citation{{Source: testSource, Locator: "p. 1"}}
	ds := &atlas.Dataset{Sources: []*atlas.Source{{ID: testSource, Title: "Test", Kind: "OTHER"}}, Relations: rels}
	seen := map[string]bool{}
	for _, r := range rels {
		for _, id := range []string{r.From, r.To} {
			if seen[id] {
				continue
			}
			seen[id] = true
			kind, err := atlas.KindOfID(id)
			if err != nil {
				tb.Fatalf("bad id in test graph: %v", err)
			}
			name := strings.ReplaceAll(id[strings.Index(id, "/")+1:], "-", " ")
			switch kind {
			case atlas.GroupNode:
				ds.Add(&atlas.Group{ID: id, Name: "Group " + name, Kind: atlas.LeadingSmallGroup, Sources: cite})
			case atlas.PersonNode:
				ds.Add(&atlas.Person{ID: id, Name: "Person " + name, Sources: cite})
			case atlas.PositionNode:
				ds.Add(&atlas.Position{ID: id, Title: "Position " + name, Sources: cite})
			case atlas.InstitutionNode:
				ds.Add(&atlas.Institution{ID: id, Name: "Institution " + name, Kind: "MINISTRY", Sources: cite})
			case atlas.OfficeNode:
				ds.Add(&atlas.Office{ID: id, Name: "Office " + name, Kind: "OFFICE", Sources: cite})
			default:
				tb.Fatalf("test graphs hold actors only, got %s", id)
			}
		}
	}
	if err := ds.Validate(); err != nil {
		tb.Fatalf("test graph is invalid: %v", err)
	}
	return ds
}

// The hand-made graphs whose answers are worked out by hand in the tests.

// star: a group with four members.
func star(tb testing.TB) *analytics.Projection {
	tb.Helper()
	return analytics.Build(graphOf(tb,
		member("person/a", "group/hub"), member("person/b", "group/hub"),
		member("person/c", "group/hub"), member("person/d", "group/hub")))
}

// line: person/a – group/b – person/c – group/d – person/e.
func line(tb testing.TB) *analytics.Projection {
	tb.Helper()
	return analytics.Build(graphOf(tb,
		member("person/a", "group/b"), member("person/c", "group/b"),
		member("person/c", "group/d"), member("person/e", "group/d")))
}

// trianglePendant: groups a, b, c supervising each other in a triangle
// (a→b, b→c, a→c), and person/d a member of c.
func trianglePendant(tb testing.TB) *analytics.Projection {
	tb.Helper()
	return analytics.Build(graphOf(tb,
		rel(atlas.Supervises, "group/a", "group/b"), rel(atlas.Supervises, "group/b", "group/c"),
		rel(atlas.Supervises, "group/a", "group/c"), member("person/d", "group/c")))
}

// diamond: person/s and person/t both members of group/g1 and group/g2.
func diamond(tb testing.TB) *analytics.Projection {
	tb.Helper()
	return analytics.Build(graphOf(tb,
		member("person/s", "group/g1"), member("person/s", "group/g2"),
		member("person/t", "group/g1"), member("person/t", "group/g2")))
}

// ladder: k diamonds in a row, person/p0 … person/pk, so 2^k shortest paths join the ends.
func ladder(tb testing.TB, k int) *analytics.Projection {
	tb.Helper()
	var rels []*atlas.Relation
	for i := range k {
		p, q := "person/p"+itoa(i), "person/p"+itoa(i+1)
		for _, side := range []string{"a", "b"} {
			g := "group/g" + itoa(i) + side
			rels = append(rels, member(p, g), member(q, g))
		}
	}
	return analytics.Build(graphOf(tb, rels...))
}

func itoa(i int) string { return string(rune('0' + i)) }

func fixture(tb testing.TB) *analytics.Projection {
	tb.Helper()
	return analytics.Build(conformance.Fixture())
}

func ids(tb testing.TB, nodes []atlas.Node) []string {
	tb.Helper()
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.NodeID()
	}
	return out
}

func relIDs(tb testing.TB, rels []atlas.Relation) []string {
	tb.Helper()
	out := make([]string, len(rels))
	for i, r := range rels {
		out[i] = r.ID
	}
	return out
}

func date(s string) *atlas.PartialDate { return atlas.DatePtr(s) }

// wantCode fails unless err carries the atlas code want and a message naming what.
func wantCode(tb testing.TB, err error, want, what string) {
	tb.Helper()
	if got := atlas.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
	if msg := atlas.ErrorMessage(err); !strings.Contains(msg, what) {
		tb.Errorf("message %q does not mention %q", msg, what)
	}
}

func wantCanceled(tb testing.TB, err error) {
	tb.Helper()
	if !errors.Is(err, context.Canceled) {
		tb.Fatalf("error = %v, want context.Canceled", err)
	}
}

func cancelled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}
