// Command loadgen sends a fixed GraphQL query to a running LSG Atlas on loopback, from a
// few concurrent clients for a bounded time, and reports throughput and latency
// percentiles. It refuses any address that is not loopback: it is a measuring tool for
// one machine, not a load test for other hosts.
//
//	go run ./tools/loadgen -url http://127.0.0.1:8080/graphql -c 4 -d 10s -query '{ groups { totalCount } }'
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
	"strings"
	"sync"
	"time"
)

func main() {
	target := flag.String("url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint (loopback only)")
	query := flag.String("query", `{ groups(first: 50) { nodes { id chairs { node { label } } members { node { label } } } } }`, "GraphQL query to send")
	clients := flag.Int("c", 4, "concurrent clients (1-64)")
	duration := flag.Duration("d", 10*time.Second, "how long to send (at most 2m)")
	maxRequests := flag.Int("n", 100000, "stop after this many requests in all")
	flag.Parse()
	if err := run(*target, *query, *clients, *duration, *maxRequests); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run(target, query string, clients int, duration time.Duration, maxRequests int) error {
	u, err := url.Parse(target)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address", u.Hostname())
	}
	if clients < 1 || clients > 64 || duration <= 0 || duration > 2*time.Minute {
		return fmt.Errorf("want 1-64 clients and a duration up to 2m")
	}
	body, _ := json.Marshal(map[string]string{"query": query})
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  int
		sent      int
	)
	client := &http.Client{Timeout: 10 * time.Second}
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				if sent >= maxRequests {
					mu.Unlock()
					return
				}
				sent++
				mu.Unlock()
				t0 := time.Now()
				ok := send(ctx, client, target, body)
				d := time.Since(t0)
				mu.Lock()
				if ok {
					latencies = append(latencies, d)
				} else if ctx.Err() == nil {
					failures++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if len(latencies) == 0 {
		return fmt.Errorf("no successful requests (%d failures)", failures)
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))] }
	fmt.Printf("requests=%d failures=%d clients=%d elapsed=%s throughput=%.1f/s p50=%s p95=%s p99=%s max=%s\n",
		len(latencies), failures, clients, elapsed.Round(time.Millisecond), float64(len(latencies))/elapsed.Seconds(),
		pct(0.50).Round(time.Microsecond), pct(0.95).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), latencies[len(latencies)-1].Round(time.Microsecond))
	return nil
}

// send posts one query and reports whether it came back 200 without GraphQL errors.
func send(ctx context.Context, client *http.Client, target string, body []byte) bool {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode == http.StatusOK && !strings.Contains(string(b), `"errors"`)
}
