package neo4j_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/httpapi"
	"lsgatlas/internal/auth"
	"lsgatlas/neo4j/neo4jtest"
)

// TestLiveReplicasDeliverEveryEvent: two service replicas on one Neo4j namespace; a
// change made through either reaches the subscribers of both, in the same order, each
// event once. The replica that commits is poked at once; the other reads the audit log
// on its poll (Neo4j Community has no change data capture to push to it).
func TestLiveReplicasDeliverEveryEvent(t *testing.T) {
	cfg := neo4jtest.Config(t)
	const secret = "replicas-test-secret-0123456789abcdef"
	verifier, err := auth.NewVerifier(context.Background(), auth.Config{Secret: []byte(secret)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var urls []string
	for i := range 2 {
		s := neo4jtest.OpenConfig(t, cfg)
		if i == 0 {
			if _, err := s.Import(ctx, conformance.Fixture()); err != nil {
				t.Fatal(err)
			}
		}
		opts := httpapi.Options{Verifier: verifier, Log: zerolog.Nop(), Context: ctx}
		opts.Feed.PollInterval = 50 * time.Millisecond
		srv := httptest.NewServer(httpapi.New(s, opts))
		t.Cleanup(srv.Close)
		urls = append(urls, srv.URL)
	}
	streams := make([]<-chan string, 2)
	for i, url := range urls {
		streams[i] = subscribe(t, ctx, url, `subscription { changes(since: 1) { cursor type record actor } }`)
	}
	token, err := auth.Mint([]byte(secret), "carol", atlas.RoleCurator, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	relations := []string{
		"reports_to/group/foreign-affairs-commission/institution/standing-committee",
		"supervises/group/deepening-reform/group/guangdong-group",
		"member_of/person/yang-jiechi/group/foreign-affairs-lsg",
	}
	var want []string
	for i, rel := range relations {
		body, _ := json.Marshal(map[string]string{"query": `mutation { editRelationship(op: RETRACT, target: "` + rel + `",
			citation: {source: "source/gamma", locator: "structure"}, reason: "replicas", expectedVersion: 1) { revision } }`})
		req, _ := http.NewRequest("POST", urls[i%2]+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		_, _ = out.ReadFrom(resp.Body)
		resp.Body.Close()
		if !strings.Contains(out.String(), `"editRelationship":{"revision"`) {
			t.Fatalf("retract through replica %d: %s", i%2, out.String())
		}
		want = append(want, `{"data":{"changes":{"cursor":"`+strconv.Itoa(i+2)+`.0","type":"RELATIONSHIP_RETRACTED","record":"`+rel+`","actor":"carol"}}}`)
	}
	for r, stream := range streams {
		for i, w := range want {
			select {
			case got, ok := <-stream:
				if !ok || got != w {
					t.Fatalf("replica %d, event %d = %q, want %q", r, i, got, w)
				}
			case <-time.After(30 * time.Second): // a failure bound only
				t.Fatalf("replica %d: no event %d within 30s", r, i)
			}
		}
	}
}

// subscribe opens an SSE subscription and returns the data of its events.
func subscribe(t *testing.T, ctx context.Context, url, query string) <-chan string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequestWithContext(ctx, "POST", url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan string, 16)
	go func() {
		defer close(out)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				out <- data
			}
		}
	}()
	return out
}
