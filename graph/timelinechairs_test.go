package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestTimelineChairsAreTheChairsList: the derived chairs of a person's or group's
// timeline are those its chairs list gives for the same sources, includeRelayed and
// tiers, one relationship each (stored and derived alike), starting and ending where the
// list says. Li Keqiang's Energy LSG chair, which the timeline lacked, is spelled out.
func TestTimelineChairsAreTheChairsList(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type rel struct {
		ID              string
		Stored, Derived bool
		Via             *struct{ ID string }
		Start, End      *string
	}
	type event struct {
		Kind         string
		Date         *string
		Relationship *rel
		Sources      []struct{ Source struct{ ID string } }
	}
	str := func(s *string) string {
		if s == nil {
			return "-"
		}
		return *s
	}
	line := func(r rel) string {
		via := "-"
		if r.Via != nil {
			via = r.Via.ID
		}
		return fmt.Sprintf("%s stored=%v via=%s", r.ID, r.Stored, via)
	}
	const q = `query($id: ID!, $sources: [ID!], $relayed: Boolean, $tiers: [SourceTier!]) {
	  node(id: $id) {
	    ... on Person { chairs(sources: $sources, includeRelayed: $relayed, tiers: $tiers) { id stored derived via { id } start end } }
	    ... on Group { chairs(sources: $sources, includeRelayed: $relayed, tiers: $tiers) { id stored derived via { id } start end } } }
	  timeline(id: $id, sources: $sources, includeRelayed: $relayed, tiers: $tiers) {
	    kind date relationship { id stored derived via { id } start end } sources { source { id } } } }`
	var energy []string
	for _, id := range []string{"person/li-keqiang", "person/xi-jinping", "group/energy-leading-small-group", "group/finance-and-economy-leading-small-group", "group/foreign-affairs-leading-small-group"} {
		for _, args := range []map[string]any{
			{}, {"sources": []string{"source/thomas-fp"}}, {"sources": []string{"source/zhu-2015"}},
			{"sources": []string{"source/zhu-2015", "source/thomas-fp"}}, {"sources": []string{"source/rana-2021"}, "relayed": true},
			{"tiers": []string{"CORPUS"}}, {"tiers": []string{"REFERENCE"}},
		} {
			vars := map[string]any{"id": id}
			for k, v := range args {
				vars[k] = v
			}
			var got struct {
				Node     struct{ Chairs []rel }
				Timeline []event
			}
			data(t, srv, q, vars, &got)
			var listed, shown []string
			bounds := map[string]string{}
			for _, c := range got.Node.Chairs {
				if c.Derived {
					listed = append(listed, line(c))
					bounds[c.ID] = str(c.Start) + "/" + str(c.End)
				}
			}
			for _, e := range got.Timeline {
				r := e.Relationship
				if r == nil || !r.Derived {
					continue
				}
				if !slices.Contains(shown, line(*r)) {
					shown = append(shown, line(*r))
				}
				if !r.Stored && ((e.Kind == "ROLE_STARTED" && str(e.Date) != str(r.Start)) || (e.Kind == "ROLE_ENDED" && str(e.Date) != str(r.End))) {
					t.Errorf("%s %v: %s %s of %s, which runs %s", id, args, e.Kind, str(e.Date), r.ID, bounds[r.ID])
				}
				if id == "person/li-keqiang" && len(args) == 0 && strings.Contains(r.ID, "energy") {
					var cites []string
					for _, s := range e.Sources {
						cites = append(cites, s.Source.ID)
					}
					energy = append(energy, fmt.Sprintf("%s %s %s %v", e.Kind, str(e.Date), line(*r), cites))
				}
			}
			slices.Sort(listed)
			slices.Sort(shown)
			if !slices.Equal(listed, shown) {
				t.Errorf("%s %v: timeline's derived chairs\n%s\nchairs list's\n%s", id, args, strings.Join(shown, "\n"), strings.Join(listed, "\n"))
			}
		}
	}
	const li = "derived/holds/person/li-keqiang/position/premier+chairs/position/premier/group/energy-leading-small-group stored=false via=position/premier"
	if want := []string{
		"ROLE_STARTED 2018-03 " + li + " [source/thomas-fp]",
		"ROLE_ENDED 2023-03-10 " + li + " [source/thomas-fp]",
	}; !slices.Equal(energy, want) {
		t.Errorf("Li Keqiang's Energy LSG chair:\n got %q\nwant %q", energy, want)
	}
}
