package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/procfs"

	"lsgatlas/tools/bench/gqlgenpeer"
)

// cell is one workload of one query, measured against each of its servers in turn.
type cell struct {
	workload, query string
	next            request
	servers         []*server
	results         []*result
}

// bench holds one run: its options, where things are, and the servers it started.
type bench struct {
	o                    options
	root, tmp            string // the module's folder, and the run's own temporary one
	atlasBin, self       string // the service's binary and this one (which holds two peers)
	client               *http.Client
	running              []*server
	seeded               int
	fixture              gqlgenpeer.Fixture
	recorded             answers
	fixtureFile, answers string
}

func run(o options) error {
	if err := o.check(); err != nil {
		return err
	}
	b := &bench{o: o, atlasBin: o.atlasBin,
		client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}}
	var err error
	if b.root, err = moduleRoot(); err != nil {
		return err
	}
	if b.tmp, err = os.MkdirTemp("", "lsgatlas-bench-"); err != nil {
		return err
	}
	defer os.RemoveAll(b.tmp)
	defer b.stopAll()
	if b.atlasBin == "" {
		b.atlasBin = filepath.Join(b.tmp, "lsgatlas")
		build := exec.Command("go", "build", "-o", b.atlasBin, ".")
		build.Dir, build.Stdout, build.Stderr = b.root, os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building the service: %w", err)
		}
	}
	if b.self, err = os.Executable(); err != nil {
		return err
	}
	fmt.Println("load average at start:", loadAverage())

	// The service by workload: its default configuration for cached and varied, no answer
	// cache for executed; the same on Neo4j with -neo4j.
	embedded, onNeo4j := map[string]*server{}, map[string]*server{}
	if embedded["cached"], err = b.service("atlas", true, false); err != nil {
		return err
	}
	embedded["varied"] = embedded["cached"]
	if slices.Contains(o.workloads, "executed") {
		if embedded["executed"], err = b.service("atlas", false, false); err != nil {
			return err
		}
	}
	if err := b.record(embedded["cached"]); err != nil {
		return err
	}
	peers, err := b.startPeers()
	if err != nil {
		return err
	}
	if o.neo4j {
		if onNeo4j, err = b.startOnNeo4j(); err != nil {
			return err
		}
	}

	var cells []*cell
	for _, w := range o.workloads {
		for _, name := range o.queries {
			c := &cell{workload: w, query: name, next: b.request(w, name)}
			for _, s := range []*server{embedded[w], onNeo4j[w]} {
				if s != nil {
					c.servers = append(c.servers, s)
				}
			}
			for _, p := range o.peers {
				c.servers = append(c.servers, peers[p])
			}
			for range c.servers {
				c.results = append(c.results, &result{})
			}
			cells = append(cells, c)
		}
	}
	for _, c := range cells {
		for _, s := range c.servers {
			if err := verify(b.client, s, c.next, 10); err != nil {
				return fmt.Errorf("%s %s against %s: %w", c.workload, c.query, s.name, err)
			}
		}
	}
	fmt.Printf("all %d servers answer the same bytes as the service for every workload\n", len(b.running))
	for round := range o.rounds {
		for _, c := range cells {
			// Each round starts with another server, so none is always first after a switch.
			for k := range c.servers {
				i := (k + round) % len(c.servers)
				seed := uint64(time.Now().UnixNano())
				if err := c.results[i].trial(b.client, c.servers[i], c.next, o.clients, o.trial, seed); err != nil {
					return fmt.Errorf("%s %s against %s: %w", c.workload, c.query, c.servers[i].name, err)
				}
			}
		}
	}
	fmt.Println("load average at end:", loadAverage())
	report(os.Stdout, o, cells)
	return nil
}

// launch starts a server on a free loopback port ({addr} in argv).
func (b *bench) launch(name, ready string, env []string, dir string, argv ...string) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	for i, a := range argv {
		argv[i] = strings.ReplaceAll(a, "{addr}", addr)
	}
	s, err := start(name, addr, ready, env, dir, argv...)
	if err == nil {
		b.running = append(b.running, s)
	}
	return s, err
}

