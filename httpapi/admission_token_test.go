package httpapi_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/httpapi"
	"lsgatlas/internal/auth"
)

// sendWith sends a request from client c with an Authorization header ("" for none).
func sendWith(t *testing.T, c *http.Client, url, body, authorization string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestFairShareIsPerToken: clients behind one address (a NAT, a proxy) that send
// different bearer tokens each get their own fair share; a bad token is refused 401
// before admission, so it takes no slot even when the server is saturated.
func TestFairShareIsPerToken(t *testing.T) {
	store := &blockingStore{Store: fixture(t), entered: make(chan struct{}, 10), release: make(chan struct{})}
	v, err := auth.NewSecretVerifier([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.New(store, httpapi.Options{MaxInFlight: 4, Verifier: v, Log: zerolog.Nop()}))
	defer srv.Close()
	one := clientFrom("127.0.0.1") // every request below comes from this address
	alice, bob := bearer(t, "alice", atlas.RoleReader), bearer(t, "bob", atlas.RoleReader)
	slow := `{"query": "{ group(id: \"group/foreign-affairs-lsg\") { chairs { id } } }"}`
	quick := `{"query": "{ __typename }"}`
	done := make(chan int, 4)
	start := func(authorization string) {
		go func() {
			resp, _ := sendWith(t, one, srv.URL+"/graphql", slow, authorization)
			done <- resp.StatusCode
		}()
		<-store.entered
	}
	for range 3 {
		start(alice) // alice alone takes three of the four slots
	}
	for _, tc := range []struct {
		name, authorization string
		status              int
		want                string
	}{
		{"alice past her share", alice, 503, "fair share"},
		{"the address without a token is not alice", "", 200, `"__typename":"Query"`},
		{"a bad token: 401, no slot taken", "Bearer not-a-token", 401, `"UNAUTHORIZED"`},
	} {
		resp, body := sendWith(t, one, srv.URL+"/graphql", quick, tc.authorization)
		if resp.StatusCode != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %s, want %d with %s", tc.name, resp.StatusCode, body, tc.status, tc.want)
		}
	}
	// From the same address, bob still gets the last slot: his own share.
	go func() {
		resp, _ := sendWith(t, one, srv.URL+"/graphql", slow, bob)
		done <- resp.StatusCode
	}()
	select {
	case <-store.entered:
	case code := <-done:
		close(store.release) // let alice's requests end, so the server can close
		t.Fatalf("bob, from alice's address with his own token, got %d, want the last slot", code)
	}
	resp, body := sendWith(t, one, srv.URL+"/graphql", quick, "Bearer not-a-token")
	if resp.StatusCode != 401 || !strings.Contains(body, `"UNAUTHORIZED"`) {
		t.Errorf("a bad token while every slot is taken: %d %s, want 401 (verified before admission)", resp.StatusCode, body)
	}
	resp, body = sendWith(t, one, srv.URL+"/graphql", quick, bob)
	if resp.StatusCode != 503 || !strings.Contains(body, "busy") {
		t.Errorf("bob when every slot is taken: %d %s, want 503 busy", resp.StatusCode, body)
	}
	close(store.release)
	for range 4 {
		if code := <-done; code != 200 {
			t.Errorf("a request in flight got %d", code)
		}
	}
	for reason, want := range map[string]float64{"fair_share": 1, "capacity": 1} {
		if got := metricValue(t, srv.URL, `atlas_http_requests_shed_total{reason="`+reason+`"}`); got != want {
			t.Errorf("shed for %s: %v, want %v", reason, got, want)
		}
	}
}
