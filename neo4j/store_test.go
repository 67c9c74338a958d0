package neo4j_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/neo4j"
)

// TestConformance runs the atlas.Store contract against a real Neo4j 5. Each subtest gets
// a store in a namespace of its own, which it deletes at the end, so the suite never sees
// or touches other data in the database.
func TestConformance(t *testing.T) {
	cfg, ok := neo4j.ConfigFromEnv(os.Getenv)
	if !ok {
		t.Skip("NEO4J_URI is not set: set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD to run the conformance suite against Neo4j")
	}
	conformance.Run(t, func(t *testing.T) atlas.Store {
		t.Helper()
		c := cfg
		c.Namespace = "test-" + randomHex(t)
		log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
		s, err := neo4j.Open(context.Background(), c, log)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		for s.Ping(ctx) != nil {
			select {
			case <-ctx.Done():
				t.Fatalf("Neo4j at %s is not ready after 60s: %v", os.Getenv("NEO4J_URI"), s.Ping(context.Background()))
			case <-time.After(100 * time.Millisecond):
			}
		}
		t.Cleanup(func() {
			// The Close subtest closes its store; clean up through a fresh one.
			cleanup, err := neo4j.Open(context.Background(), c, zerolog.Nop())
			if err != nil {
				t.Error(err)
				return
			}
			defer cleanup.Close(context.Background())
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			for cleanup.Ping(ctx) != nil && ctx.Err() == nil {
				time.Sleep(50 * time.Millisecond)
			}
			if err := cleanup.DropNamespace(ctx); err != nil {
				t.Errorf("drop namespace %s: %v", c.Namespace, err)
			}
			_ = s.Close(context.Background())
		})
		return s
	})
}

func randomHex(t *testing.T) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
