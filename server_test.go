package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	stdlog "log"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/internal/eventually"
	"lsgatlas/internal/syncbuf"
)

// startService runs the whole service, as `go run .` does, on a free loopback port.
func startService(t *testing.T, env map[string]string, args ...string) (base string, logs *syncbuf.Buffer, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	errc := make(chan error, 1)
	logs = &syncbuf.Buffer{}
	getenv := func(k string) string { return env[k] }
	go func() {
		errc <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), getenv, io.Discard, logs, func(a string) { addrc <- a })
	}()
	select {
	case a := <-addrc:
		base = "http://" + a
	case err := <-errc:
		t.Fatalf("service did not start: %v", err)
	case <-time.After(eventually.Guard):
		t.Fatal("service did not start in time")
	}
	stopped := false
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-errc:
			return err
		case <-time.After(eventually.Guard):
			t.Fatal("service did not stop")
			return nil
		}
	}
	t.Cleanup(func() { _ = stop() })
	return base, logs, stop
}

// waitSeeded waits for the service to be ready, which it is once its start-up import
// has ended, and checks the dataset is there.
func waitSeeded(t *testing.T, base string) {
	t.Helper()
	eventually.True(t, "the service to be ready", func() bool {
		resp, err := http.Get(base + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	if body := postQuery(t, base, `{ groups(first: 0) { totalCount } }`, ""); !strings.Contains(body, `"totalCount":`) || strings.Contains(body, `"totalCount":0`) {
		t.Fatalf("ready without the dataset: %s", body)
	}
}

func postQuery(t *testing.T, base, query, operation string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "operationName": operation})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestServiceEndToEnd(t *testing.T) {
	base, logs, stop := startService(t, nil, "-log-level", "info")
	waitSeeded(t, base)

	for _, tc := range []struct {
		path, want string
		status     int
	}{
		{"/healthz", `"ok"`, 200},
		{"/readyz", `"ready"`, 200},
		{"/", "<html", 200},
		{"/nowhere", "", 404},
	} {
		resp, err := http.Get(base + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.want) {
			t.Errorf("GET %s: %d %q", tc.path, resp.StatusCode, b)
		}
		if resp.Header.Get("X-Request-Id") == "" {
			t.Errorf("GET %s: no X-Request-Id", tc.path)
		}
	}

	got := postQuery(t, base, `query WhoChairsFAC { group(id: "group/central-foreign-affairs-commission") { name chairs(derived: EXCLUDE) { node { id } } } }`, "WhoChairsFAC")
	if !strings.Contains(got, `"name":"Central Foreign Affairs Commission"`) || !strings.Contains(got, `"id":"person/xi-jinping"`) {
		t.Errorf("query: %s", got)
	}
	bad := postQuery(t, base, `{ group(id: "group/central-foreign-affairs-commission") { chairs(asOf: "2018-13") { id } } }`, "")
	if !strings.Contains(bad, `"code":"INVALID"`) {
		t.Errorf("bad date: %s", bad)
	}

	if err := stop(); err != nil {
		t.Fatalf("graceful shutdown: %v", err)
	}
	// One structured line per request, with the operation name and error count.
	var sawOperation, sawError bool
	for _, line := range strings.Split(logs.String(), "\n") {
		var entry map[string]any
		if json.Unmarshal([]byte(line), &entry) != nil || entry["message"] != "request" {
			continue
		}
		if entry["request_id"] == "" || entry["duration"] == nil || entry["status"] == nil {
			t.Errorf("access log line lacks fields: %s", line)
		}
		if ops, _ := entry["operations"].([]any); len(ops) == 1 && ops[0] == "WhoChairsFAC" {
			sawOperation = true
		}
		if n, _ := entry["graphql_errors"].(float64); n == 1 {
			sawError = true
		}
	}
	if !sawOperation || !sawError {
		t.Errorf("access log lacks the operation name or error count:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), `"message":"stopped"`) {
		t.Error("no clean stop in the log")
	}
}

func TestPlaygroundCanBeTurnedOff(t *testing.T) {
	base, _, _ := startService(t, map[string]string{"PLAYGROUND": "false"}, "-seed", "never")
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("playground off: GET / = %d", resp.StatusCode)
	}
	if got := postQuery(t, base, `{ groups(first: 0) { totalCount } }`, ""); !strings.Contains(got, `"totalCount":0`) {
		t.Errorf("seed never: %s", got)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"-seed", "sometimes"}, nil, "seed mode must be empty, always or never"},
		{[]string{"-log-level", "loud"}, nil, "log level must be"},
		{[]string{"-log-format", "xml"}, nil, "log format must be"},
		{nil, map[string]string{"PLAYGROUND": "maybe"}, "PLAYGROUND must be true or false"},
		{nil, map[string]string{"SHUTDOWN_TIMEOUT": "soon"}, "SHUTDOWN_TIMEOUT"},
		{nil, map[string]string{"REQUEST_TIMEOUT": "-1s"}, "request and body timeouts must be positive"},
		{nil, map[string]string{"BODY_TIMEOUT": "0s"}, "request and body timeouts must be positive"},
		{[]string{"launch"}, nil, "unknown command"},
		{[]string{"-seed-file", "/no/such/file", "validate"}, nil, "/no/such/file"},
		// The service itself refuses to start on a missing or corrupt seed file.
		{[]string{"-seed-file", "/no/such/file"}, nil, "the dataset cannot be loaded, so the service does not start: seed: open /no/such/file"},
		{nil, map[string]string{"SEED_FILE": "testdata/corrupt-seed.json"}, "the dataset cannot be loaded, so the service does not start: INVALID: dataset: unexpected EOF"},
		{nil, map[string]string{"QUERY_MAX_COST": "lots"}, "QUERY_MAX_COST must be a positive integer"},
		{nil, map[string]string{"MAX_IN_FLIGHT": "0"}, "MAX_IN_FLIGHT must be a positive integer"},
		{[]string{"-max-depth", "0"}, nil, "-max-depth must be positive"},
		{nil, map[string]string{"RESPONSE_CACHE_BYTES": "-1"}, "RESPONSE_CACHE_BYTES must be 0 or a positive integer"},
		{[]string{"-response-cache-bytes", "-5"}, nil, "-response-cache-bytes must not be negative"},
		{[]string{"-seed", "never"}, map[string]string{"PERSISTED_QUERIES": "/no/such/queries.json"}, "persisted queries"},
	} {
		err := run(context.Background(), tc.args, func(k string) string { return tc.env[k] }, io.Discard, io.Discard, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%v, %v) = %v, want error containing %q", tc.args, tc.env, err, tc.want)
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"validate"}, func(string) string { return "" }, &out, io.Discard, nil); err != nil || !strings.Contains(out.String(), "dataset ok") {
		t.Errorf("validate: %v %q", err, out.String())
	}
	// 0 turns the response cache off; it is not an error.
	out.Reset()
	noCache := func(k string) string { return map[string]string{"RESPONSE_CACHE_BYTES": "0"}[k] }
	if err := run(context.Background(), []string{"validate"}, noCache, &out, io.Discard, nil); err != nil {
		t.Errorf("RESPONSE_CACHE_BYTES=0: %v", err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"seed"}, func(string) string { return "" }, &out, io.Discard, nil); err != nil || !strings.Contains(out.String(), "created, 0 updated, 0 unchanged") {
		t.Errorf("seed: %v %q", err, out.String())
	}
}