func (b *bench) stopAll() {
	for _, s := range b.running {
		s.stop()
	}
}

// service starts the service, seeded by `lsgatlas seed` before it starts (and started
// with SEED=never), so that it is complete when it first answers: a service left to seed
// itself listens while it loads. The embedded store gets a data folder of its own.
func (b *bench) service(name string, cache, neo4j bool) (*server, error) {
	// The memory the service reserves for requests in flight is an estimate from their
	// cost (up to QUERY_MAX_MEMORY_BYTES each): raised so that 64 clients of these
	// queries are admitted, since the bench measures the work, not the admission.
	env := environ([]string{"NEO4J_", "RESPONSE_CACHE_BYTES", "CHAIR_MEMO_EDGES", "LEVEL_MEMO_RELATIONS", "DATA_DIR", "SEED", "PLAYGROUND", "ADDR", "MEMORY_IN_FLIGHT_BYTES"},
		"PLAYGROUND=false", "SEED=never", "MEMORY_IN_FLIGHT_BYTES=8589934592")
	if !cache {
		// Executed: nothing kept across requests, the memos of chairs lists and of
		// levels included.
		env = append(env, "RESPONSE_CACHE_BYTES=0", "CHAIR_MEMO_EDGES=0", "LEVEL_MEMO_RELATIONS=0")
	}
	if neo4j {
		env = append(env, neo4jEnv(b.o.namespace)...)
	} else {
		b.seeded++
		env = append(env, "DATA_DIR="+filepath.Join(b.tmp, "data"+strconv.Itoa(b.seeded)))
	}
	seed := exec.Command(b.atlasBin, "-log-level", "warn", "seed")
	seed.Env, seed.Dir, seed.Stdout, seed.Stderr = env, b.root, io.Discard, os.Stderr
	if err := seed.Run(); err != nil {
		return nil, fmt.Errorf("seeding %s: %w", name, err)
	}
	return b.launch(name, "/readyz", env, b.root, b.atlasBin, "-addr", "{addr}", "-log-level", "warn")
}

