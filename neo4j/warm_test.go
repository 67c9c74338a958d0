package neo4j

import (
	"context"
	"sync/atomic"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"
)

// warmedReads are the read statements warm plans, one per kind of request.
var warmedReads = append(listNames(), "revision", "nodes_by_key", "relations_of", "relations_of_asks", "nodes_with_relations", "search", "reported_counts", "supports_nodes", "snapshot_nodes", "writes_since")

// TestWarmsBeforeReady: after connecting, and again after the database comes back,
// every kind of read has run once before the store says it is ready, so Neo4j has
// planned them before the first request.
func TestWarmsBeforeReady(t *testing.T) {
	db := &outage{down: true}
	cfg := testConfig(t)
	cfg.NoWarm = false
	s := open(context.Background(), cfg, zerolog.Nop(), db)
	defer s.Close(context.Background())
	for round, event := range []string{"first connection", "recovery"} {
		before := s.Statements()
		db.setDown(false)
		waitFor(t, func() bool { return s.Ping(bg) == nil })
		after := s.Statements()
		for _, name := range warmedReads {
			if after[name] <= before[name] {
				t.Errorf("%s: %s was not warmed before the store said ready", event, name)
			}
		}
		if round == 0 {
			db.setDown(true)
			s.down(errUnreachable)
			waitFor(t, func() bool { return s.Ping(bg) != nil })
		}
	}
}

// racingSchema fails the first run of one migration as Neo4j fails the loser of two
// clients creating the same index at once.
type racingSchema struct {
	*outage
	failed atomic.Bool
}

func (r *racingSchema) write(ctx context.Context, work func(runner) error) error {
	return work(r)
}

func (r *racingSchema) run(ctx context.Context, st statement, params map[string]any) ([]record, error) {
	if st.name == "schema_entity_scoped_id" && r.failed.CompareAndSwap(false, true) {
		return nil, &driver.Neo4jError{Code: "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists", Msg: "An equivalent constraint already exists"}
	}
	return r.outage.run(ctx, st, params)
}

// TestMigrationLosingARaceIsApplied: a schema statement refused because another client
// created the same rule meanwhile counts as applied, so the store is ready at its first
// attempt instead of answering UNAVAILABLE until a retry.
func TestMigrationLosingARaceIsApplied(t *testing.T) {
	db := &racingSchema{outage: &outage{}}
	s := open(context.Background(), testConfig(t), zerolog.Nop(), db)
	defer s.Close(context.Background())
	waitFor(t, func() bool { return s.Ping(bg) == nil })
	if !db.failed.Load() {
		t.Fatal("the race was never run")
	}
	if n := s.Statements()["schema_entity_ns"]; n != 1 {
		t.Errorf("the migrations ran %d times; the lost race should not have made the store retry", n)
	}
}
