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
)

// cell is one workload of one query, measured against each of its servers in turn.
type cell struct {
	workload, query string
	next            request
	servers         []*server
	results         []*result
}

func run(o options) error {
	if err := o.check(); err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "lsgatlas-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	atlasBin := o.atlasBin
	if atlasBin == "" {
		atlasBin = filepath.Join(tmp, "lsgatlas")
		build := exec.Command("go", "build", "-o", atlasBin, ".")
		build.Dir, build.Stdout, build.Stderr = root, os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building the service: %w", err)
		}
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Println("load average at start:", loadAverage())
	var running []*server
	defer func() {
		for _, s := range running {
			s.stop()
		}
	}()
	launch := func(name, ready string, env []string, dir string, argv ...string) (*server, error) {
		addr, err := freeAddr()
		if err != nil {
			return nil, err
		}
		for i, a := range argv {
			argv[i] = strings.ReplaceAll(a, "{addr}", addr)
		}
		s, err := start(name, addr, ready, env, dir, argv...)
		if err == nil {
			running = append(running, s)
		}
		return s, err
	}
	// Each service is seeded by `lsgatlas seed` before it starts (and then starts with
	// SEED=never), so that it is complete when it first answers: a service left to seed
	// itself listens while it loads.
	serviceEnv := func(cache bool, dataDir string) []string {
		// The memory the service reserves for requests in flight is an estimate from their
		// cost (up to QUERY_MAX_MEMORY_BYTES each): raised so that 64 clients of these
		// queries are admitted, since the bench measures the work, not the admission.
		env := environ([]string{"NEO4J_", "RESPONSE_CACHE_BYTES", "DATA_DIR", "SEED", "PLAYGROUND", "ADDR", "MEMORY_IN_FLIGHT_BYTES"},
			"PLAYGROUND=false", "SEED=never", "MEMORY_IN_FLIGHT_BYTES=8589934592")
		if !cache {
			env = append(env, "RESPONSE_CACHE_BYTES=0")
		}
		if dataDir == "" {
			return append(env, neo4jEnv(o.namespace)...)
		}
		return append(env, "DATA_DIR="+dataDir)
	}
	seeded := 0
	service := func(name string, cache, neo4j bool) (*server, error) {
		dataDir := ""
		if !neo4j {
			seeded++
			dataDir = filepath.Join(tmp, "data"+strconv.Itoa(seeded))
		}
		env := serviceEnv(cache, dataDir)
		seed := exec.Command(atlasBin, "-log-level", "warn", "seed")
		seed.Env, seed.Dir, seed.Stdout, seed.Stderr = env, root, io.Discard, os.Stderr
		if err := seed.Run(); err != nil {
			return nil, fmt.Errorf("seeding %s: %w", name, err)
		}
		return launch(name, "/readyz", env, root, atlasBin, "-addr", "{addr}", "-log-level", "warn")
	}
	wants := func(w string) bool { return slices.Contains(o.workloads, w) }
	atlas, err := service("atlas", true, false)
	if err != nil {
		return err
	}
	var atlasExecuted, neo4jCached, neo4jExecuted *server
	if wants("executed") {
		if atlasExecuted, err = service("atlas", false, false); err != nil {
			return err
		}
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}

	// What every server must answer: the service's own bytes.
	fixture, err := readFixture(client, atlas.url)
	if err != nil {
		return fmt.Errorf("reading the fixture from the service: %w", err)
	}
	recorded := answers{Fixed: map[string]json.RawMessage{}, Varied: map[string]composed{}}
	for _, name := range o.queries {
		body := requestBody(listQuery(queries[name]), nil)
		got, err := post(client, atlas.url, body)
		if err == nil && bytes.Contains(got, []byte(`"errors"`)) {
			err = fmt.Errorf("the service answered with errors: %.500s", got)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		recorded.Fixed[string(body)] = got
		q := variedQuery(queries[name])
		got, err = post(client, atlas.url, requestBody(q, map[string][]string{"ids": fixture.Groups}))
		if err != nil {
			return fmt.Errorf("%s over all groups by id: %w", name, err)
		}
		if recorded.Varied[q], err = splitAnswer(fixture.Groups, got); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	fixtureFile, answersFile := filepath.Join(tmp, "fixture.json"), filepath.Join(tmp, "answers.json")
	if err := writeJSON(fixtureFile, fixture); err != nil {
		return err
	}
	if err := writeJSON(answersFile, recorded); err != nil {
		return err
	}

	peers := map[string]*server{}
	for _, p := range o.peers {
		var s *server
		switch p {
		case "static":
			s, err = launch(p, "", os.Environ(), root, self, "static", "-addr", "{addr}", "-data", answersFile)
		case "gqlgen":
			s, err = launch(p, "", os.Environ(), root, self, "gqlgen", "-addr", "{addr}", "-data", fixtureFile)
		case "graphql-js":
			dir := filepath.Join(root, "tools", "bench", "graphqljs")
			if _, statErr := os.Stat(filepath.Join(dir, "node_modules", "graphql")); statErr != nil {
				return fmt.Errorf("graphql-js: its packages are not installed: run `npm ci` in %s (or leave it out with -peers static,gqlgen)", dir)
			}
			s, err = launch(p, "", os.Environ(), dir, "node", "server.mjs", "--addr", "{addr}",
				"--fixture", fixtureFile, "--schema", filepath.Join(root, "tools", "bench", "gqlgenpeer", "schema.graphqls"))
		}
		if err != nil {
			return err
		}
		peers[p] = s
	}

	if o.neo4j {
		if os.Getenv("NEO4J_URI") == "" {
			return fmt.Errorf("-neo4j needs NEO4J_URI (and NEO4J_PASSWORD)")
		}
		dbPID := o.neo4jPID
		if dbPID == 0 {
			dbPID = localNeo4jPID(os.Getenv("NEO4J_URI"))
		}
		if wants("cached") || wants("varied") {
			if neo4jCached, err = service("atlas-neo4j", true, true); err != nil {
				return err
			}
			neo4jCached.dbPID = dbPID
		}
		if wants("executed") {
			if neo4jExecuted, err = service("atlas-neo4j", false, true); err != nil {
				return err
			}
			neo4jExecuted.dbPID = dbPID
		}
	}

	var cells []*cell
	for _, w := range o.workloads {
		for _, name := range o.queries {
			c := &cell{workload: w, query: name}
			switch w {
			case "cached", "varied":
				c.servers = append(c.servers, atlas)
				if neo4jCached != nil {
					c.servers = append(c.servers, neo4jCached)
				}
			case "executed":
				c.servers = append(c.servers, atlasExecuted)
				if neo4jExecuted != nil {
					c.servers = append(c.servers, neo4jExecuted)
				}
			}
			for _, p := range o.peers {
				c.servers = append(c.servers, peers[p])
			}
			if w == "varied" {
				q := variedQuery(queries[name])
				c.next = varied(q, fixture.Groups, recorded.Varied[q], o.subset)
			} else {
				body := requestBody(listQuery(queries[name]), nil)
				c.next = fixed(body, recorded.Fixed[string(body)])
			}
			for range c.servers {
				c.results = append(c.results, &result{})
			}
			cells = append(cells, c)
		}
	}

	// Byte-identical answers before any timing.
	for _, c := range cells {
		for _, s := range c.servers {
			if err := verify(client, s, c.next, 10); err != nil {
				return fmt.Errorf("%s %s against %s: %w", c.workload, c.query, s.name, err)
			}
		}
	}
	fmt.Printf("all %d servers answer the same bytes as the service for every workload\n", len(running))

	for round := range o.rounds {
		for _, c := range cells {
			// Each round starts with another server, so none is always first after a switch.
			for k := range c.servers {
				i := (k + round) % len(c.servers)
				seed := uint64(time.Now().UnixNano())
				if err := c.results[i].trial(client, c.servers[i], c.next, o.clients, o.trial, seed); err != nil {
					return fmt.Errorf("%s %s against %s: %w", c.workload, c.query, c.servers[i].name, err)
				}
			}
		}
	}
	fmt.Println("load average at end:", loadAverage())
	report(os.Stdout, o, cells)
	return nil
}

// verify sends a few requests and compares every answer with the expected bytes.
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
