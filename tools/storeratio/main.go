// Command storeratio measures the Neo4j store against the embedded one under load: it
// loads the bundled dataset into both (Neo4j in a namespace of its own, dropped at the
// end), serves each through the service on loopback with every request executed (no
// answer cache), checks that both answer the two- and three-level queries of tools/bench
// with the same bytes, then runs a bounded closed-loop load (16 clients by default)
// against each, interleaved round by round, and prints p50, p99, throughput and the p50
// ratio Neo4j/embedded per query, with the load average before and after.
//
//	NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=atlas-dev-password go run ./tools/storeratio
//	go run ./tools/storeratio -c 16 -rounds 5 -d 2s
//	go run ./tools/storeratio -statements   # and the statements alone, on the driver
//
// Interleaving matters on a shared machine: both stores see the same background noise,
// so the ratio is steadier than either absolute figure.
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/httpapi"
	"lsgatlas/inprocess"
	"lsgatlas/internal/gcdefault"
	"lsgatlas/internal/synthetic"
	"lsgatlas/neo4j"
	"lsgatlas/seed"
)

// queries are the two- and three-level queries of tools/bench (over all groups); with
// -queries scale, the scale benchmarks' queries (synthetic.ScaleQueries) replace them.
var queries = []synthetic.Query{
	{Name: "two-level", Query: `{ groups(first: 100) { nodes { id name
		chairs { holding derived node { id label } }
		members { role node { id label } } } } }`},
	{Name: "three-level", Query: `{ groups(first: 100) { nodes { id name
		members { role node { id label ... on Person {
			memberships { role node { id label } }
			chairs { derived node { id label } } } } } } } }`},
}

func main() {
	clients := flag.Int("c", 16, "concurrent clients (1-64)")
	rounds := flag.Int("rounds", 5, "interleaved rounds (1-20)")
	per := flag.Duration("d", 2*time.Second, "length of one trial: one query against one store in one round (at most 10s)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	factor := flag.Int("factor", 1, "measure over the bundled dataset scaled this many times (internal/synthetic.Scaled; 1-100)")
	set := flag.String("queries", "bench", "the queries to measure: bench (tools/bench's two- and three-level queries) or scale (the scale benchmarks' list, two-level and search, synthetic.ScaleQueries)")
	statements := flag.Bool("statements", false, "also compare, on the driver alone, the two-level query's reads as the service sends them, as it sent them before (list, then relations) and as one hand-written statement (run from the repository root)")
	flag.Parse()
	fmt.Println("collector:", gcdefault.Apply(os.Getenv))
	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "storeratio:", err)
			os.Exit(1)
		}
	}
	err := run(*clients, *rounds, *per, *factor, *set, *statements)
	pprof.StopCPUProfile()
	if err != nil {
		fmt.Fprintln(os.Stderr, "storeratio:", err)
		os.Exit(1)
	}
}

