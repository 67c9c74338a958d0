// Command soak saturates a running LSG Atlas on loopback with a mix of ordinary and
// hostile GraphQL requests for a fixed time, then stops by itself and reports: requests
// and latency percentiles per class, status codes, 5xx answers to ordinary requests
// (there must be none) and the server's resident memory over the run (read from its
// /metrics), which must stay flat. It refuses any address that is not loopback.
//
//	go run ./tools/soak -url http://127.0.0.1:8080 -c 32 -d 10m
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The ordinary requests are research-style queries; the hostile ones are those of
// issues 14 and 23, each of which the server must refuse or bound.
var (
	ordinary = []string{
		`{ group(id: "group/foreign-affairs-leading-small-group") { name chairs { node { label } } members { node { label } } } }`,
		`{ groups(first: 50) { totalCount nodes { id name established } } }`,
		`{ search(text: "xi") { score node { id label } } }`,
		`{ person(id: "person/xi-jinping") { name relationships { type node { id label } } } }`,
		`{ centrality(metric: DEGREE, first: 10) { value node { id } } }`,
	}
	hostile = []string{
		nested(6),
		nested(5),
		many(5000, func(i int) string { return fmt.Sprintf("s%d: __schema { types { name fields { name } } }", i) }),
		many(3000, func(i int) string { return fmt.Sprintf(`group(id: "group/g%d") { id }`, i) }),
		many(20000, func(int) string { return "__typename" }),
		many(40, func(i int) string { return fmt.Sprintf("s%d: __schema { types { name fields { name } } }", i) }),
		nested(3),
		// Issue 23: 100 aliased 200-year series (refused: memory), and the most the
		// memory budget lets run.
		many(100, func(i int) string {
			return fmt.Sprintf("a%d: activeGroupsByYear(fromYear: 1800, toYear: 1999) { years { groups { bySystem { key known } } } }", i)
		}),
		many(40, func(i int) string {
			return fmt.Sprintf("a%d: activeGroupsByYear(fromYear: 1800, toYear: 1999) { years { groups { bySystem { key known } } } }", i)
		}),
	}
)

func nested(n int) string {
	return `{ group(id: "group/foreign-affairs-leading-small-group") { ` +
		strings.Repeat(`relationships { to { id ... on Group { `, n) + `id` + strings.Repeat(` } } }`, n) + ` } }`
}

func many(n int, f func(int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = f(i)
	}
	return "{ " + strings.Join(parts, " ") + " }"
}

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "service base URL (loopback only)")
	clients := flag.Int("c", 32, "concurrent clients (1-64; keep below the server's MAX_IN_FLIGHT)")
	duration := flag.Duration("d", 10*time.Minute, "how long to run (at most 30m)")
	hostileEvery := flag.Int("hostile-every", 5, "one request in this many is hostile")
	flag.Parse()
	if err := run(*base, *clients, *duration, *hostileEvery); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

type result struct {
	hostile bool
	status  int
	took    time.Duration
	err     bool
	minute  int // of the run, when the request was sent
}

func run(base string, clients int, duration time.Duration, hostileEvery int) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address", u.Hostname())
	}
	if clients < 1 || clients > 64 || duration <= 0 || duration > 30*time.Minute || hostileEvery < 1 {
		return fmt.Errorf("want 1-64 clients, a duration up to 30m and -hostile-every ≥ 1")
	}
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	results := make(chan result, 1024)
	begun := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i++ {
				isHostile := i%hostileEvery == 0
				q := ordinary[i%len(ordinary)]
				if isHostile {
					q = hostile[(i/hostileEvery)%len(hostile)]
				}
				r := send(ctx, client, base+"/graphql", q, isHostile)
				r.minute = int(time.Since(begun) / time.Minute)
				results <- r
			}
		}()
	}
	var rss []float64
	sampler := time.NewTicker(5 * time.Second)
	defer sampler.Stop()
	go func() { wg.Wait(); close(results) }()
	var all []result
	for open := true; open; {
		select {
		case r, ok := <-results:
			if !ok {
				open = false
				break
			}
			if !(r.err && ctx.Err() != nil) { // requests cut by the end of the run don't count
				all = append(all, r)
			}
		case <-sampler.C:
			if v, err := residentMemory(client, base); err == nil {
				rss = append(rss, v)
			}
		}
	}
	return report(all, rss, duration)
}

func send(ctx context.Context, client *http.Client, target, query string, hostile bool) result {
	body, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return result{hostile: hostile, took: time.Since(start), err: true}
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return result{hostile: hostile, status: resp.StatusCode, took: time.Since(start)}
}

func residentMemory(client *http.Client, base string) (float64, error) {
	resp, err := client.Get(base + "/metrics")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "process_resident_memory_bytes "); ok {
			return strconv.ParseFloat(v, 64)
		}
	}
	return 0, fmt.Errorf("no process_resident_memory_bytes in /metrics")
}

func report(all []result, rss []float64, duration time.Duration) error {
	bad := 0
	for _, class := range []bool{false, true} {
		name := map[bool]string{false: "ordinary", true: "hostile"}[class]
		var lat []time.Duration
		statuses := map[string]int{}
		for _, r := range all {
			if r.hostile != class {
				continue
			}
			lat = append(lat, r.took)
			key := strconv.Itoa(r.status)
			if r.err {
				key = "transport error"
			}
			statuses[key]++
			if !class && (r.err || r.status >= 500) {
				bad++
			}
		}
		if len(lat) == 0 {
			continue
		}
		slices.Sort(lat)
		pct := func(p float64) time.Duration {
			return lat[min(len(lat)-1, int(p*float64(len(lat))))].Round(100 * time.Microsecond)
		}
		fmt.Printf("%-8s %7d requests (%.0f/s)  p50 %v  p99 %v  max %v  statuses %v\n",
			name, len(lat), float64(len(lat))/duration.Seconds(), pct(.5), pct(.99), lat[len(lat)-1].Round(time.Millisecond), statuses)
	}
	// The ordinary requests' p99 minute by minute, which must stay flat too.
	var byMinute [][]time.Duration
	for _, r := range all {
		if !r.hostile && !r.err {
			for len(byMinute) <= r.minute {
				byMinute = append(byMinute, nil)
			}
			byMinute[r.minute] = append(byMinute[r.minute], r.took)
		}
	}
	fmt.Print("ordinary p99 by minute:")
	for _, lat := range byMinute {
		if len(lat) > 0 {
			slices.Sort(lat)
			fmt.Printf(" %v", lat[min(len(lat)-1, int(.99*float64(len(lat))))].Round(time.Millisecond))
		}
	}
	fmt.Println()
	if len(rss) > 0 {
		lo, hi := slices.Min(rss), slices.Max(rss)
		fmt.Printf("server RSS over %d samples: first %.0f MB, min %.0f MB, max %.0f MB, last %.0f MB\n",
			len(rss), rss[0]/1e6, lo/1e6, hi/1e6, rss[len(rss)-1]/1e6)
		if hi > 1e9 {
			return fmt.Errorf("server memory reached %.0f MB", hi/1e6)
		}
	}
	if bad > 0 {
		return fmt.Errorf("%d ordinary requests failed or got a 5xx", bad)
	}
	return nil
}
