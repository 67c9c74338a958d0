package httpapi_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/httpapi"
	"lsgatlas/internal/gcdefault"
)

// series is one activeGroupsByYear over 200 years with every count, about 18,000
// resolved fields.
func series(i int) string {
	return fmt.Sprintf(`a%d: activeGroupsByYear(fromYear: 1800, toYear: 1999) { years { year groups { known possible `+
		`bySystem { key known possible } byCategory { key known possible } byKind { key known possible } byLevel { key known possible } } } }`, i)
}

// heavyQueries are the heaviest queries the limits admit, one of each shape: aliased
// series (the attack of issue 23, in its 13 KB form and with every count), a three-level
// query over every group, introspection, centrality and the whole network.
var heavyQueries = map[string]string{
	"100 aliased series (issue 23)": many(100, func(i int) string {
		return fmt.Sprintf("a%d: activeGroupsByYear(fromYear: 1800, toYear: 1999) { years { groups { bySystem { key known } } } }", i)
	}),
	"35 series with every count": many(35, series),
	// The most series the memory budget lets run to the end (47 and 9 are refused before
	// they start, 41 to 46 and 8 are stopped when they reach it).
	"40 aliased series": many(40, func(i int) string {
		return fmt.Sprintf("a%d: activeGroupsByYear(fromYear: 1800, toYear: 1999) { years { groups { bySystem { key known } } } }", i)
	}),
	"7 series with every count":     many(7, series),
	"three levels over every group": `{ groups(first: 100) { nodes { relationships { to { id ... on Group { relationships { to { id ... on Person { name } } } } } } } } }`,
	"40 __schema aliases":           many(40, func(i int) string { return fmt.Sprintf("s%d: __schema { types { name fields { name } } }", i) }),
	"20 betweenness centralities": many(20, func(i int) string {
		return fmt.Sprintf("c%d: centrality(metric: BETWEENNESS, first: 100) { node { id label } value }", i)
	}),
	"the whole network, 10 times": many(10, func(i int) string {
		return fmt.Sprintf("n%d: network { nodes { id label } relationships { id type from { id } to { id } } }", i)
	}),
}

// peakMemory samples the memory the Go runtime holds from the system (heap, stacks,
// metadata; about the resident size) until stop is closed, and returns the peak.
func peakMemory(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
		var peak uint64
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64()-sample[1].Value.Uint64())
			select {
			case <-stop:
				out <- peak
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return out
}

// TestHeavyQueriesTogetherStayBounded sends 8 copies at once of each of the heaviest
// admitted queries, with the collector set as the service sets it: the memory the
// process holds stays under 1 GB, and each request is answered or refused with a coded
// error (503 with Retry-After when the memory in flight is spent).
func TestHeavyQueriesTogetherStayBounded(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	gcdefault.Apply(func(string) string { return "" })
	srv := httptest.NewServer(httpapi.New(seededStore(t), httpapi.Options{ResponseCacheBytes: 0, Log: zerolog.Nop()}))
	defer srv.Close()
	client := &http.Client{Timeout: time.Minute} // a failure guard, not a measure
	for name, query := range heavyQueries {
		t.Run(name, func(t *testing.T) {
			runtime.GC()
			stop := make(chan struct{})
			peak := peakMemory(stop)
			var wg sync.WaitGroup
			outcomes := make(chan string, 8)
			for range 8 {
				wg.Go(func() {
					body, _ := json.Marshal(map[string]string{"query": query})
					resp, err := client.Post(srv.URL+"/graphql", "application/json", strings.NewReader(string(body)))
					if err != nil {
						t.Error(err)
						return
					}
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					outcomes <- outcome(t, resp, b)
				})
			}
			wg.Wait()
			close(stop)
			close(outcomes)
			counts := map[string]int{}
			for o := range outcomes {
				counts[o]++
			}
			p := <-peak
			t.Logf("%d bytes: %v; peak memory %d MB", len(query), counts, p>>20)
			if p >= 1<<30 {
				t.Errorf("memory peaked at %d MB", p>>20)
			}
		})
	}
}

// outcome classifies a response as answered, refused (with its code) or wrong.
func outcome(t *testing.T, resp *http.Response, body []byte) string {
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Extensions struct {
				Code  string `json:"code"`
				Limit string `json:"limit"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		t.Errorf("%d: not JSON: %.200s", resp.StatusCode, body)
		return "broken"
	}
	switch {
	case resp.StatusCode == 200 && len(r.Errors) == 0 && len(r.Data) > 4:
		return "answered"
	case resp.StatusCode == 503 && len(r.Errors) == 1 && r.Errors[0].Extensions.Code == "UNAVAILABLE" && resp.Header.Get("Retry-After") != "":
		return "busy (503)"
	case len(r.Errors) == 1 && r.Errors[0].Extensions.Code == "LIMIT_EXCEEDED":
		return "refused: " + r.Errors[0].Extensions.Limit
	}
	t.Errorf("neither answered nor refused: %d %.300s", resp.StatusCode, body)
	return "broken"
}