func run(clients, rounds int, per time.Duration, factor int, set string, statements bool) error {
	if clients < 1 || clients > 64 || rounds < 1 || rounds > 20 || per <= 0 || per > 10*time.Second || factor < 1 || factor > 100 {
		return fmt.Errorf("want 1-64 clients, 1-20 rounds, a trial of at most 10s and a factor of 1-100")
	}
	if set != "bench" && set != "scale" {
		return fmt.Errorf("-queries %q: want bench or scale", set)
	}
	cfg, ok := neo4j.ConfigFromEnv(os.Getenv)
	if !ok {
		return fmt.Errorf("set NEO4J_URI (and NEO4J_PASSWORD) to the Neo4j to measure")
	}
	ns := make([]byte, 6)
	_, _ = rand.Read(ns)
	cfg.Namespace = "storeratio-" + hex.EncodeToString(ns)
	ctx := context.Background()
	ds, err := seed.Dataset()
	if err != nil {
		return err
	}
	if set == "scale" {
		queries = synthetic.ScaleQueries(ds)
	}
	if ds, err = synthetic.Scaled(ds, factor); err != nil {
		return err
	}
	neo, err := neo4j.Open(ctx, cfg, zerolog.New(os.Stderr).Level(zerolog.WarnLevel))
	if err != nil {
		return err
	}
	defer func() {
		_ = neo.DropNamespace(context.Background())
		_ = neo.Close(context.Background())
	}()
	if err := waitReady(ctx, neo); err != nil {
		return err
	}
	embedded := inprocess.New()
	stores := []struct {
		name  string
		store atlas.Store
	}{{"neo4j", neo}, {"embedded", embedded}}
	urls := make([]string, len(stores))
	for i, s := range stores {
		start := time.Now()
		if _, err := s.store.Import(ctx, ds); err != nil {
			return fmt.Errorf("import into %s: %w", s.name, err)
		}
		fmt.Printf("import into %s: %.2fs\n", s.name, time.Since(start).Seconds())
		urls[i], err = listen(httpapi.New(s.store, httpapi.Options{Log: zerolog.Nop(), ResponseCacheBytes: 0,
			// Sixteen three-level queries at once exceed the default memory budget on the
			// slower store; the measure is latency, not load shedding.
			MemoryInFlight: 1 << 32}))
		if err != nil {
			return err
		}
	}
	// As the service does once its start-up import has ended: at 100x the two stores hold
	// about a gigabyte live, and under the fixed limit the collector would run all the time.
	fmt.Println("collector for the data loaded:", gcdefault.Fit(os.Getenv, 256<<20))
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
	bodies := make([][]byte, len(queries))
	answers := make([][]byte, len(queries))
	// The first answer of each query may build what later ones reuse (Neo4j's search
	// analyses the whole namespace at a new revision), so it gets time and is reported.
	patient := &http.Client{Transport: client.Transport, Timeout: 10 * time.Minute}
	for qi, q := range queries {
		bodies[qi] = []byte(fmt.Sprintf(`{"query":%q}`, q.Query))
		for si, s := range stores {
			start := time.Now()
			got, err := post(patient, urls[si]+"/graphql", bodies[qi])
			if err != nil {
				return fmt.Errorf("%s on %s: %w", q.Name, s.name, err)
			}
			fmt.Printf("first %s on %s: %s\n", q.Name, s.name, time.Since(start).Round(time.Millisecond))
			if bytes.Contains(got, []byte(`"errors"`)) {
				return fmt.Errorf("%s on %s: answered with errors: %s", q.Name, s.name, got)
			}
			if si == 0 {
				answers[qi] = got
			} else if !bytes.Equal(got, answers[qi]) {
				return fmt.Errorf("%s: the stores' answers differ", q.Name)
			}
		}
		// Warm up both: the JVM compiles Neo4j's hot paths as it goes.
		for si := range stores {
			var r result
			if err := r.trial(client, urls[si]+"/graphql", bodies[qi], answers[qi], clients, per/2); err != nil {
				return err
			}
		}
	}
	load0 := loadAverage()
	results := map[[2]int]*result{}
	for range rounds {
		for qi := range queries {
			for si := range stores {
				k := [2]int{qi, si}
				if results[k] == nil {
					results[k] = &result{}
				}
				if err := results[k].trial(client, urls[si]+"/graphql", bodies[qi], answers[qi], clients, per); err != nil {
					return fmt.Errorf("%s on %s: %w", queries[qi].Name, stores[si].name, err)
				}
			}
		}
	}
	fmt.Printf("%d clients, %d interleaved rounds of %s per query and store, loopback, every request executed, the dataset at %dx\n", clients, rounds, per, factor)
	fmt.Printf("load average before: %s, after: %s\n", load0, loadAverage())
	fmt.Printf("%-12s %-9s %8s %11s %10s %10s %12s\n", "query", "store", "bytes", "requests/s", "p50", "p99", "p50 ratio")
	for qi, q := range queries {
		n, e := results[[2]int{qi, 0}], results[[2]int{qi, 1}]
		for si, r := range []*result{n, e} {
			ratio := ""
			if si == 0 {
				ratio = fmt.Sprintf("%.2f", float64(n.percentile(0.5))/float64(e.percentile(0.5)))
			}
			fmt.Printf("%-12s %-9s %8d %11.0f %10s %10s %12s\n", q.Name, stores[si].name, len(answers[qi]),
				r.throughput(), r.percentile(0.5), r.percentile(0.99), ratio)
		}
	}
	st := neo.Statements()
	names := make([]string, 0, len(st))
	for k := range st {
		names = append(names, k)
	}
	slices.Sort(names)
	var parts []string
	for _, k := range names {
		parts = append(parts, fmt.Sprintf("%s=%d", k, st[k]))
	}
	fmt.Printf("neo4j statements sent: %s; read transactions: %d\n", strings.Join(parts, " "), neo.ReadTransactions())
	if statements {
		return compareStatements(ctx, cfg, clients, rounds, per)
	}
	return nil
}

// waitReady waits until the store has connected and migrated (at most a minute).
func waitReady(ctx context.Context, s *neo4j.Store) error {
	deadline := time.Now().Add(time.Minute)
	for {
		err := s.Ping(ctx)
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("neo4j not ready after a minute: %w", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// listen serves h on a loopback port and returns its base URL.
func listen(h http.Handler) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go func() { _ = http.Serve(ln, h) }()
	return "http://" + ln.Addr().String(), nil
}

func post(client *http.Client, url string, body []byte) ([]byte, error) {
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return b, err
}

// result gathers the latencies of one query against one store.
type result struct {
	latencies []time.Duration
	elapsed   time.Duration
}

// trial runs clients closed loops for d and checks every answer is the expected bytes.
func (r *result) trial(client *http.Client, url string, body, want []byte, clients int, d time.Duration) error {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var failure error
	start := time.Now()
	deadline := start.Add(d)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for time.Now().Before(deadline) {
				t0 := time.Now()
				got, err := post(client, url, body)
				if err == nil && !bytes.Equal(got, want) {
					err = errors.New("answer differs from the other store's")
				}
				if err != nil {
					mu.Lock()
					failure = err
					mu.Unlock()
					return
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			r.latencies = append(r.latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	r.elapsed += time.Since(start)
	return failure
}

func (r *result) throughput() float64 { return float64(len(r.latencies)) / r.elapsed.Seconds() }

func (r *result) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	l := slices.Clone(r.latencies)
	slices.Sort(l)
	return l[min(len(l)-1, int(p*float64(len(l))))].Round(10 * time.Microsecond)
}
