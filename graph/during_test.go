package graph_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
)

// period is a `during` span and the steps whose asOf answers it must be the union of.
type period struct {
	name  string
	p     atlas.Period
	steps []atlas.PartialDate
}

func yearly(from, to int) period {
	p := period{name: fmt.Sprintf("%d-%d", from, to), p: atlas.Period{From: atlas.PartialDate{Year: from}, To: atlas.PartialDate{Year: to}}}
	for y := from; y <= to; y++ {
		p.steps = append(p.steps, atlas.PartialDate{Year: y})
	}
	return p
}

func monthly(year, from, to int) period {
	p := period{name: fmt.Sprintf("%d-%02d..%02d", year, from, to), p: atlas.Period{From: atlas.PartialDate{Year: year, Month: from}, To: atlas.PartialDate{Year: year, Month: to}}}
	for m := from; m <= to; m++ {
		p.steps = append(p.steps, atlas.PartialDate{Year: year, Month: m})
	}
	return p
}

func daily(year, month, from, to int) period {
	p := period{name: fmt.Sprintf("%d-%02d-%02d..%02d", year, month, from, to),
		p: atlas.Period{From: atlas.PartialDate{Year: year, Month: month, Day: from}, To: atlas.PartialDate{Year: year, Month: month, Day: to}}}
	for d := from; d <= to; d++ {
		p.steps = append(p.steps, atlas.PartialDate{Year: year, Month: month, Day: d})
	}
	return p
}

// edgeKey names an edge across dates: a chair by its two ends (a stored and a derived
// chair of one person are one edge, whose id depends on which evidence holds), any other
// relationship by its id.
func edgeKey(e atlas.Edge) string {
	if e.Type == atlas.Chairs {
		return "chairs:" + e.From + ">" + e.To
	}
	return e.ID
}

// TestDuringIsTheUnionOfAsOf is the property `during` promises, for every relationship
// and every chair of every node of the dataset: the edges over a period are those of
// asOf at some step of it; an edge is KNOWN_THROUGHOUT exactly when it is KNOWN at
// every step, and KNOWN at some step makes it KNOWN at least in part. With daily steps
// the days are the steps, so KNOWN_IN_PART is exact too.
func TestDuringIsTheUnionOfAsOf(t *testing.T) {
	store := seedStore(t)
	ctx := context.Background()
	ds, err := store.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range ds.Nodes() {
		if k := n.NodeKind(); k != atlas.SourceNode && k != atlas.ReportedCountNode {
			ids = append(ids, n.NodeID())
		}
	}
	periods := []period{yearly(1949, 2025), yearly(2003, 2013), yearly(2012, 2013), yearly(2017, 2019),
		monthly(2018, 2, 5), monthly(2013, 1, 12), monthly(2022, 9, 11), daily(2018, 3, 10, 25), daily(2012, 11, 1, 30), daily(2023, 3, 1, 20)}
	type ask struct {
		name string
		read func(l *loader.Loaders, id string, w atlas.When) ([]atlas.Edge, error)
	}
	asks := []ask{
		{"relationships", func(l *loader.Loaders, id string, w atlas.When) ([]atlas.Edge, error) {
			return l.Edges(ctx, id, loader.Spec{AsOf: w.AsOf, During: w.During})
		}},
		{"chairs", func(l *loader.Loaders, id string, w atlas.When) ([]atlas.Edge, error) {
			if k, _ := atlas.KindOfID(id); k != atlas.GroupNode && k != atlas.PersonNode && k != atlas.PositionNode {
				return nil, nil
			}
			return l.Chairs(ctx, id, w, atlas.IncludeDerived, nil, false)
		}},
	}
	checked, partly := 0, 0
	for _, pr := range periods {
		l := loader.New(store)
		for _, a := range asks {
			for _, id := range ids {
				p := pr.p
				during, err := a.read(l, id, atlas.When{During: &p})
				if err != nil {
					t.Fatal(err)
				}
				type seen struct{ present, known int }
				union := map[string]*seen{}
				for _, step := range pr.steps {
					d := step
					es, err := a.read(l, id, atlas.At(&d))
					if err != nil {
						t.Fatal(err)
					}
					for _, e := range es {
						s := union[edgeKey(e)]
						if s == nil {
							s = &seen{}
							union[edgeKey(e)] = s
						}
						s.present++
						if *e.Holding == atlas.Known {
							s.known++
						}
					}
				}
				var got, want []string
				for _, e := range during {
					got = append(got, edgeKey(e))
				}
				for k := range union {
					want = append(want, k)
				}
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("%s of %s during %s: got %v, want the union of asOf %v", a.name, id, pr.name, got, want)
					continue
				}
				for _, e := range during {
					s, h := union[edgeKey(e)], *e.HoldingDuring
					all := s.known == len(pr.steps)
					switch {
					case (h == atlas.KnownThroughout) != all:
						t.Errorf("%s of %s during %s: %s is %s, but KNOWN at %d of %d steps", a.name, id, pr.name, e.ID, h, s.known, len(pr.steps))
					case s.known > 0 && h == atlas.PossibleOnly:
						t.Errorf("%s of %s during %s: %s is POSSIBLE, but KNOWN at %d steps", a.name, id, pr.name, e.ID, s.known)
					case pr.steps[0].Day != 0 && (h == atlas.KnownInPart) != (s.known > 0 && !all):
						t.Errorf("%s of %s during %s: %s is %s, but KNOWN on %d of %d days", a.name, id, pr.name, e.ID, h, s.known, len(pr.steps))
					case (*e.Holding == atlas.Known) != (h == atlas.KnownThroughout):
						t.Errorf("%s of %s during %s: %s holding %s beside %s", a.name, id, pr.name, e.ID, *e.Holding, h)
					}
					checked++
					if h == atlas.KnownInPart {
						partly++
					}
				}
			}
		}
	}
	// The dataset must exercise the property: many edges, some known only in part.
	if checked < 5000 || partly < 100 {
		t.Errorf("checked %d edges over periods, %d KNOWN_IN_PART: too few to test the property", checked, partly)
	}
	t.Logf("checked %d edges over %d periods, %d KNOWN_IN_PART", checked, len(periods), partly)
}

// TestCoMembersDuring: over a period, a person's co-members are those of some year of it
// (2013-2023: before 2013 the sources seat neither Li Keqiang nor Xi Jinping beside anyone).
func TestCoMembersDuring(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type cms struct {
		CoMembers []struct{ Person struct{ ID string } }
	}
	ids := func(c cms) []string {
		var out []string
		for _, m := range c.CoMembers {
			out = append(out, m.Person.ID)
		}
		slices.Sort(out)
		return out
	}
	for _, person := range []string{"person/li-keqiang", "person/xi-jinping", "person/yang-jiechi"} {
		var during cms
		data(t, srv, fmt.Sprintf(`{ coMembers(person: %q, during: {from: "2013", to: "2023"}) { person { id } } }`, person), nil, &during)
		var union []string
		for y := 2013; y <= 2023; y++ {
			var at cms
			data(t, srv, fmt.Sprintf(`{ coMembers(person: %q, asOf: "%d") { person { id } } }`, person, y), nil, &at)
			union = append(union, ids(at)...)
		}
		want := slices.Compact(slices.Sorted(slices.Values(union)))
		if got := ids(during); !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("%s: during 2013-2023 %v, union of the years %v", person, got, want)
		}
	}
}
