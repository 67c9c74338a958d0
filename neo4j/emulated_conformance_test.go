package neo4j

import (
	"context"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
)

// testConfig is a normalised config with short timeouts for tests.
func testConfig(t *testing.T) Config {
	t.Helper()
	cfg, err := Config{URI: "bolt://127.0.0.1:7687", Namespace: "test", ConnectTimeout: 200 * time.Millisecond,
		MaxRetryTime: 200 * time.Millisecond, MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond}.normalized()
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// openReady opens a store over db and waits until it is connected and migrated.
func openReady(t *testing.T, db backend) *Store {
	t.Helper()
	s := open(context.Background(), testConfig(t), zerolog.Nop(), db)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	waitFor(t, func() bool { return s.Ping(context.Background()) == nil })
	return s
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestConformanceEmulated runs the whole contract through the store's Go code against the
// statement emulator: parameters, decoding, ordering, cursors and the import diff.
func TestConformanceEmulated(t *testing.T) {
	conformance.Run(t, func(t *testing.T) atlas.Store { return openReady(t, newEmulator()) })
}
