// Command fairness measures how a running LSG Atlas on loopback shares itself among many
// clients: each client connects from an address of its own (127.0.x.y, which the
// service tells apart as it does clients on a network), sends well-formed GraphQL
// requests one after another for a bounded time, and the tool reports each client's
// answered requests (min, median, max and Jain's fairness index), how many requests were
// refused with 503 and whether every refusal carried Retry-After, and any other status.
// It refuses any target that is not loopback.
//
//	go run ./tools/fairness -url http://127.0.0.1:8080/graphql -c 256 -d 30s
package main

import (
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
	"sync"
	"time"
)

// queries are the well-formed requests the clients take turns sending.
var queries = []string{
	`{ groups(first: 20) { nodes { id name chairs { node { label } } } } }`,
	`{ group(id: "group/foreign-affairs-leading-small-group") { name members { node { label } } } }`,
	`{ search(text: "finance", first: 10) { node { id label } score } }`,
	`{ statistics(asOf: "2018") { groups { known possible } } }`,
	`{ people(first: 30) { totalCount nodes { id name } } }`,
}

type tally struct {
	ok, busy, busyWithoutRetry, other, failed int
	latencies                                 []time.Duration
}

func main() {
	target := flag.String("url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint (loopback only)")
	clients := flag.Int("c", 64, "clients, each from its own loopback address (1-1000)")
	duration := flag.Duration("d", 30*time.Second, "how long to send (at most 10m)")
	flag.Parse()
	if err := run(*target, *clients, *duration); err != nil {
		fmt.Fprintln(os.Stderr, "fairness:", err)
		os.Exit(1)
	}
}

func run(target string, clients int, duration time.Duration) error {
	u, err := url.Parse(target)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%s is not a loopback address", u.Hostname())
	}
	if clients < 1 || clients > 1000 || duration <= 0 || duration > 10*time.Minute {
		return fmt.Errorf("want 1-1000 clients and a duration up to 10m")
	}
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	tallies := make([]tally, clients)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() { tallies[i] = client(ctx, target, i) })
	}
	wg.Wait()
	report(tallies, duration)
	return nil
}

// client sends requests one after another from its own loopback address.
func client(ctx context.Context, target string, i int) tally {
	local := net.IPv4(127, 0, byte(1+i/250), byte(1+i%250))
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: local}}
	c := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DialContext: dialer.DialContext, MaxIdleConnsPerHost: 1}}
	var t tally
	for n := i; ctx.Err() == nil; n++ {
		body, _ := json.Marshal(map[string]string{"query": queries[n%len(queries)]})
		req, _ := http.NewRequestWithContext(ctx, "POST", target, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		start := time.Now()
		resp, err := c.Do(req)
		if err != nil {
			if ctx.Err() == nil {
				t.failed++
			}
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		switch {
		case resp.StatusCode/100 == 2:
			t.ok++
			t.latencies = append(t.latencies, time.Since(start))
		case resp.StatusCode == http.StatusServiceUnavailable:
			t.busy++
			if resp.Header.Get("Retry-After") == "" {
				t.busyWithoutRetry++
			}
		default:
			t.other++
		}
	}
	return t
}

func report(tallies []tally, d time.Duration) {
	var all tally
	answered := make([]int, 0, len(tallies))
	sum, sumSq := 0.0, 0.0
	for _, t := range tallies {
		all.ok += t.ok
		all.busy += t.busy
		all.busyWithoutRetry += t.busyWithoutRetry
		all.other += t.other
		all.failed += t.failed
		all.latencies = append(all.latencies, t.latencies...)
		answered = append(answered, t.ok)
		sum += float64(t.ok)
		sumSq += float64(t.ok) * float64(t.ok)
	}
	slices.Sort(answered)
	slices.Sort(all.latencies)
	total := all.ok + all.busy + all.other + all.failed
	fmt.Printf("clients %d, %v: %d requests (%.0f/s)\n", len(tallies), d, total, float64(total)/d.Seconds())
	fmt.Printf("  2xx %d (%.1f%%), 503 %d (%.1f%%; without Retry-After %d), other status %d, transport errors %d\n",
		all.ok, pct(all.ok, total), all.busy, pct(all.busy, total), all.busyWithoutRetry, all.other, all.failed)
	if len(all.latencies) > 0 {
		p := func(q float64) time.Duration {
			return all.latencies[int(q*float64(len(all.latencies)-1))].Round(100 * time.Microsecond)
		}
		fmt.Printf("  latency of answered requests: p50 %v, p99 %v, max %v\n", p(.5), p(.99), p(1))
	}
	if sumSq > 0 {
		fmt.Printf("  answered per client: min %d, median %d, max %d; clients with none %d; Jain's fairness index %.3f\n",
			answered[0], answered[len(answered)/2], answered[len(answered)-1], countZero(answered), sum*sum/(float64(len(answered))*sumSq))
	}
}

func pct(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return 100 * float64(n) / float64(total)
}

func countZero(xs []int) int {
	n := 0
	for _, x := range xs {
		if x == 0 {
			n++
		}
	}
	return n
}
