package httpapi_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/httpapi"
	"lsgatlas/internal/eventually"
	"lsgatlas/internal/syncbuf"
)

// slowUpload opens a connection that sends the headers of a POST /graphql promising a
// 1000-byte body, and then only the first few bytes of it.
func slowUpload(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: atlas\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"query\":")
	return conn
}

// metricValue reads one series of /metrics.
func metricValue(t *testing.T, url, series string) float64 {
	t.Helper()
	_, body := send(t, "GET", url+"/metrics", "")
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` (\S+)$`).FindStringSubmatch(body)
	if m == nil {
		return 0
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

// waitMetric polls /metrics until series reaches want; eventually's guard only turns a
// broken build's hang into a failure.
func waitMetric(t *testing.T, url, series string, want float64) {
	t.Helper()
	eventually.True(t, fmt.Sprintf("%s to reach %v", series, want), func() bool { return metricValue(t, url, series) == want })
}

// TestSlowUploadsHoldNoSlot is the attack of issue 23: 64 connections (MAX_IN_FLIGHT)
// send their headers and a few bytes of body, and hold. Their bodies are read before
// they ask for a slot, so once all 64 are waiting on their bodies an ordinary query is
// still answered.
func TestSlowUploadsHoldNoSlot(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{MaxInFlight: 64, BodyTimeout: time.Hour, Log: zerolog.Nop()}))
	t.Cleanup(srv.Close) // after the uploads' connections close (cleanups run last first)
	addr := srv.Listener.Addr().String()
	for range 64 {
		slowUpload(t, addr)
	}
	waitMetric(t, srv.URL, "atlas_http_requests_reading_body", 64)
	client := &http.Client{Timeout: 10 * time.Second} // a failure guard, not a measure
	resp, err := client.Post(srv.URL+"/graphql", "application/json", strings.NewReader(`{"query": "{ group(id: \"group/foreign-affairs-lsg\") { name } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"name":"Foreign Affairs Leading Small Group"`) {
		t.Errorf("an ordinary query while 64 uploads trickle: %d %s", resp.StatusCode, body)
	}
	if got := metricValue(t, srv.URL, "atlas_http_requests_in_flight"); got != 0 {
		t.Errorf("the slow uploads hold %v work slots", got)
	}
}

