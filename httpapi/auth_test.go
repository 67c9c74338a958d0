package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/httpapi"
	"lsgatlas/inprocess"
	"lsgatlas/internal/auth"
)

const secret = "httpapi-test-secret-0123456789abcdef"

func curationServer(t *testing.T, opts httpapi.Options) (*httptest.Server, *bytes.Buffer) {
	t.Helper()
	store := inprocess.New()
	if _, err := store.Import(context.Background(), conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	v, err := auth.NewSecretVerifier([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	logs := &bytes.Buffer{}
	opts.Verifier, opts.Log, opts.Clock = v, zerolog.New(logs), conformance.Clock
	srv := httptest.NewServer(httpapi.New(store, opts))
	t.Cleanup(srv.Close)
	return srv, logs
}

func bearer(t *testing.T, sub string, role atlas.Role) string {
	t.Helper()
	tok, err := auth.Mint([]byte(secret), sub, role, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return "Bearer " + tok
}

func postAs(t *testing.T, url, authorization, origin, query string) (int, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest("POST", url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

const reject = `mutation { rejectProposal(id: "proposal/9", reason: "r") { id } }`

// TestAuthentication: who a request acts for, and what each kind of bad or foreign
// request gets. A token is never written to the logs.
func TestAuthentication(t *testing.T) {
	srv, logs := curationServer(t, httpapi.Options{CORSOrigins: []string{"https://explorer.example"}})
	carol := bearer(t, "carol", atlas.RoleCurator)
	for _, tc := range []struct {
		name, authorization, origin, query string
		status                             int
		want                               string
	}{
		{"anonymous reads", "", "", `{ viewer { subject role } }`, 200, `{"viewer":{"subject":null,"role":"READER"}}`},
		{"a token's role", carol, "", `{ viewer { subject role } }`, 200, `{"viewer":{"subject":"carol","role":"CURATOR"}}`},
		{"a bad token", "Bearer abc.def.ghi", "", `{ viewer { role } }`, 401, `"code":"UNAUTHORIZED"`},
		{"another scheme", "Basic Y2Fyb2w6eA==", "", `{ viewer { role } }`, 401, `must be the word Bearer, a space and a token`},
		{"a reader's mutation", "", "", reject, 200, `"code":"UNAUTHORIZED"`},
		{"a curator's mutation", carol, "", reject, 200, `"code":"NOT_FOUND"`},
		{"from a permitted origin", carol, "https://explorer.example", reject, 200, `"code":"NOT_FOUND"`},
		{"from another origin", carol, "https://elsewhere.example", reject, 200, `the origin https://elsewhere.example may not change data`},
		{"another origin may read", carol, "https://elsewhere.example", `{ viewer { role } }`, 200, `"role":"CURATOR"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := postAs(t, srv.URL, tc.authorization, tc.origin, tc.query)
			if status != tc.status || !strings.Contains(body, tc.want) {
				t.Fatalf("got %d %s, want %d with %s", status, body, tc.status, tc.want)
			}
		})
	}
	if tok := strings.TrimPrefix(carol, "Bearer "); strings.Contains(logs.String(), tok[len(tok)-20:]) {
		t.Fatal("a token was logged")
	}
}

// TestWritesAreRateLimitedPerToken: past the burst, a token's mutations are refused
// with LIMIT_EXCEEDED and change nothing; another token still writes.
func TestWritesAreRateLimitedPerToken(t *testing.T) {
	srv, _ := curationServer(t, httpapi.Options{WritesPerMinute: 2})
	carol, dave := bearer(t, "carol", atlas.RoleCurator), bearer(t, "dave", atlas.RoleCurator)
	var codes []string
	for range 3 {
		_, body := postAs(t, srv.URL, carol, "", reject)
		var resp struct {
			Errors []struct{ Extensions struct{ Code string } }
		}
		_ = json.Unmarshal([]byte(body), &resp)
		codes = append(codes, resp.Errors[0].Extensions.Code)
	}
	if strings.Join(codes, " ") != "NOT_FOUND NOT_FOUND LIMIT_EXCEEDED" {
		t.Fatalf("codes = %v", codes)
	}
	if _, body := postAs(t, srv.URL, dave, "", reject); !strings.Contains(body, `"NOT_FOUND"`) {
		t.Fatalf("another token: %s", body)
	}
	if _, body := postAs(t, srv.URL, carol, "", `{ viewer { role } }`); !strings.Contains(body, `"CURATOR"`) {
		t.Fatalf("reads are not limited: %s", body)
	}
}

// TestDatasetExport: the current data in the dataset format, with the revision it was
// read at; an accepted change shows in the next one.
func TestDatasetExport(t *testing.T) {
	srv, _ := curationServer(t, httpapi.Options{})
	read := func() (atlas.Dataset, string) {
		resp, body := get(t, srv.URL+"/export/dataset.json")
		var ds atlas.Dataset
		if resp.StatusCode != 200 || json.Unmarshal(body, &ds) != nil {
			t.Fatalf("dataset: %d %s", resp.StatusCode, body)
		}
		return ds, resp.Header.Get("X-Atlas-Revision")
	}
	ds, rev := read()
	if len(ds.Nodes()) != conformance.FixtureNodeCount || len(ds.Relations) != conformance.FixtureRelationCount || rev != "1" {
		t.Fatalf("dataset: %d nodes, %d relations at revision %s", len(ds.Nodes()), len(ds.Relations), rev)
	}
	_, body := postAs(t, srv.URL, bearer(t, "carol", atlas.RoleCurator), "", `mutation { editRelationship(op: RETRACT,
		target: "reports_to/group/foreign-affairs-commission/institution/standing-committee",
		citation: {source: "source/gamma", locator: "structure"}, reason: "test", expectedVersion: 1) { revision } }`)
	if !strings.Contains(body, `"revision":2`) {
		t.Fatalf("retract: %s", body)
	}
	if ds, rev = read(); len(ds.Relations) != conformance.FixtureRelationCount-1 || rev != "2" {
		t.Fatalf("after the change: %d relations at revision %s", len(ds.Relations), rev)
	}
	if resp, _ := get(t, srv.URL+"/export/dataset.json?x=1"); resp.StatusCode != 400 {
		t.Fatalf("a parameter: %d", resp.StatusCode)
	}
}
