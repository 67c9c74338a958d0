package graph_test

import (
	"context"
	"slices"
	"sync/atomic"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/seed"
)

// claim selects every field of a property claim.
const claim = `property value rank confidence note sources { source { id } locator }`

type supportsCounter struct {
	atlas.Store
	calls atomic.Int32
}

func (c *supportsCounter) Supports(ctx context.Context, q atlas.SupportQuery) ([]atlas.SupportPage, error) {
	c.calls.Add(1)
	return c.Store.Supports(ctx, q)
}

// TestSupportsOfManySourcesIsOneStoreCall: listing what every source says costs one
// Supports call, not one per source.
func TestSupportsOfManySourcesIsOneStoreCall(t *testing.T) {
	store := &supportsCounter{Store: seedStore(t)}
	srv := newServer(t, store)
	var got struct {
		Sources struct {
			Nodes []struct {
				Supports struct{ TotalCount int }
			}
		}
	}
	data(t, srv, `{ sources(first: 100) { nodes { supports(first: 3) { totalCount } } } }`, nil, &got)
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Sources.Nodes) != min(len(ds.Sources), 100) {
		t.Fatalf("%d sources", len(got.Sources.Nodes))
	}
	if n := store.calls.Load(); n != 1 {
		t.Errorf("%d Supports calls for %d sources, want 1", n, len(got.Sources.Nodes))
	}
}

// citing reports whether every relationship or event cites source, and how many there are.
func citing(items []struct {
	Sources []struct{ Source struct{ ID string } }
}, source string) (all bool, n int) {
	all = true
	for _, it := range items {
		found := false
		for _, c := range it.Sources {
			found = found || c.Source.ID == source
		}
		all = all && found
	}
	return all, len(items)
}

type cited = []struct {
	Sources []struct{ Source struct{ ID string } }
}

func TestFilterBySource(t *testing.T) {
	srv := newServer(t, seedStore(t))
	var got struct {
		G      struct{ All, Sipri cited }
		Groups struct {
			Nodes []struct{ ID string }
		}
		All    []struct{ Kind string }
		Thomas []struct {
			Kind    string
			Sources []struct{ Source struct{ ID string } }
		}
		Network struct{ Relationships cited }
	}
	data(t, srv, `{
	  g: group(id: "group/foreign-affairs-leading-small-group") { all: relationships { sources { source { id } } }
	    sipri: relationships(sources: ["source/sipri-2010"]) { sources { source { id } } } }
	  groups(filter: { sources: ["source/academy-of-chinese-studies-2020"] }, orderBy: { field: ID }, first: 50) { nodes { id } }
	  all: timeline(id: "group/taiwan-affairs-leading-small-group") { kind }
	  thomas: timeline(id: "group/taiwan-affairs-leading-small-group", sources: ["source/thomas-fp"]) { kind sources { source { id } } }
	  network(ids: ["group/central-foreign-affairs-commission"], depth: 1, sources: ["source/rana-2021"]) { relationships { sources { source { id } } } }
	}`, nil, &got)
	if ok, n := citing(got.G.Sipri, "source/sipri-2010"); !ok || n == 0 || n >= len(got.G.All) {
		t.Errorf("relationships citing SIPRI: %d of %d, all citing it %v", n, len(got.G.All), ok)
	}
	var groups []string
	for _, g := range got.Groups.Nodes {
		groups = append(groups, g.ID)
	}
	want := []string{"group/central-study-group", "group/foreign-affairs-group", "group/foreign-affairs-leading-small-group",
		"group/political-science-and-law-leading-small-group", "group/taiwan-affairs-leading-small-group", "group/three-person-military-leadership-group"}
	if !slices.Equal(groups, want) {
		t.Errorf("groups citing the Academy: %v, want %v", groups, want)
	}
	// Thomas's 1958 founding is not the preferred claim, so the founding event, which
	// cites the Academy alone, is not among what Thomas supports.
	if len(got.All) == 0 || got.All[0].Kind != "ESTABLISHED" || len(got.Thomas) == 0 || len(got.Thomas) >= len(got.All) {
		t.Errorf("timeline %v, by Thomas %v", got.All, got.Thomas)
	}
	for _, e := range got.Thomas {
		if e.Kind == "ESTABLISHED" || !slices.ContainsFunc(e.Sources, func(c struct{ Source struct{ ID string } }) bool { return c.Source.ID == "source/thomas-fp" }) {
			t.Errorf("event by Thomas %+v", e)
		}
	}
	if ok, n := citing(got.Network.Relationships, "source/rana-2021"); !ok || n == 0 {
		t.Errorf("network by Rana: %d relationships, all citing him %v", n, ok)
	}
}

// TestPathsBySource: Xi Jinping is one hop from the foreign affairs commission, but not
// through anything Zhu's paper says.
func TestPathsBySource(t *testing.T) {
	srv := newServer(t, seedStore(t))
	var got struct{ All, Zhu struct{ Length int } }
	data(t, srv, `{
	  all: shortestPaths(from: "person/xi-jinping", to: "group/central-foreign-affairs-commission") { length }
	  zhu: shortestPaths(from: "person/xi-jinping", to: "group/central-foreign-affairs-commission", sources: ["source/zhu-2015"]) { length }
	}`, nil, &got)
	if got.All.Length != 1 || got.Zhu.Length != 0 {
		t.Errorf("path lengths %d (all sources) and %d (Zhu only), want 1 and 0", got.All.Length, got.Zhu.Length)
	}
}

// TestFilterBySourceOnEveryRelationshipField: the per-type fields (members, chairs, …)
// take the same sources filter as relationships, and a bad id is INVALID.
func TestFilterBySourceOnEveryRelationshipField(t *testing.T) {
	srv := newServer(t, seedStore(t))
	var got struct {
		G struct{ Members, MembersSipri, Chairs, ChairsThomas cited }
	}
	data(t, srv, `{ g: group(id: "group/foreign-affairs-leading-small-group") {
	    members { sources { source { id } } } membersSipri: members(sources: ["source/sipri-2010"]) { sources { source { id } } }
	    chairs { sources { source { id } } } chairsThomas: chairs(sources: ["source/thomas-fp"]) { sources { source { id } } } } }`, nil, &got)
	for _, tc := range []struct {
		field, source string
		all, filtered cited
	}{{"members", "source/sipri-2010", got.G.Members, got.G.MembersSipri}, {"chairs", "source/thomas-fp", got.G.Chairs, got.G.ChairsThomas}} {
		if ok, n := citing(tc.filtered, tc.source); !ok || n == 0 || n >= len(tc.all) {
			t.Errorf("%s citing %s: %d of %d, all citing it %v", tc.field, tc.source, n, len(tc.all), ok)
		}
	}
	for _, q := range []string{
		`{ group(id: "group/foreign-affairs-leading-small-group") { members(sources: ["group/x"]) { id } } }`,
		`{ group(id: "group/foreign-affairs-leading-small-group") { chairs(sources: ["not an id"]) { id } } }`,
	} {
		if r := post(t, srv, q, nil); len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" {
			t.Errorf("%s: errors %+v, want one INVALID", q, r.Errors)
		}
	}
}
