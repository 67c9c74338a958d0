package synthetic_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/internal/synthetic"
	"lsgatlas/seed"
)

// shape is what Scaled must keep: how many of each kind of node and relation, how many
// nodes have each degree, how many chairs a post derives against how many are stored,
// and how many tenures (HOLDS, CHAIRS, MEMBER_OF) carry a date.
type shape struct {
	nodes, relations map[string]int
	degrees          map[int]int
	derivedChairs    int
	storedChairs     int
	datedTenures     int
	tenures          int
}

func shapeOf(ds *atlas.Dataset) shape {
	s := shape{nodes: map[string]int{}, relations: map[string]int{}, degrees: map[int]int{}}
	degree := map[string]int{}
	for _, n := range ds.Nodes() {
		s.nodes[string(n.NodeKind())]++
		degree[n.NodeID()] += 0
	}
	holds := map[string][]*atlas.Relation{}
	for _, r := range ds.Relations {
		s.relations[string(r.Type)]++
		degree[r.From]++
		degree[r.To]++
		switch r.Type {
		case atlas.Holds:
			holds[r.To] = append(holds[r.To], r)
		case atlas.Chairs, atlas.MemberOf:
		default:
			continue
		}
		s.tenures++
		if r.Start != nil || r.End != nil {
			s.datedTenures++
		}
	}
	for _, d := range degree {
		s.degrees[d]++
	}
	for _, r := range ds.Relations {
		if r.Type != atlas.Chairs {
			continue
		}
		if k, _ := atlas.KindOfID(r.From); k == atlas.PersonNode {
			s.storedChairs++
			continue
		}
		for _, h := range holds[r.From] {
			if _, ok := atlas.DeriveChair(r.To, *h, *r, nil); ok {
				s.derivedChairs++
			}
		}
	}
	return s
}

func bundled(t *testing.T) *atlas.Dataset {
	t.Helper()
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestScaledKeepsTheShape: at 10x every count of the shape (nodes and relations by kind,
// nodes by degree, derived and stored chairs, dated tenures) is exactly ten times the
// seed's, so every share (of derived chairs, of dated tenures, the degree distribution)
// is exactly the seed's; 1x is the seed itself.
func TestScaledKeepsTheShape(t *testing.T) {
	base := bundled(t)
	want := shapeOf(base)
	if want.derivedChairs == 0 || want.datedTenures == 0 {
		t.Fatalf("the seed's shape has no derived chairs or no dated tenures: %+v", want)
	}
	for _, factor := range []int{1, 10} {
		t.Run(fmt.Sprintf("%dx", factor), func(t *testing.T) {
			ds, err := synthetic.Scaled(base, factor)
			if err != nil {
				t.Fatal(err)
			}
			got := shapeOf(ds)
			times := func(m map[string]int) map[string]int {
				out := map[string]int{}
				for k, v := range m {
					out[k] = v * factor
				}
				return out
			}
			if !maps.Equal(got.nodes, times(want.nodes)) {
				t.Errorf("nodes by kind %v, want %v", got.nodes, times(want.nodes))
			}
			if !maps.Equal(got.relations, times(want.relations)) {
				t.Errorf("relations by type %v, want %v", got.relations, times(want.relations))
			}
			wantDegrees := map[int]int{}
			for d, n := range want.degrees {
				wantDegrees[d] = n * factor
			}
			if !maps.Equal(got.degrees, wantDegrees) {
				t.Errorf("nodes by degree %v, want %v", got.degrees, wantDegrees)
			}
			for _, c := range []struct {
				name      string
				got, want int
			}{
				{"derived chairs", got.derivedChairs, want.derivedChairs * factor},
				{"stored chairs", got.storedChairs, want.storedChairs * factor},
				{"dated tenures", got.datedTenures, want.datedTenures * factor},
				{"tenures", got.tenures, want.tenures * factor},
			} {
				if c.got != c.want {
					t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
				}
			}
		})
	}
}

// TestScaledTiesTheReplicasTogether: at 3x each rotated membership of replica k reaches
// replica k+1's group, so the replicas are one graph, not three copies side by side.
func TestScaledTiesTheReplicasTogether(t *testing.T) {
	base := bundled(t)
	ds, err := synthetic.Scaled(base, 3)
	if err != nil {
		t.Fatal(err)
	}
	per := len(base.Relations)
	rotated := synthetic.RotatedMemberships(base)
	if len(rotated) == 0 {
		t.Fatal("no membership rotated")
	}
	suffix := []string{"", "-x1", "-x2"}
	for _, i := range rotated {
		for k := range 3 {
			r := ds.Relations[k*per+i]
			if r.From != base.Relations[i].From+suffix[k] || r.To != base.Relations[i].To+suffix[(k+1)%3] {
				t.Errorf("replica %d of %s -> %s: got %s -> %s", k, base.Relations[i].From, base.Relations[i].To, r.From, r.To)
			}
		}
	}
}

// TestScaledIsValidAndKeepsTheInvariants: the 10x dataset passes Validate and breaks
// none of the whole-graph invariants in any year 1900-2030.
func TestScaledIsValidAndKeepsTheInvariants(t *testing.T) {
	ds, err := synthetic.Scaled(bundled(t), 10)
	if err != nil {
		t.Fatal(err)
	}
	if err := ds.Validate(); err != nil {
		t.Fatal(err)
	}
	ds = ds.Prepared()
	got, err := atlas.CheckInvariants(context.Background(), ds, atlas.DatasetReader(ds), atlas.InvariantOptions{FromYear: 1900, ToYear: 2030})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range slices.Clip(got) {
		t.Error(v)
	}
}
