package difftest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http/httptest"
	"slices"
	"strings"
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
// statements: the list, which brings its page's relationships and the next level's, with
// the nodes at their far ends. A statement per group would be hundreds.
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
	for _, tc := range []struct {
		name  string
		query func(n int) string
		want  map[string]int64
	}{
		// A list brings its page's relationships in its own statement (list_by_name_asc's $asks:
		// the groups' chairs and members), and those of the people among their far ends
		// too (atlas.NextAsks: their memberships, chairs and posts). It brings the nodes
		// at the far ends with the properties the query selects, so no nodes_by_key is
		// left, and a chairs list's posts come with their holders (or, for a person, with
		// what they chair) in the same statement (atlas.FollowUp): two, three and four
		// levels are one statement each. A root field naming its nodes brings its first
		// level (nodes_with_relations); a round the list did not bring is one
		// relations_of_asks, however many kinds it asks for.
		{"four levels", statementsQuery, map[string]int64{"list_by_name_asc": 1}},
		{"two levels", twoLevelQuery, map[string]int64{"list_by_name_asc": 1}},
		{"three levels", threeLevelQuery, map[string]int64{"list_by_name_asc": 1}},
		// A root field naming its nodes reads them with the two levels below alike
		// (nodes_with_relations): tools/bench's varied workload.
		{"two levels by id", twoLevelByIDQuery, map[string]int64{"nodes_with_relations": 1}},
		{"three levels by id", threeLevelByIDQuery, map[string]int64{"nodes_with_relations": 1}},
	} {
		for _, n := range []int{5, 50} {
			before, txBefore := store.Statements(), store.ReadTransactions()
			if tc.name == "four levels" {
				checkSynthetic(t, n, srv, tc.query(n))
			} else {
				askOK(t, srv, tc.query(n))
			}
			after, txs := store.Statements(), store.ReadTransactions()-txBefore
			got := map[string]int64{}
			for name, c := range after {
				if d := c - before[name]; d > 0 {
					got[name] = d
				}
			}
			// The revision the answer's extensions name is read at most once, inside the
			// request's transaction, and trusted for RevisionValidity after that
			// (TestLiveCachedAnswerReadsNothing counts it), so it is not one of the
			// statements the query's shape sets.
			delete(got, "revision")
			if !maps.Equal(got, tc.want) {
				t.Errorf("%s, %d groups: statements %v, want %v", tc.name, n, got, tc.want)
			}
			// The request's read scope (atlas.ScopeReads) runs them all in one transaction.
			if txs != 1 {
				t.Errorf("%s, %d groups: %d read transactions, want 1", tc.name, n, txs)
			}
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
	t.Logf("measured: 50 groups four levels deep, %d requests each after 10 to warm up, one at a time, every one executed: Neo4j p50 %v (1 statement, the revision at most once), embedded store p50 %v, ratio %.1f",
		requests, neoP50.Round(10*time.Microsecond), embP50.Round(10*time.Microsecond), float64(neoP50)/float64(embP50))
}

// twoLevelQuery and threeLevelQuery are the two- and three-level queries of tools/bench
// and BenchmarkExecutor.
func twoLevelQuery(n int) string {
	return fmt.Sprintf(`{ groups(first: %d) { nodes { id name chairs { holding derived node { id label } } members { role node { id label } } } } }`, n)
}

// twoLevelByIDQuery and threeLevelByIDQuery are the two- and three-level queries over the
// first n synthetic groups named by id, as tools/bench's varied workload asks.
func twoLevelByIDQuery(n int) string {
	return byIDQuery(n, `name chairs { holding derived node { id label } } members { role node { id label } }`)
}

func threeLevelByIDQuery(n int) string {
	return byIDQuery(n, `name members { role node { id label ... on Person {
		memberships { role node { id label } } chairs { derived node { id label } } } } }`)
}

func byIDQuery(n int, selection string) string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%q", fmt.Sprintf("group/g%d", i))
	}
	return fmt.Sprintf(`{ nodes(ids: [%s]) { id ... on Group { %s } } }`, strings.Join(ids, ", "), selection)
}

func threeLevelQuery(n int) string {
	return fmt.Sprintf(`{ groups(first: %d) { nodes { id name members { role node { id label ... on Person {
		memberships { role node { id label } } chairs { derived node { id label } } } } } } } }`, n)
}

// askOK asks query of srv and fails on anything but a complete answer.
func askOK(t *testing.T, srv *httptest.Server, query string) {
	t.Helper()
	body, status := ask(t, srv, request{gql: query})
	var resp struct{ Errors []any }
	if err := json.Unmarshal(body, &resp); err != nil || status != 200 || len(resp.Errors) > 0 {
		t.Fatalf("%d %s", status, clip(body))
	}
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

// TestLiveCachedAnswerReadsNothing: an answer served from the answer cache costs no
// transaction and no statement while the store's revision is still valid (set to an hour
// here, so the test does not depend on how fast the machine is), and an import by the
// store makes the next request read the revision again.
func TestLiveCachedAnswerReadsNothing(t *testing.T) {
	cfg := neo4jtest.Config(t)
	cfg.RevisionValidity = time.Hour
	store := neo4jtest.OpenConfig(t, cfg)
	data := synthetic.Dataset(5)
	if _, err := store.Import(context.Background(), data); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.New(store, httpapi.Options{Log: zerolog.Nop(), ResponseCacheBytes: 1 << 20}))
	defer srv.Close()
	query := twoLevelQuery(5)
	askOK(t, srv, query) // executed, then cached
	for _, step := range []struct {
		name       string
		importOne  bool
		statements int64
		txs        int64
	}{
		{"cached", false, 0, 0},
		// The import forgets the revision: the next request reads it (one statement);
		// the import changed nothing, so the revision and the cached answer still hold.
		{"after an import", true, 1, 1},
		{"cached again", false, 0, 0},
	} {
		if step.importOne {
			if _, err := store.Import(context.Background(), data); err != nil {
				t.Fatal(err)
			}
		}
		before, txBefore := store.Statements(), store.ReadTransactions()
		askOK(t, srv, query)
		var statements int64
		for name, c := range store.Statements() {
			statements += c - before[name]
		}
		if txs := store.ReadTransactions() - txBefore; statements != step.statements || txs != step.txs {
			t.Errorf("%s: %d statements in %d read transactions, want %d in %d", step.name, statements, txs, step.statements, step.txs)
		}
	}
}