// TestUnreachableNeo4j: with NEO4J_URI set and nothing listening, the service still
// starts, says it is not ready, and answers queries with a coded UNAVAILABLE error
// rather than hanging or crashing.
func TestUnreachableNeo4j(t *testing.T) {
	base, logs, stop := startService(t, map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "secret"})
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(b), `"code":"UNAVAILABLE"`) {
		t.Errorf("/readyz = %d %s", resp.StatusCode, b)
	}
	start := time.Now()
	got := postQuery(t, base, `{ group(id: "group/central-foreign-affairs-commission") { name } }`, "")
	if !strings.Contains(got, `"code":"UNAVAILABLE"`) {
		t.Errorf("query against unreachable Neo4j: %s", got)
	}
	t.Logf("measured: UNAVAILABLE answered in %v", time.Since(start).Round(time.Millisecond))
	if err := stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if !strings.Contains(logs.String(), `"backend":"neo4j"`) || strings.Contains(logs.String(), "secret") {
		t.Errorf("logs should name the backend and never the password:\n%s", logs.String())
	}
}

// TestNotReadyWhileSeeding: while the start-up import runs, /readyz says 503 with a
// coded reason, and once it has ended the service is ready with the data loaded.
func TestNotReadyWhileSeeding(t *testing.T) {
	held, release := make(chan struct{}), make(chan struct{})
	beforeStartupImport = func() { close(held); <-release }
	t.Cleanup(func() { beforeStartupImport = func() {} })
	base, _, _ := startService(t, map[string]string{"SEED": "always", "DATA_DIR": "memory"})
	<-held
	readyz := func() (int, string) {
		resp, err := http.Get(base + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct{ Code, Status, Message string }
		_ = json.NewDecoder(resp.Body).Decode(&body)
		return resp.StatusCode, body.Code + " " + body.Status + " " + body.Message
	}
	if status, body := readyz(); status != http.StatusServiceUnavailable || body != "UNAVAILABLE  The dataset is still loading." {
		t.Fatalf("while seeding: %d %q", status, body)
	}
	close(release)
	eventually.True(t, "ready after the import", func() bool { status, _ := readyz(); return status == http.StatusOK })
	if got := postQuery(t, base, `{ groups(first: 0) { totalCount } }`, ""); strings.Contains(got, `"totalCount":0`) || !strings.Contains(got, `"totalCount":`) {
		t.Errorf("ready, but %s", got)
	}
}

// A line a library prints through the standard library's logger becomes one of the
// service's log lines, a warning, rather than plain text among the JSON lines.
func TestStandardLoggerLinesAreWarnings(t *testing.T) {
	var buf bytes.Buffer
	w := warnings{zerolog.New(&buf).With().Str("from", "go log").Logger()}
	l := stdlog.New(w, "", 0)
	l.Printf("unable to upgrade %T to websocket %s: ", t, "bad handshake")
	want := `{"level":"warn","from":"go log","message":"unable to upgrade *testing.T to websocket bad handshake: "}` + "\n"
	if buf.String() != want {
		t.Errorf("got %q\nwant %q", buf.String(), want)
	}
}