// record reads what every server must answer, the service's own bytes, and the fixture
// the peers answer from, and writes both where the peers read them.
func (b *bench) record(atlas *server) error {
	var err error
	if b.fixture, err = readFixture(b.client, atlas.url); err != nil {
		return fmt.Errorf("reading the fixture from the service: %w", err)
	}
	b.recorded = answers{Fixed: map[string]json.RawMessage{}, Varied: map[string]composed{}}
	for _, name := range b.o.queries {
		body := requestBody(listQuery(queries[name]), nil)
		got, err := post(b.client, atlas.url, body)
		if err == nil && bytes.Contains(got, []byte(`"errors"`)) {
			err = fmt.Errorf("the service answered with errors: %.500s", got)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		b.recorded.Fixed[string(body)] = got
		q := variedQuery(queries[name])
		got, err = post(b.client, atlas.url, requestBody(q, map[string][]string{"ids": b.fixture.Groups}))
		if err != nil {
			return fmt.Errorf("%s over all groups by id: %w", name, err)
		}
		if b.recorded.Varied[q], err = splitAnswer(b.fixture.Groups, got); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	b.fixtureFile, b.answers = filepath.Join(b.tmp, "fixture.json"), filepath.Join(b.tmp, "answers.json")
	if err := writeJSON(b.fixtureFile, b.fixture); err != nil {
		return err
	}
	return writeJSON(b.answers, b.recorded)
}

// request is a workload's requests for a query.
func (b *bench) request(workload, query string) request {
	if workload == "varied" {
		q := variedQuery(queries[query])
		return varied(q, b.fixture.Groups, b.recorded.Varied[q], b.o.subset)
	}
	body := requestBody(listQuery(queries[query]), nil)
	return fixed(body, b.recorded.Fixed[string(body)])
}

func (b *bench) startPeers() (map[string]*server, error) {
	peers := map[string]*server{}
	for _, p := range b.o.peers {
		var s *server
		var err error
		switch p {
		case "static":
			s, err = b.launch(p, "", os.Environ(), b.root, b.self, "static", "-addr", "{addr}", "-data", b.answers)
		case "gqlgen":
			s, err = b.launch(p, "", os.Environ(), b.root, b.self, "gqlgen", "-addr", "{addr}", "-data", b.fixtureFile)
		case "graphql-js":
			dir := filepath.Join(b.root, "tools", "bench", "graphqljs")
			if _, statErr := os.Stat(filepath.Join(dir, "node_modules", "graphql")); statErr != nil {
				return nil, fmt.Errorf("graphql-js: its packages are not installed: run `npm ci` in %s (or leave it out with -peers static,gqlgen)", dir)
			}
			s, err = b.launch(p, "", os.Environ(), dir, "node", "server.mjs", "--addr", "{addr}",
				"--fixture", b.fixtureFile, "--schema", filepath.Join(b.root, "tools", "bench", "gqlgenpeer", "schema.graphqls"))
		}
		if err != nil {
			return nil, err
		}
		peers[p] = s
	}
	return peers, nil
}

// startOnNeo4j starts the service on Neo4j by workload, as run does on the embedded store.
func (b *bench) startOnNeo4j() (map[string]*server, error) {
	if os.Getenv("NEO4J_URI") == "" {
		return nil, fmt.Errorf("-neo4j needs NEO4J_URI (and NEO4J_PASSWORD)")
	}
	dbPID := b.o.neo4jPID
	if dbPID == 0 {
		dbPID = localNeo4jPID(os.Getenv("NEO4J_URI"))
	}
	byWorkload := map[string]*server{}
	var cached, executed *server // one process each, shared by the workloads that use it
	for _, w := range b.o.workloads {
		s := &cached
		if w == "executed" {
			s = &executed
		}
		if *s == nil {
			started, err := b.service("atlas-neo4j", w != "executed", true)
			if err != nil {
				return nil, err
			}
			started.dbPID = dbPID
			*s = started
		}
		byWorkload[w] = *s
	}
	return byWorkload, nil
}
func verify(client *http.Client, s *server, next request, n int) error {
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		body, want := next(rng)
		got, err := post(client, s.url, body)
		for retry := 0; retry < 5 && refused(got, err); retry++ {
			time.Sleep(time.Second) // a database busy with others' tests, say
			got, err = post(client, s.url, body)
		}
		if err != nil {
			return err
		}
		if !bytes.Equal(got, want) {
			return fmt.Errorf("answer %s", firstDifference(got, want))
		}
	}
	return nil
}

func neo4jEnv(namespace string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "NEO4J_") && !strings.HasPrefix(kv, "NEO4J_NAMESPACE=") {
			env = append(env, kv)
		}
	}
	return append(env, "NEO4J_NAMESPACE="+namespace)
}

// localNeo4jPID is the process listening on the Neo4j URI's port when the URI names this
// machine, else 0 (its CPU is then not shown).
func localNeo4jPID(uri string) int {
	u, err := url.Parse(uri)
	if err != nil || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost" && u.Hostname() != "::1") {
		return 0
	}
	port := 7687
	if p, err := strconv.Atoi(u.Port()); err == nil {
		port = p
	}
	fs, err := procfs.NewFS("/proc")
	if err != nil {
		return 0
	}
	pid, _ := listenerPID(fs, port)
	return pid
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	mod := strings.TrimSpace(string(out))
	if err != nil || mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("run bench inside the LSG Atlas module (go env GOMOD: %q, %v)", mod, err)
	}
	return filepath.Dir(mod), nil
}

func writeJSON(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o600)
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}
