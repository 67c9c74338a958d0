// Package difftest asks the service the same questions on each backend and requires the
// same answers, byte for byte (errors in any order, see sameAnswer): every README example, every query of the graph package's
// tests (the research questions of seed/questions.md among them, and the analytics cases),
// a request per seeded group, and the three exports. A difference is a bug in one store or
// a gap in the conformance suite. Most of it needs a live Neo4j (NEO4J_URI), as CI has;
// TestSameAnswersWhenBatching asks the same of the embedded store made to batch as Neo4j
// does, without one.
package difftest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/httpapi"
	"lsgatlas/inprocess"
	"lsgatlas/internal/gqlhttp"
	"lsgatlas/internal/gqltest"
	"lsgatlas/neo4j/neo4jtest"
	"lsgatlas/seed"
)

type request struct {
	name string
	get  string // a path to GET, or
	gql  string // a GraphQL query to POST
}

func TestLiveSameAnswers(t *testing.T) {
	neo4jtest.Require(t)
	sameAnswers(t, "neo4j", func(t *testing.T) atlas.Store { return neo4jtest.Open(t) })
}

// TestSameAnswersWhenBatching asks the same of the embedded store wrapped to batch and
// project as Neo4j does (gqltest.Batching), so the planner's and the loaders' paths for
// Neo4j, the memo of levels among them, answer as the embedded store does without a
// server.
func TestSameAnswersWhenBatching(t *testing.T) {
	sameAnswers(t, "batching", func(*testing.T) atlas.Store { return gqltest.Batching(inprocess.New()) })
}

// sameAnswers asks every request of an embedded store and of the store other opens,
// each holding the same dataset, and requires the same answers; then asks the other
// store every GraphQL request again, when the memo of levels holds what the first asks
// read, and requires the same answers still.
func sameAnswers(t *testing.T, name string, other func(*testing.T) atlas.Store) {
	seedData, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	var requests []request
	for i, q := range readmeQueries(t) {
		requests = append(requests, request{name: fmt.Sprintf("README example %d", i+1), gql: q})
	}
	for _, q := range researchQueries(t) {
		requests = append(requests, request{name: "research question " + q.Name, gql: q.Query})
	}
	for i, q := range graphQueries(t) {
		requests = append(requests, request{name: fmt.Sprintf("graph test query %d", i+1), gql: q})
	}
	for _, g := range seedData.Groups {
		requests = append(requests, request{name: "group " + g.ID, gql: groupQuery(g.ID)})
	}
	for _, path := range []string{"/export/graph.graphml", "/export/graph.gexf", "/export/cytoscape.json"} {
		requests = append(requests, request{name: "export " + path, get: path})
	}
	distinct := map[string]bool{}
	for _, r := range requests {
		distinct[r.get+r.gql] = true
	}
	if len(distinct) < 60 {
		t.Fatalf("only %d distinct requests; want at least 60", len(distinct))
	}
	t.Logf("%d distinct requests (%d README examples, %d research questions, %d other graph test queries, %d groups, 3 exports), each on two datasets",
		len(distinct), len(readmeQueries(t)), len(researchQueries(t)), len(graphQueries(t)), len(seedData.Groups))

	for _, dataset := range []struct {
		name string
		ds   *atlas.Dataset
	}{{"seed", seedData}, {"fixture", conformance.Fixture()}} {
		t.Run(dataset.name, func(t *testing.T) {
			inproc := serve(t, inprocess.New(), dataset.ds)
			live := serve(t, other(t), dataset.ds)
			answered := 0
			wants := make([][]byte, len(requests))
			for i, r := range requests {
				want, wantStatus := ask(t, inproc, r)
				got, gotStatus := ask(t, live, r)
				if gotStatus != wantStatus || !sameAnswer(got, want) {
					t.Errorf("%s: the backends differ\nrequest: %s%s\nin-process (%d): %s\n%s (%d): %s",
						r.name, r.get, r.gql, wantStatus, clip(want), name, gotStatus, clip(got))
				}
				wants[i] = want
				if wantStatus == http.StatusOK && !bytes.Contains(want, []byte(`"errors"`)) {
					answered++
				} else if dataset.name == "seed" && strings.HasPrefix(r.name, "group ") {
					t.Errorf("%s: %s", r.name, clip(want))
				}
			}
			// Most requests must be real answers, not the same error twice.
			if answered < len(requests)/3 {
				t.Errorf("only %d of %d requests were answered without errors", answered, len(requests))
			}
			// Asked again, the other store's answers take the nodes of root fields
			// with their levels from the memo the first asks filled
			// (loader.LevelMemo), and must still be the embedded store's.
			for i, r := range requests {
				if r.gql == "" {
					continue
				}
				if got, _ := ask(t, live, r); !sameAnswer(got, wants[i]) {
					t.Errorf("%s, asked again: the backends differ\nrequest: %s\nin-process: %s\n%s: %s", r.name, r.gql, clip(wants[i]), name, clip(got))
				}
			}
			if hits := memoHits(t, live); hits == 0 {
				t.Errorf("asked again, %s took no node from the memo of levels", name)
			} else {
				t.Logf("%s, asked again: %d nodes taken from the memo of levels", dataset.name, hits)
			}
			t.Logf("%s: %d requests, %d answered without errors, no difference", dataset.name, len(requests), answered)
		})
	}
}