// TestSlowUploadsAreCut: a body that does not arrive within the body timeout is
// answered 408 with a coded error, the connection is closed, and the cut is counted.
func TestSlowUploadsAreCut(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{BodyTimeout: 50 * time.Millisecond, Log: zerolog.Nop()}))
	defer srv.Close()
	for i := range 3 {
		conn := slowUpload(t, srv.Listener.Addr().String())
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("upload %d: %v", i, err)
		}
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusRequestTimeout || !resp.Close || !strings.Contains(string(body), `"code":"LIMIT_EXCEEDED"`) {
			t.Errorf("upload %d: %d close=%v %s", i, resp.StatusCode, resp.Close, body)
		}
	}
	if got := metricValue(t, srv.URL, "atlas_http_slow_clients_total"); got != 3 {
		t.Errorf("atlas_http_slow_clients_total = %v, want 3", got)
	}
}

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// TestCompressedBodies: gzip bodies are read (and bounded after decompression); other
// encodings get 415 with a coded error.
func TestCompressedBodies(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{Log: zerolog.Nop()}))
	defer srv.Close()
	bomb := gzipped(`{"query":"{ __typename }","variables":{"pad":"` + strings.Repeat("x", 8<<20) + `"}}`)
	for _, tc := range []struct {
		name, encoding, body string
		status               int
		want                 string
	}{
		{"gzip", "gzip", gzipped(`{"query": "{ __typename }"}`), 200, `{"data":{"__typename":"Query"},`},
		{"gzip bomb", "gzip", bomb, 413, `"code":"LIMIT_EXCEEDED"`},
		{"not gzip", "gzip", `{"query": "{ __typename }"}`, 400, `"code":"INVALID"`},
		{"brotli", "br", "xxxx", 415, `"code":"INVALID"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := send(t, "POST", srv.URL+"/graphql", tc.body, "Content-Encoding", tc.encoding)
			if resp.StatusCode != tc.status || !strings.Contains(body, tc.want) {
				t.Errorf("%d %.300s", resp.StatusCode, body)
			}
		})
	}
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d bytes compressed; it should fit the limit", len(bomb))
	}
}

// TestClientValuesInTheLogAreBounded sends megabyte values wherever a client value
// reaches the access log (operation name in a body and a query string, path, method)
// and checks that no log line is longer than a few kilobytes.
func TestClientValuesInTheLogAreBounded(t *testing.T) {
	var logs syncbuf.Buffer
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{Log: zerolog.New(&logs)}))
	defer srv.Close()
	huge := strings.Repeat("Op", 1<<19) // 1 MiB
	send(t, "POST", srv.URL+"/graphql", `{"query": "query Op { __typename }", "operationName": "`+huge[:1<<20-100]+`"}`)
	send(t, "POST", srv.URL+"/graphql", `{"query": "query `+huge[:30<<10]+` { __typename }"}`)
	send(t, "GET", srv.URL+"/graphql?query=%7B__typename%7D&operationName="+huge[:900<<10], "")
	send(t, "GET", srv.URL+"/export/"+huge[:900<<10], "")
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "%s /healthz HTTP/1.1\r\nHost: atlas\r\nConnection: close\r\n\r\n", strings.ToUpper(huge[:900<<10]))
	io.Copy(io.Discard, conn)
	conn.Close()
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) < 5 {
		t.Fatalf("expected a log line per request, got %d", len(lines))
	}
	for _, line := range lines {
		if len(line) > 2048 {
			t.Errorf("a log line of %d bytes: %.300s…", len(line), line)
		}
	}
}

// TestMethodNotAllowedIsJSON: a method an export (or any GET route) does not serve is a
// coded JSON 405 with Allow, as the GraphQL route's are.
func TestMethodNotAllowedIsJSON(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(fixture(t), httpapi.Options{Log: zerolog.Nop()}))
	defer srv.Close()
	for _, path := range []string{"/export/graph.graphml", "/export/sources.bib", "/healthz", "/metrics"} {
		for _, method := range []string{"POST", "PUT", "DELETE"} {
			resp, body := send(t, method, srv.URL+path, "")
			if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") ||
				!strings.Contains(body, `"code":"INVALID"`) {
				t.Errorf("%s %s: %d %v %s", method, path, resp.StatusCode, resp.Header, body)
			}
		}
	}
	if resp, _ := send(t, "POST", srv.URL+"/export/no-such-file", ""); resp.StatusCode != 404 {
		t.Errorf("POST to an unknown path: %d, want 404", resp.StatusCode)
	}
}

// clientFrom returns an HTTP client whose connections come from the loopback address
// ip, so the server sees it as a client of its own.
func clientFrom(ip string) *http.Client {
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	return &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext}}
}

func sendFrom(t *testing.T, c *http.Client, method, url, body string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestAdmissionIsGlobalAndFair: one bound serves /graphql and the exports together, and
// a client that fills the slots leaves a quarter of them to others.
func TestAdmissionIsGlobalAndFair(t *testing.T) {
	store := &blockingStore{Store: fixture(t), entered: make(chan struct{}, 10), release: make(chan struct{})}
	srv := httptest.NewServer(httpapi.New(store, httpapi.Options{MaxInFlight: 4, Log: zerolog.Nop()}))
	defer srv.Close()
	a, b, c := clientFrom("127.0.0.1"), clientFrom("127.0.0.2"), clientFrom("127.0.0.3")
	slow := `{"query": "{ group(id: \"group/foreign-affairs-lsg\") { chairs { id } } }"}`
	done := make(chan int, 4)
	start := func(client *http.Client) {
		go func() {
			resp, _ := sendFrom(t, client, "POST", srv.URL+"/graphql", slow)
			done <- resp.StatusCode
		}()
		<-store.entered
	}
	for range 3 {
		start(a) // a lone client takes three of the four slots
	}
	resp, body := sendFrom(t, a, "POST", srv.URL+"/graphql", `{"query": "{ __typename }"}`)
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "1" || !strings.Contains(body, "fair share") {
		t.Errorf("the greedy client's fourth request: %d %v %s", resp.StatusCode, resp.Header, body)
	}
	start(b) // the last slot is another client's
	resp, body = sendFrom(t, c, "GET", srv.URL+"/export/nodes.csv", "")
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "1" || !strings.Contains(body, `"UNAVAILABLE"`) {
		t.Errorf("an export while GraphQL requests fill every slot: %d %v %s", resp.StatusCode, resp.Header, body)
	}
	resp, body = sendFrom(t, c, "GET", srv.URL+"/readyz", "")
	if resp.StatusCode != 503 || !strings.Contains(body, `"status":"saturated"`) || !strings.Contains(body, `"inFlight":4`) {
		t.Errorf("/readyz when saturated: %d %s", resp.StatusCode, body)
	}
	close(store.release)
	for range 4 {
		if code := <-done; code != 200 {
			t.Errorf("a request in flight got %d", code)
		}
	}
	resp, body = sendFrom(t, c, "GET", srv.URL+"/readyz", "")
	if resp.StatusCode != 200 || !strings.Contains(body, `"inFlight":0`) || !strings.Contains(body, `"capacity":4`) {
		t.Errorf("/readyz after: %d %s", resp.StatusCode, body)
	}
	for reason, want := range map[string]float64{"fair_share": 1, "capacity": 1} {
		if got := metricValue(t, srv.URL, `atlas_http_requests_shed_total{reason="`+reason+`"}`); got != want {
			t.Errorf("shed for %s: %v, want %v", reason, got, want)
		}
	}
}
