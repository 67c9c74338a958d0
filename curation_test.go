package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/internal/auth"
	"lsgatlas/internal/eventually"
)

const testSecret = "test-secret-0123456789abcdef-0123456789"

func token(t *testing.T, sub string, role atlas.Role) string {
	t.Helper()
	tok, err := auth.Mint([]byte(testSecret), sub, role, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// gql posts a GraphQL request with a bearer token ("" for none) and returns the body.
func gql(t *testing.T, base, tok, query string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest("POST", base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// startBinary starts the built service on a free port with env and returns its base URL.
func startBinary(t *testing.T, bin string, env ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-log-level", "info")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEO4J_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		var line struct{ Message, Addr string }
		if json.Unmarshal(lines.Bytes(), &line) == nil && line.Message == "listening" {
			go func() { _, _ = io.Copy(io.Discard, stderr) }()
			return cmd, "http://" + line.Addr
		}
	}
	t.Fatal("the service exited before listening")
	return nil, ""
}

// TestSIGKILLKeepsAcceptedChange builds the service, accepts a change through the API,
// kills the process with SIGKILL straight after, and restarts it on the same data
// folder: the change and its audit entries are there.
func TestSIGKILLKeepsAcceptedChange(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the service binary; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "lsgatlas")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	env := []string{"DATA_DIR=" + filepath.Join(dir, "data"), "TOKEN_SECRET=" + testSecret}
	cmd, base := startBinary(t, bin, env...)
	waitSeeded(t, base)

	const group = "group/three-person-military-leadership-group"
	claimID := atlas.ClaimID(group, atlas.PropAlias, "Three-Man Group")
	proposed := gql(t, base, token(t, "alice", atlas.RoleContributor), `mutation { proposeAlias(op: ADD, alias: {node: "`+group+`", name: "Three-Man Group", confidence: STATED},
		citation: {source: "source/rana-2021", locator: "test locator"}, reason: "kill test") { id status } }`)
	var p struct {
		Data struct{ ProposeAlias struct{ ID, Status string } }
	}
	if err := json.Unmarshal([]byte(proposed), &p); err != nil || p.Data.ProposeAlias.Status != "PENDING" {
		t.Fatalf("propose: %s", proposed)
	}
	accepted := gql(t, base, token(t, "carol", atlas.RoleCurator), `mutation { acceptProposal(id: "`+p.Data.ProposeAlias.ID+`", reason: "checked") { status } }`)
	if !strings.Contains(accepted, `"status":"ACCEPTED"`) {
		t.Fatalf("accept: %s", accepted)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	_, base = startBinary(t, bin, env...)
	waitSeeded(t, base)
	got := gql(t, base, "", `{ claim(id: "`+claimID+`") { claim { value } version } history(id: "`+claimID+`") { action actor } }`)
	want := `{"data":{"claim":{"claim":{"value":"Three-Man Group"},"version":2},"history":[{"action":"PROPOSED","actor":"alice"},{"action":"ACCEPTED","actor":"carol"}]}`
	if !strings.HasPrefix(got, want) {
		t.Fatalf("after SIGKILL and restart:\n got %s\nwant %s…", got, want)
	}
}

// TestEmbeddedStoreTakesAnEditedDataset: the data folder keeps the data between runs,
// yet an edited dataset file shows at the next start when the folder holds no curation
// the file lacks; once it does, the stored data (and its curation) is served instead.
func TestEmbeddedStoreTakesAnEditedDataset(t *testing.T) {
	dir := t.TempDir()
	original, err := os.ReadFile("seed/atlas.json")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "atlas.json")
	const group = "group/three-person-military-leadership-group"
	describe := func(text string) {
		t.Helper()
		var ds map[string]any
		if err := json.Unmarshal(original, &ds); err != nil {
			t.Fatal(err)
		}
		for _, g := range ds["groups"].([]any) {
			if g := g.(map[string]any); g["id"] == group && text != "" {
				g["description"] = text
			}
		}
		b, _ := json.Marshal(ds)
		if err := os.WriteFile(file, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"DATA_DIR": filepath.Join(dir, "data"), "SEED_FILE": file, "TOKEN_SECRET": testSecret}
	start := func() (string, func() error) {
		base, _, stop := startService(t, env)
		waitSeeded(t, base)
		return base, stop
	}
	description := func(base string) string {
		return gql(t, base, "", `{ group(id: "`+group+`") { description } }`)
	}
	describe("")
	base, stop := start()
	before := description(base)
	_ = stop()

	describe("Edited in the file.")
	base, stop = start()
	eventually.True(t, "the edited file to be read", func() bool { return strings.Contains(description(base), "Edited in the file.") })
	accepted := gql(t, base, token(t, "carol", atlas.RoleCurator), `mutation { editAlias(op: ADD, alias: {node: "`+group+`", name: "Curated Alias", confidence: STATED},
		citation: {source: "source/rana-2021", locator: "test"}, expectedVersion: 1) { action } }`)
	if !strings.Contains(accepted, `"EDITED"`) {
		t.Fatalf("edit: %s", accepted)
	}
	_ = stop()

	describe("")
	base, stop = start()
	defer stop()
	got := gql(t, base, "", `{ group(id: "`+group+`") { description aliases { name } } }`)
	if !strings.Contains(got, "Edited in the file.") || !strings.Contains(got, "Curated Alias") || before == got {
		t.Fatalf("after restart with a file lacking the curation: %s", got)
	}
}