// groupQuery asks for a group with everything around it, two levels deep.
func groupQuery(id string) string {
	const rel = `id type direction start end holding derived role attested confidence note
		sources { source { id title date } locator } node { id label type }`
	return fmt.Sprintf(`{ group(id: %q) { id name nameZh kind system level horizon categories crossSystem
		established abolished aliases { name source { id } }
		chairs { %s } members { %s } offices { %s } supervisors { %s } supervises { %s }
		reportsTo { %s } predecessors { %s } successors { %s } partyGroupOf { %s }
		a2010: members(asOf: "2010") { id } a2020: chairs(asOf: "2020") { id holding } } }`,
		id, rel, rel, rel, rel, rel, rel, rel, rel, rel)
}

func serve(t *testing.T, store atlas.Store, ds *atlas.Dataset) *httptest.Server {
	t.Helper()
	if _, err := store.Import(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	// Errors only: an INTERNAL answer's cause is logged, not sent to the client.
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.ErrorLevel)
	// The memo of levels on, as the service keeps it: it serves only a store that
	// batches (Neo4j).
	srv := httptest.NewServer(httpapi.New(store, httpapi.Options{Log: log, LevelMemoRelations: gqlhttp.DefaultLevelMemoRelations}))
	t.Cleanup(srv.Close)
	return srv
}

// memoHits reads from srv's metrics how many nodes root fields took from the memo of
// levels.
func memoHits(t *testing.T, srv *httptest.Server) int {
	t.Helper()
	b, _ := ask(t, srv, request{get: "/metrics"})
	const line = `atlas_graphql_level_memo_lookups_total{result="hit"} `
	for l := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(l, line); ok {
			n, err := strconv.Atoi(strings.TrimSpace(rest))
			if err != nil {
				t.Fatalf("%s: %v", l, err)
			}
			return n
		}
	}
	return 0
}

func ask(t *testing.T, srv *httptest.Server, r request) ([]byte, int) {
	t.Helper()
	var resp *http.Response
	var err error
	if r.get != "" {
		resp, err = http.Get(srv.URL + r.get)
	} else {
		body, _ := json.Marshal(map[string]any{"query": r.gql})
		resp, err = http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	}
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b, resp.StatusCode
}

// sameAnswer compares two responses byte for byte, except that a GraphQL response's errors
// may come in any order: gqlgen resolves sibling fields concurrently and lists their errors
// as they happen (the GraphQL spec leaves the order open), so two failing fields of one
// request swap places from run to run on the same backend. The data must match exactly.
func sameAnswer(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	type response struct {
		Data       json.RawMessage
		Errors     []json.RawMessage
		Extensions json.RawMessage
	}
	var ra, rb response
	if json.Unmarshal(a, &ra) != nil || json.Unmarshal(b, &rb) != nil || len(ra.Errors) < 2 {
		return false
	}
	sortRaw := func(l []json.RawMessage) {
		sort.Slice(l, func(i, j int) bool { return bytes.Compare(l[i], l[j]) < 0 })
	}
	sortRaw(ra.Errors)
	sortRaw(rb.Errors)
	if len(ra.Errors) != len(rb.Errors) || !bytes.Equal(ra.Data, rb.Data) || !bytes.Equal(ra.Extensions, rb.Extensions) {
		return false
	}
	for i := range ra.Errors {
		if !bytes.Equal(ra.Errors[i], rb.Errors[i]) {
			return false
		}
	}
	return true
}

func clip(b []byte) string {
	s := string(b)
	if len(s) > 2000 {
		s = s[:2000] + "…"
	}
	return strings.TrimSpace(s)
}
