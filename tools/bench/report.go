package main

import (
	"fmt"
	"io"
	"time"
)

// report prints one line per workload, query and server: throughput, latency, the CPU the
// server's process spent per request and its ratio to the minimal gqlgen server's and to
// graphql-js's in the same cell; for the service on Neo4j, the Neo4j server's CPU per
// request too (counted in its ratios) and its p50 against the embedded store's.
func report(w io.Writer, o options, cells []*cell) {
	fmt.Fprintf(w, "%d clients, %d interleaved rounds of %s per workload, query and server, loopback\n", o.clients, o.rounds, o.trial)
	fmt.Fprintf(w, "%-9s %-12s %-11s %7s %9s %9s %9s %9s %9s %8s %8s %8s\n",
		"workload", "query", "server", "bytes", "req/s", "p50", "p99", "cpu/req", "db/req", "÷gqlgen", "÷gql-js", "p50÷emb")
	for _, c := range cells {
		byName := map[string]*result{}
		for i, s := range c.servers {
			if _, seen := byName[s.name]; !seen {
				byName[s.name] = c.results[i]
			}
		}
		total := func(r *result) time.Duration { return r.cpuPerRequest() + r.dbPerRequest() }
		ratio := func(r *result, peer string) string {
			p := byName[peer]
			if p == nil || total(p) == 0 {
				return "-"
			}
			return fmt.Sprintf("%.2f", float64(total(r))/float64(total(p)))
		}
		for i, s := range c.servers {
			r := c.results[i]
			db, p50 := "-", "-"
			if r.dbKnown {
				db = us(r.dbPerRequest())
			}
			if s.name == "atlas-neo4j" && byName["atlas"] != nil {
				p50 = fmt.Sprintf("%.1f", float64(r.percentile(0.5))/float64(byName["atlas"].percentile(0.5)))
			}
			fmt.Fprintf(w, "%-9s %-12s %-11s %7d %9.0f %9s %9s %9s %9s %8s %8s %8s\n",
				c.workload, c.query, s.name, r.meanBytes(), r.throughput(), ms(r.percentile(0.5)), ms(r.percentile(0.99)),
				us(r.cpuPerRequest()), db, ratio(r, "gqlgen"), ratio(r, "graphql-js"), p50)
		}
	}
	targets(w, cells)
	for _, c := range cells {
		for i, s := range c.servers {
			if r := c.results[i]; r.errors > 0 {
				fmt.Fprintf(w, "%s %s against %s: %d error answers (not counted as requests), the last: %s\n", c.workload, c.query, s.name, r.errors, r.lastError)
			}
		}
	}
	fmt.Fprintln(w, "cpu/req: the server process's user+system CPU per request (/proc/<pid>/stat); db/req: the Neo4j server's, on this machine;")
	fmt.Fprintln(w, "÷gqlgen, ÷gql-js: (cpu/req + db/req) over the minimal gqlgen server's and graphql-js's in the same workload")
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }

func us(d time.Duration) string { return fmt.Sprintf("%.0fµs", float64(d)/float64(time.Microsecond)) }

// targets sums the run up against issue 24's targets: executed and varied queries at
// most half the minimal gqlgen server's CPU per request (and judged against graphql-js's
// too), and on Neo4j a p50 at most twice the embedded store's.
func targets(w io.Writer, cells []*cell) {
	highest := map[string]float64{}
	for _, c := range cells {
		if c.workload == "cached" {
			continue
		}
		byName := map[string]*result{}
		for i, s := range c.servers {
			byName[s.name] = c.results[i]
		}
		atlas := byName["atlas"]
		for _, peer := range []string{"gqlgen", "graphql-js"} {
			if p := byName[peer]; atlas != nil && p != nil && p.cpuPerRequest() > 0 {
				highest[peer] = max(highest[peer], float64(atlas.cpuPerRequest())/float64(p.cpuPerRequest()))
			}
		}
		if n := byName["atlas-neo4j"]; n != nil && atlas != nil && atlas.percentile(0.5) > 0 {
			highest["neo4j"] = max(highest["neo4j"], float64(n.percentile(0.5))/float64(atlas.percentile(0.5)))
		}
	}
	verdict := func(v, limit float64) string {
		if v <= limit {
			return "met"
		}
		return "not met"
	}
	if v, ok := highest["gqlgen"]; ok {
		fmt.Fprintf(w, "target: executed and varied CPU/request at most 0.50 of the minimal gqlgen server's: at most %.2f here (%s)\n", v, verdict(v, 0.5))
	}
	if v, ok := highest["graphql-js"]; ok {
		fmt.Fprintf(w, "        and of graphql-js's (the issue's title): at most %.2f here (%s)\n", v, verdict(v, 0.5))
	}
	if v, ok := highest["neo4j"]; ok {
		fmt.Fprintf(w, "target: on Neo4j, executed and varied p50 at most 2x the embedded store's: at most %.1fx here (%s)\n", v, verdict(v, 2))
	}
}
