package neo4j_test

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/neo4j/neo4jtest"
)

// TestLiveNodesStoredWithoutTiers: a store imported by a release that did not derive
// node tiers (no tiers property) lists by tiers as it did, through the sources, for
// every kind: its nodes are neither dropped nor kept by the missing tiers.
func TestLiveNodesStoredWithoutTiers(t *testing.T) {
	cfg := neo4jtest.Config(t)
	s := neo4jtest.OpenConfig(t, cfg)
	ctx := context.Background()
	if _, err := s.Import(ctx, conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	lists := func() map[string][]string {
		out := map[string][]string{}
		for _, kind := range atlas.NodeKinds {
			for _, tier := range atlas.SourceTiers {
				page, err := s.List(ctx, atlas.ListQuery{Kind: kind, Filter: atlas.NodeFilter{Tiers: []atlas.SourceTier{tier}},
					Order: atlas.Order{Field: atlas.OrderByID}, First: atlas.MaxPageSize})
				if err != nil {
					t.Fatal(err)
				}
				ids := []string{}
				for _, n := range page.Nodes {
					ids = append(ids, n.NodeID())
				}
				out[string(kind)+" "+string(tier)] = ids
			}
		}
		return out
	}
	want := lists()
	if len(want["GROUP CORPUS"]) == 0 || len(want["SOURCE CORPUS"]) != 0 {
		t.Fatalf("fixture lists: %v", want)
	}
	query(t, liveDriver(t, cfg), cfg, "MATCH (n:Entity) WHERE n.ns = $ns REMOVE n.tiers", map[string]any{"ns": cfg.Namespace})
	if got := lists(); !reflect.DeepEqual(got, want) {
		t.Errorf("without stored tiers: got %v\nwant %v", got, want)
	}
}
