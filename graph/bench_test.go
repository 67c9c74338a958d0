package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/graph"
	"lsgatlas/internal/gqlhttp"
)

// BenchmarkNestedQuery runs the batching query over 5 and 50 groups. Compare the two:
// time per request and store calls per request should stay flat as lists grow tenfold,
// since the planner turns each level into a fixed number of store calls.
func BenchmarkNestedQuery(b *testing.B) {
	store := syntheticStore(b, 50)
	srv := newServer(b, store)
	for _, n := range []int{5, 50} {
		b.Run(fmt.Sprintf("groups=%d", n), func(b *testing.B) {
			store.reset()
			for b.Loop() {
				var got struct {
					Groups struct{ Nodes []struct{ ID string } }
				}
				data(b, srv, batchingQuery, map[string]any{"n": n}, &got)
			}
			calls := store.reset()
			total := 0
			for _, c := range calls {
				total += c
			}
			b.ReportMetric(float64(total)/float64(b.N), "storecalls/op")
		})
	}
}

// BenchmarkExecutor runs the one-, two- and three-level queries of tools/bench over the
// real dataset straight through the GraphQL handler (no network), to see what the
// executor itself costs per request: run with -benchmem.
func BenchmarkExecutor(b *testing.B) {
	store := seedStore(b)
	h := gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{})
	// The service's default: chairs lists joined once per revision, not per request.
	memo := gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{ChairMemoEdges: gqlhttp.DefaultChairMemoEdges})
	for _, q := range []struct{ name, query string }{
		{"one-level", `{ groups(first: 100) { nodes { id name nameZh kind established abolished } } }`},
		{"two-level", `{ groups(first: 100) { nodes { id name chairs { holding derived node { id label } } members { role node { id label } } } } }`},
		{"three-level", `{ groups(first: 100) { nodes { id name members { role node { id label ... on Person {
			memberships { role node { id label } } chairs { derived node { id label } } } } } } } }`},
	} {
		body, _ := json.Marshal(map[string]string{"query": q.query})
		for _, h := range []struct {
			name string
			h    http.Handler
		}{{q.name, h}, {q.name + "-chair-memo", memo}} {
			b.Run(h.name, func(b *testing.B) {
				b.ReportAllocs()
				ask := func() []byte {
					rec := httptest.NewRecorder()
					h.h.ServeHTTP(rec, postRequest(body))
					if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
						b.Fatalf("%d %s", rec.Code, rec.Body)
					}
					return rec.Body.Bytes()
				}
				var resp struct{ Data json.RawMessage }
				if err := json.Unmarshal(ask(), &resp); err != nil {
					b.Fatal(err)
				}
				objects := countObjects(b, resp.Data)
				cpu0 := cpuTime()
				for b.Loop() {
					ask()
				}
				// CPU time rather than wall time: the machine may be shared, and the CPU a
				// request costs is what sets throughput under load. Per object, to set beside
				// BenchmarkExecutorFloor.
				reportPerObject(b, cpu0, objects)
			})
		}
	}
}

func postRequest(body []byte) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return r
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkExecutorVaried runs tools/bench's varied workload through the GraphQL handler:
// nodes(ids:) with a new ordered choice of 20 of the dataset's groups on every request
// (a fixed seed, so runs compare), to the service in its default configuration, the
// chairs lists kept per revision. No answer is asked twice in a row, as analysts and
// frontends ask.
func BenchmarkExecutorVaried(b *testing.B) {
	store := seedStore(b)
	h := gqlhttp.New(graph.Resolver{Store: store, Log: zerolog.Nop()}, gqlhttp.Options{ChairMemoEdges: gqlhttp.DefaultChairMemoEdges})
	var groups []string
	{
		body, _ := json.Marshal(map[string]string{"query": `{ groups(first: 100) { nodes { id } } }`})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, postRequest(body))
		var resp struct {
			Data struct {
				Groups struct{ Nodes []struct{ ID string } }
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Data.Groups.Nodes) < 20 {
			b.Fatalf("groups: %v %s", err, rec.Body)
		}
		for _, n := range resp.Data.Groups.Nodes {
			groups = append(groups, n.ID)
		}
	}
	for _, q := range []struct{ name, selection string }{
		{"two-level", `id name chairs { holding derived node { id label } } members { role node { id label } }`},
		{"three-level", `id name members { role node { id label ... on Person {
			memberships { role node { id label } } chairs { derived node { id label } } } } }`},
	} {
		query := `query Varied($ids: [ID!]!) { nodes(ids: $ids) { ... on Group { ` + q.selection + ` } } }`
		// The bodies are made before the timing, so that it measures the service alone.
		rng := rand.New(rand.NewPCG(1, 2))
		ids := slices.Clone(groups)
		bodies := make([][]byte, 512)
		for i := range bodies {
			rng.Shuffle(len(ids), func(x, y int) { ids[x], ids[y] = ids[y], ids[x] })
			bodies[i], _ = json.Marshal(map[string]any{"query": query, "variables": map[string]any{"ids": ids[:20]}})
		}
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			i := 0
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, postRequest(bodies[i%len(bodies)]))
				i++
				if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
					b.Fatalf("%d %s", rec.Code, rec.Body)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
		})
	}
}
