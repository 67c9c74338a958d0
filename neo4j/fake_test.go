package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"

	"lsgatlas/internal/eventually"
)

// Helpers for the tests that need no server: they check the store's own logic (errors,
// connection state, exact parameters) over a backend standing in for the driver. What a
// statement means is checked only against Neo4j itself (the TestLive… tests).

// testConfig is a normalised config with short timeouts for tests.
func testConfig(t *testing.T) Config {
	t.Helper()
	cfg, err := Config{URI: "bolt://127.0.0.1:7687", Namespace: "test", ConnectTimeout: 200 * time.Millisecond,
		MaxRetryTime: 200 * time.Millisecond, MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond, NoWarm: true,
		// Every Revision reads the database, as these tests expect; TestRevisionValidity
		// checks the cache.
		RevisionValidity: -1}.normalized()
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
	eventually.True(t, "the fake backend's condition", cond)
}

// outage is a backend that can be switched off: while down, connecting and every
// transaction fail as the driver fails when the server is unreachable; while up, it
// answers the revision statement with revision 0 and every other statement with no rows.
type outage struct {
	mu   sync.Mutex
	down bool
}

var errUnreachable = &driver.ConnectivityError{Inner: fmt.Errorf("connection refused")}

func (o *outage) setDown(down bool) { o.mu.Lock(); o.down = down; o.mu.Unlock() }

func (o *outage) isDown() bool { o.mu.Lock(); defer o.mu.Unlock(); return o.down }

func (o *outage) read(ctx context.Context, work func(runner) error) error  { return o.tx(work) }
func (o *outage) write(ctx context.Context, work func(runner) error) error { return o.tx(work) }
func (o *outage) close(context.Context) error                              { return nil }

func (o *outage) verify(context.Context) error {
	if o.isDown() {
		return errUnreachable
	}
	return nil
}

func (o *outage) tx(work func(runner) error) error {
	if o.isDown() {
		return errUnreachable
	}
	return work(o)
}

func (o *outage) run(ctx context.Context, st statement, params map[string]any) ([]record, error) {
	if o.isDown() {
		return nil, errUnreachable
	}
	if st.name == "revision" {
		return []record{{"revision": int64(0)}}, nil
	}
	// A snapshot of the empty namespace is empty: search reads one for its statistics.
	if st.name == "snapshot_nodes" || st.name == "snapshot_relations" {
		return nil, nil
	}
	if !strings.HasPrefix(st.name, "schema_") && st.name != stmtAwaitIndexes.name {
		return nil, fmt.Errorf("outage: unexpected statement %s", st.name)
	}
	return nil, nil
}

// storeProps turns properties as the store sends them into what the driver hands back
// when they are read: lists as []any, nulls absent. A value Neo4j cannot store fails.
func storeProps(in map[string]any) (map[string]any, error) {
	out := map[string]any{}
	for k, v := range in {
		switch v := v.(type) {
		case nil:
		case string, bool, int64:
			out[k] = v
		case []string:
			l := make([]any, len(v))
			for i, s := range v {
				l[i] = s
			}
			out[k] = l
		case []int64:
			l := make([]any, len(v))
			for i, n := range v {
				l[i] = n
			}
			out[k] = l
		default:
			return nil, fmt.Errorf("property %s: Neo4j cannot store a %T", k, v)
		}
	}
	return out, nil
}

// copyProps copies stored properties as the driver hands them out: fresh maps and lists.
func copyProps(in map[string]any) map[string]any {
	out := make(map[string]any, len(in))
	for k, v := range in {
		if l, ok := v.([]any); ok {
			v = slices.Clone(l)
		}
		out[k] = v
	}
	return out
}
