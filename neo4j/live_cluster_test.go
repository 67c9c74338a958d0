package neo4j_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/neo4j/neo4jtest"
)

// TestLiveRoutingURI runs the whole contract through a neo4j:// URI, which makes the
// driver fetch a routing table and send reads and writes where it says. A standalone
// server answers with itself in every role, so this is what a cluster or Aura client does,
// minus the other members.
func TestLiveRoutingURI(t *testing.T) {
	neo4jtest.Require(t)
	conformance.Run(t, func(t *testing.T) atlas.Store {
		cfg := neo4jtest.Config(t)
		scheme, rest, _ := strings.Cut(cfg.URI, "://")
		switch scheme {
		case "bolt":
			cfg.URI = "neo4j://" + rest
		case "bolt+s", "bolt+ssc":
			cfg.URI = "neo4j" + strings.TrimPrefix(scheme, "bolt") + "://" + rest
		}
		return neo4jtest.OpenConfig(t, cfg)
	})
}

// TestLiveBookmarks: every transaction of a store hands its bookmark to the store's
// bookmark manager, and the next session starts from it; that is what lets a read right
// after an import see it when a cluster member other than the leader serves the read.
func TestLiveBookmarks(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	if _, err := s.Import(ctx, conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	afterImport := s.Bookmarks(ctx)
	if len(afterImport) == 0 {
		t.Fatal("no bookmark after an import: sessions do not share a bookmark manager")
	}
	ds := conformance.Fixture()
	ds.People[0].Description = "changed"
	if _, err := s.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	afterUpdate := s.Bookmarks(ctx)
	if len(afterUpdate) == 0 || slices.Equal(afterUpdate, afterImport) {
		t.Errorf("the bookmark did not advance with the second import: %v then %v", afterImport, afterUpdate)
	}
	nodes, err := s.Nodes(ctx, []string{"person/xi-jinping"})
	if err != nil || nodes[0] == nil || nodes[0].(*atlas.Person).Description != "changed" {
		t.Errorf("a read right after the import does not see it: %v %v", nodes, err)
	}
}
