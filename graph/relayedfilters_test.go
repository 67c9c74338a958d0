package graph_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

// includeRelayed on timeline and on the lists' sources filter: filtering by Rana with
// relayed works keeps exactly what cites Rana or a work Rana relays (SIPRI among them).
func TestIncludeRelayedOnTimelineAndLists(t *testing.T) {
	srv := newServer(t, seedStore(t))
	const rana = "source/rana-2021"
	// The works Rana relays, read from the sources themselves.
	type source struct {
		ID       string
		CitedVia *struct{ ID string }
	}
	var all []source
	for after := ""; ; {
		var page struct {
			Sources struct {
				Nodes    []source
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
		}
		data(t, srv, `query($after: String) { sources(first: 100, after: $after) { nodes { id citedVia { id } } pageInfo { hasNextPage endCursor } } }`,
			map[string]any{"after": after}, &page)
		all = append(all, page.Sources.Nodes...)
		if !page.Sources.PageInfo.HasNextPage {
			break
		}
		after = page.Sources.PageInfo.EndCursor
	}
	// Rana and every work read through it, directly or through another relayed work.
	relayed := []string{rana}
	for grew := true; grew; {
		grew = false
		for _, s := range all {
			if s.CitedVia != nil && slices.Contains(relayed, s.CitedVia.ID) && !slices.Contains(relayed, s.ID) {
				relayed, grew = append(relayed, s.ID), true
			}
		}
	}
	t.Logf("Rana relays %v", relayed[1:])
	if !slices.Contains(relayed, "source/sipri-2010") {
		t.Fatalf("Rana relays %v, not SIPRI", relayed)
	}
	sources := func(ids []string) string {
		b, _ := json.Marshal(ids)
		return string(b)
	}

	type event struct {
		Kind  string
		Date  *string
		Other *struct{ ID string }
	}
	timeline := func(args string) []event {
		var got struct{ Timeline []event }
		data(t, srv, `{ timeline(id: "group/foreign-affairs-leading-small-group", `+args+`) { kind date other { id } } }`, nil, &got)
		return got.Timeline
	}
	own := timeline(`sources: ["` + rana + `"]`)
	withRelayed := timeline(`sources: ["` + rana + `"], includeRelayed: true`)
	explicit := timeline(`sources: ` + sources(relayed))
	if js(withRelayed) != js(explicit) {
		t.Errorf("timeline by Rana with relayed works = %v, want that of Rana and the works it relays %v", withRelayed, explicit)
	}
	if len(own) != 2 || len(withRelayed) != 14 {
		t.Errorf("timeline by Rana: %d events, with relayed works %d; want 2 and 14", len(own), len(withRelayed))
	}
	sipri := 0
	for _, e := range withRelayed {
		if e.Kind == "ATTESTED" && e.Date != nil && *e.Date == "2010" {
			sipri++ // SIPRI's 2010 members table, relayed by Rana
		}
	}
	if sipri != 10 {
		t.Errorf("timeline by Rana with relayed works: %d attestations of 2010, want SIPRI's 10", sipri)
	}

	for _, tc := range []struct {
		list             string
		own, withRelayed int
	}{
		{"people", 14, 25},
		{"groups", 16, 21},
		{"institutions", 14, 15},
	} {
		list := func(filter string) []string {
			var got map[string]struct {
				TotalCount int
				Nodes      []struct{ ID string }
			}
			data(t, srv, fmt.Sprintf(`{ l: %s(filter: {%s}, first: 100) { totalCount nodes { id } } }`, tc.list, filter), nil, &got)
			var ids []string
			for _, n := range got["l"].Nodes {
				ids = append(ids, n.ID)
			}
			if len(ids) != got["l"].TotalCount {
				t.Errorf("%s {%s}: %d nodes, totalCount %d", tc.list, filter, len(ids), got["l"].TotalCount)
			}
			slices.Sort(ids)
			return ids
		}
		own := list(`sources: ["` + rana + `"]`)
		withRelayed := list(`sources: ["` + rana + `"], includeRelayed: true`)
		explicit := list(`sources: ` + sources(relayed))
		if !slices.Equal(withRelayed, explicit) {
			t.Errorf("%s by Rana with relayed works = %v, want those citing Rana or a work it relays %v", tc.list, withRelayed, explicit)
		}
		if len(own) != tc.own || len(withRelayed) != tc.withRelayed {
			t.Errorf("%s by Rana: %d, with relayed works %d; want %d and %d", tc.list, len(own), len(withRelayed), tc.own, tc.withRelayed)
		}
	}
	// With tiers, relayed works are added before the tiers narrow the list.
	for _, tier := range []string{"CORPUS", "REFERENCE"} {
		var got map[string]struct{ TotalCount int }
		data(t, srv, `{ relayed: groups(filter: {sources: ["`+rana+`"], includeRelayed: true, tiers: [`+tier+`]}, first: 100) { totalCount }
		                explicit: groups(filter: {sources: `+sources(relayed)+`, tiers: [`+tier+`]}, first: 100) { totalCount } }`, nil, &got)
		if got["relayed"] != got["explicit"] {
			t.Errorf("groups by Rana with relayed works in %s: %d, want those by Rana and its relayed works %d", tier, got["relayed"].TotalCount, got["explicit"].TotalCount)
		}
	}
	// SIPRI's members are found through Rana only when relayed works are asked for.
	var people struct {
		Own, Relayed struct{ Nodes []struct{ ID string } }
	}
	data(t, srv, `{ own: people(filter: {sources: ["`+rana+`"]}, first: 100) { nodes { id } }
	                relayed: people(filter: {sources: ["`+rana+`"], includeRelayed: true}, first: 100) { nodes { id } } }`, nil, &people)
	has := func(nodes []struct{ ID string }, id string) bool {
		return slices.ContainsFunc(nodes, func(n struct{ ID string }) bool { return n.ID == id })
	}
	if has(people.Own.Nodes, "person/dai-bingguo") || !has(people.Relayed.Nodes, "person/dai-bingguo") {
		t.Errorf("Dai Bingguo (SIPRI, relayed by Rana): in Rana's own list %v, in the relayed list %v; want false, true",
			has(people.Own.Nodes, "person/dai-bingguo"), has(people.Relayed.Nodes, "person/dai-bingguo"))
	}
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
