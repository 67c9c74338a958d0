// Command bench measures LSG Atlas's CPU per request against three other servers of the
// same answer bytes, each its own process on loopback, interleaved round by round in one
// run so that all of them share the machine's noise:
//
//   - static: a server that returns the recorded bytes (the floor of HTTP on this machine);
//   - gqlgen: a minimal gqlgen server (gqlgenpeer: gqlgen's default generated code for the
//     schema subset the queries use, answering from plain structs);
//   - graphql-js: a graphql-js 16 + DataLoader server (graphqljs/server.mjs), the usual
//     JavaScript way to serve the same schema.
//
// The peers answer from a fixture of the service's own data (every node the queries reach,
// read from the service over GraphQL after it loaded the seed), and every answer of every
// server is checked byte for byte against the service's before and during the timing.
//
// Workloads, each for a two-level and a three-level query over the groups:
//
//	cached    the same query again and again (the service's default answer cache serves it)
//	executed  the same query, the service started with RESPONSE_CACHE_BYTES=0,
//	          CHAIR_MEMO_EDGES=0 and LEVEL_MEMO_RELATIONS=0: nothing kept across requests
//	varied    different variables on every request: a random ordered choice of -subset
//	          groups (nodes(ids:)), against the service's default configuration
//
// It prints requests/s, p50, p99, the CPU each server process spent per request (utime +
// stime from /proc/<pid>/stat; the load generator runs in this process and is not counted)
// and the service's CPU per request divided by the minimal gqlgen server's and by
// graphql-js's. With -neo4j the service also runs on Neo4j (NEO4J_URI, NEO4J_USER,
// NEO4J_PASSWORD; the dataset is seeded into -neo4j-namespace first), and the Neo4j
// server's own CPU per request is shown beside it when its process is on this machine.
//
//	go run ./tools/bench                       # 16 clients, 3 rounds of 2 s per trial
//	go run ./tools/bench -rounds 1 -d 300ms    # a quick check (what .ci/run runs)
//	go run ./tools/bench -neo4j                # also LSG Atlas on Neo4j
//
// The graphql-js peer needs its packages: `(cd tools/bench/graphqljs && npm ci)`;
// -peers static,gqlgen leaves it out.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "static", "gqlgen":
			if err := serveSubcommand(os.Args[1], os.Args[2:]); err != nil {
				fmt.Fprintln(os.Stderr, "bench", os.Args[1]+":", err)
				os.Exit(1)
			}
			return
		}
	}
	var o options
	flag.IntVar(&o.clients, "c", 16, "concurrent clients (1-64)")
	flag.IntVar(&o.rounds, "rounds", 3, "interleaved rounds (1-20)")
	flag.DurationVar(&o.trial, "d", 2*time.Second, "length of one trial: one workload and query against one server in one round (at most 10s)")
	workloads := flag.String("workloads", "cached,executed,varied", "workloads to run")
	queryNames := flag.String("queries", "two-level,three-level", "queries to run")
	peers := flag.String("peers", "static,gqlgen,graphql-js", "servers to measure beside LSG Atlas")
	flag.IntVar(&o.subset, "subset", 20, "groups asked for by each varied request (1-35)")
	flag.BoolVar(&o.neo4j, "neo4j", false, "also run LSG Atlas on Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)")
	flag.StringVar(&o.namespace, "neo4j-namespace", "bench", "NEO4J_NAMESPACE the service on Neo4j uses (seeded first)")
	flag.IntVar(&o.neo4jPID, "neo4j-pid", 0, "the Neo4j server's process id, for its CPU per request; found from the port when 0")
	flag.StringVar(&o.atlasBin, "atlas-bin", "", "a built LSG Atlas binary; built from this module when empty")
	flag.Parse()
	o.workloads = split(*workloads)
	o.queries = split(*queryNames)
	o.peers = split(*peers)
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type options struct {
	clients, rounds, subset int
	trial                   time.Duration
	workloads, queries      []string
	peers                   []string
	neo4j                   bool
	namespace               string
	neo4jPID                int
	atlasBin                string
}

func (o options) check() error {
	if o.clients < 1 || o.clients > 64 || o.rounds < 1 || o.rounds > 20 || o.trial <= 0 || o.trial > 10*time.Second {
		return fmt.Errorf("want 1-64 clients, 1-20 rounds and a trial of at most 10s")
	}
	if o.subset < 1 {
		return fmt.Errorf("-subset must be at least 1")
	}
	for _, w := range o.workloads {
		if w != "cached" && w != "executed" && w != "varied" {
			return fmt.Errorf("unknown workload %q (cached, executed, varied)", w)
		}
	}
	for _, q := range o.queries {
		if _, ok := queries[q]; !ok {
			return fmt.Errorf("unknown query %q (two-level, three-level)", q)
		}
	}
	for _, p := range o.peers {
		if p != "static" && p != "gqlgen" && p != "graphql-js" {
			return fmt.Errorf("unknown peer %q (static, gqlgen, graphql-js)", p)
		}
	}
	return nil
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
