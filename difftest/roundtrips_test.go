package difftest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/httpapi"
	"lsgatlas/inprocess"
	"lsgatlas/internal/synthetic"
	"lsgatlas/neo4j/neo4jtest"
)

// TestLiveStatementsPerRequest counts the Cypher statements one GraphQL request sends to
// Neo4j: groups with their chairs (direct, and derived through the chairing position's
// holders), members and the members' memberships, four levels deep. The planner fetches
// each level for all the groups at once, so 5 groups and 50 cost exactly the same
// statements: the list, one relations statement per level of relations asked, and one
// for the nodes at their far ends. A statement per group would be hundreds.
//
// It also measures the request's latency on Neo4j beside the embedded store over the
// same data, every request executed (no answer cache), and logs both with the marker
// "measured:" for CI to print.
func TestLiveStatementsPerRequest(t *testing.T) {
	store := neo4jtest.Open(t)
	data := synthetic.Dataset(50)
	if _, err := store.Import(context.Background(), data); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.New(store, httpapi.Options{Log: zerolog.Nop()}))
	defer srv.Close()
	// The revision is read once per request: the answer's extensions name it.
	want := map[string]int64{"list_asc": 1, "relations_of": 4, "nodes_by_key": 1, "revision": 1}
	for _, n := range []int{5, 50} {
		query := statementsQuery(n)
		before := store.Statements()
		checkSynthetic(t, n, srv, query)
		after := store.Statements()
		got := map[string]int64{}
		for name, c := range after {
			if d := c - before[name]; d > 0 {
				got[name] = d
			}
		}
		if !maps.Equal(got, want) {
			t.Errorf("%d groups: statements %v, want %v", n, got, want)
		}
	}

	embedded := inprocess.New()
	if _, err := embedded.Import(context.Background(), data); err != nil {
		t.Fatal(err)
	}
	uncached := httpapi.Options{Log: zerolog.Nop(), ResponseCacheBytes: 0}
	neo, emb := httptest.NewServer(httpapi.New(store, uncached)), httptest.NewServer(httpapi.New(embedded, uncached))
	defer neo.Close()
	defer emb.Close()
	const requests = 30
	query := statementsQuery(50)
	for range 10 { // warm both up first: the JVM compiles Neo4j's hot paths as it goes
		timed(t, 50, neo, query)
		timed(t, 50, emb, query)
	}
	var neoTimes, embTimes []time.Duration
	for range requests { // interleaved, so both see the same machine
		neoTimes = append(neoTimes, timed(t, 50, neo, query))
		embTimes = append(embTimes, timed(t, 50, emb, query))
	}
	neoP50, embP50 := median(neoTimes), median(embTimes)
	t.Logf("measured: 50 groups four levels deep, %d requests each after 10 to warm up, one at a time, every one executed: Neo4j p50 %v (7 statements), embedded store p50 %v, ratio %.1f",
		requests, neoP50.Round(10*time.Microsecond), embP50.Round(10*time.Microsecond), float64(neoP50)/float64(embP50))
}

func statementsQuery(n int) string {
	return fmt.Sprintf(`{ groups(first: %d) { nodes { id
		chairs { derived node { label } via { title } }
		members(roles: [MEMBER]) { node { ... on Person { label memberships { node { label } } } } } } } }`, n)
}

// checkSynthetic asks query of srv and checks the answer has n groups of
// synthetic.Dataset's shape: four chairs (one stored, three derived through the post) and three members.
func checkSynthetic(t *testing.T, n int, srv *httptest.Server, query string) {
	t.Helper()
	body, status := ask(t, srv, request{gql: query})
	var resp struct {
		Data struct {
			Groups struct {
				Nodes []struct {
					Chairs  []json.RawMessage
					Members []json.RawMessage
				}
			}
		}
		Errors []any
	}
	if err := json.Unmarshal(body, &resp); err != nil || status != 200 || len(resp.Errors) > 0 {
		t.Fatalf("%d groups: %d %s", n, status, clip(body))
	}
	if got := len(resp.Data.Groups.Nodes); got != n {
		t.Fatalf("%d groups asked, %d returned", n, got)
	}
	for _, g := range resp.Data.Groups.Nodes {
		if len(g.Chairs) != 4 || len(g.Members) != 3 {
			t.Fatalf("a group has %d chairs and %d members, want 4 and 3", len(g.Chairs), len(g.Members))
		}
	}
}

func timed(t *testing.T, n int, srv *httptest.Server, query string) time.Duration {
	t.Helper()
	start := time.Now()
	checkSynthetic(t, n, srv, query)
	return time.Since(start)
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
