// Command bench measures LSG Atlas against the fastest server imaginable for the same
// answers: it starts the service (embedded store, seeded) and a static server that
// returns, for each query, the service's own response bytes, both on loopback, then runs
// a bounded closed-loop load (each client sends its next request when the last one is
// answered) against each, interleaved round by round in the same run, for a one-level, a
// two-level and a three-level query over all groups. It prints throughput, p50 and p99
// per query and server, the service's share of the static server's throughput ("ratio"),
// the process CPU per request (the in-process load generator's share included, the same
// for both servers) and its ratio, static to service ("cpu ratio"): the throughput ratio
// to expect when the machine is not shared, since both servers are then CPU-bound.
//
//	go run ./tools/bench                 # 16 clients, 5 rounds of 2 s per query and server
//	go run ./tools/bench -c 4 -rounds 3 -d 1s
//
// Interleaving matters on a shared machine: both servers see the same background noise,
// so their ratio is steadier than either absolute figure.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/httpapi"
	"lsgatlas/inprocess"
	"lsgatlas/internal/gcdefault"
	"lsgatlas/seed"
)

// queries are the shapes measured, over all groups (the dataset has fewer than 100).
var queries = []struct{ name, query string }{
	{"one-level", `{ groups(first: 100) { nodes { id name nameZh kind established abolished } } }`},
	{"two-level", `{ groups(first: 100) { nodes { id name
		chairs { holding derived node { id label } }
		members { role node { id label } } } } }`},
	{"three-level", `{ groups(first: 100) { nodes { id name
		members { role node { id label ... on Person {
			memberships { role node { id label } }
			chairs { derived node { id label } } } } } } } }`},
}

func main() {
	clients := flag.Int("c", 16, "concurrent clients (1-64)")
	rounds := flag.Int("rounds", 5, "interleaved rounds (1-20)")
	per := flag.Duration("d", 2*time.Second, "length of one trial: one query against one server in one round (at most 10s)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	responseCache := flag.Int("response-cache-bytes", 64<<20, "the service's cache of complete answers, as RESPONSE_CACHE_BYTES (its default); 0 measures every request executed")
	flag.Parse()
	// The service's own collector settings (server.go does the same), so the figures are
	// those of the service as it runs; the static server shares the process and them.
	fmt.Println("collector:", gcdefault.Apply(os.Getenv))
	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(*clients, *rounds, *per, *responseCache); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(clients, rounds int, per time.Duration, responseCache int) error {
	if clients < 1 || clients > 64 || rounds < 1 || rounds > 20 || per <= 0 || per > 10*time.Second {
		return fmt.Errorf("want 1-64 clients, 1-20 rounds and a trial of at most 10s")
	}
	ctx := context.Background()
	store := inprocess.New()
	ds, err := seed.Dataset()
	if err != nil {
		return err
	}
	if _, err := store.Import(ctx, ds); err != nil {
		return err
	}
	service, err := listen(httpapi.New(store, httpapi.Options{Playground: false, Log: zerolog.Nop(), ResponseCacheBytes: responseCache}))
	if err != nil {
		return err
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 10 * time.Second}
	bodies := make([][]byte, len(queries))
	answers := map[string][]byte{}
	for i, q := range queries {
		bodies[i] = []byte(fmt.Sprintf(`{"query":%q}`, q.query))
		got, err := post(client, service+"/graphql", bodies[i])
		if err != nil {
			return fmt.Errorf("%s: %w", q.name, err)
		}
		if bytes.Contains(got, []byte(`"errors"`)) {
			return fmt.Errorf("%s: the service answered with errors: %s", q.name, got)
		}
		answers[string(bodies[i])] = got
	}
	static, err := listen(staticServer(answers))
	if err != nil {
		return err
	}
	targets := []struct{ name, url string }{{"atlas", service + "/graphql"}, {"static", static + "/graphql"}}
	results := map[[2]int]*result{}
	for range rounds {
		for qi := range queries {
			for ti, t := range targets {
				r := results[[2]int{qi, ti}]
				if r == nil {
					r = &result{}
					results[[2]int{qi, ti}] = r
				}
				if err := r.trial(client, t.url, bodies[qi], answers[string(bodies[qi])], clients, per); err != nil {
					return fmt.Errorf("%s against %s: %w", queries[qi].name, t.name, err)
				}
			}
		}
	}
	fmt.Printf("%d clients, %d interleaved rounds of %s per query and server, loopback\n", clients, rounds, per)
	fmt.Printf("%-12s %-7s %8s %12s %10s %10s %8s %10s %10s\n", "query", "server", "bytes", "requests/s", "p50", "p99", "ratio", "cpu/req", "cpu ratio")
	for qi, q := range queries {
		a, s := results[[2]int{qi, 0}], results[[2]int{qi, 1}]
		for ti, r := range []*result{a, s} {
			ratio, cpuRatio := "", ""
			if ti == 0 {
				ratio = fmt.Sprintf("%.1f%%", 100*a.throughput()/s.throughput())
				cpuRatio = fmt.Sprintf("%.1f%%", 100*float64(s.cpuPerRequest())/float64(a.cpuPerRequest()))
			}
			fmt.Printf("%-12s %-7s %8d %12.0f %10s %10s %8s %10s %10s\n", q.name, targets[ti].name, len(answers[string(bodies[qi])]),
				r.throughput(), r.percentile(0.50), r.percentile(0.99), ratio, r.cpuPerRequest(), cpuRatio)
		}
	}
	return nil
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

// staticServer answers each known request body with the bytes recorded for it.
func staticServer(answers map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		b, ok := answers[string(body)]
		if !ok {
			http.Error(w, "unknown query", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/graphql-response+json")
		_, _ = w.Write(b)
	})
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

// result gathers the latencies and busy time of one query against one server.
type result struct {
	latencies []time.Duration
	elapsed   time.Duration
	cpu       time.Duration // process CPU during the trials: server and load generator
}

// trial runs clients closed loops for d and checks every answer is the expected bytes.
func (r *result) trial(client *http.Client, url string, body, want []byte, clients int, d time.Duration) error {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var failure error
	start, cpu0 := time.Now(), cpuTime()
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
					err = fmt.Errorf("answer differs from the recorded one")
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
	r.cpu += cpuTime() - cpu0
	return failure
}

func (r *result) throughput() float64 { return float64(len(r.latencies)) / r.elapsed.Seconds() }

// cpuPerRequest is the process CPU each request cost, the load generator's share included.
func (r *result) cpuPerRequest() time.Duration {
	return (r.cpu / time.Duration(max(1, len(r.latencies)))).Round(time.Microsecond)
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (r *result) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	l := slices.Clone(r.latencies)
	slices.Sort(l)
	return l[min(len(l)-1, int(p*float64(len(l))))].Round(10 * time.Microsecond)
}
