package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/internal/eventually"
)

// TestShutdownUnderLoadLosesNothing runs clients on keep-alive connections while the
// service shuts down: every request either gets a whole response or is refused before
// it was sent (connection refused); none is cut off.
func TestShutdownUnderLoadLosesNothing(t *testing.T) {
	base, _, stop := startService(t, map[string]string{"SHUTDOWN_TIMEOUT": "2s"}, "-seed", "never")
	var ok, refused, lost atomic.Int32
	var lostErrs sync.Map
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
			// Each client asks until it is refused: once the listener is closed nothing
			// more can be answered, so the refusal is its cue to stop (no timer needed).
			for {
				reused := false
				trace := &httptrace.ClientTrace{GotConn: func(i httptrace.GotConnInfo) { reused = i.Reused }}
				req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace),
					"POST", base+"/graphql", strings.NewReader(`{"query": "{ __typename }"}`))
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				switch {
				case err == nil:
					b, rerr := io.ReadAll(resp.Body)
					resp.Body.Close()
					if rerr == nil && strings.Contains(string(b), `"Query"`) {
						ok.Add(1)
					} else {
						lost.Add(1)
						lostErrs.Store(string(b)+" "+errString(rerr), true)
					}
				case errors.Is(err, syscall.ECONNREFUSED) || !reused:
					// Refused, or a new connection reset by the closing listener
					// before the server read anything: the client knows nothing ran.
					refused.Add(1)
					return
				default:
					lost.Add(1)
					lostErrs.Store(err.Error(), true)
				}
			}
		}()
	}
	eventually.True(t, "every client to be answered a few times", func() bool { return ok.Load() >= 24 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	t.Logf("answered %d, refused before sending %d, lost %d", ok.Load(), refused.Load(), lost.Load())
	if lost.Load() != 0 || ok.Load() == 0 {
		lostErrs.Range(func(k, _ any) bool { t.Errorf("lost: %v", k); return true })
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestDrainAnswersRequestsLongerThanTheTimeout: a request still running when the
// shutdown timeout is nearly over is cancelled with the shutting-down cause and still
// gets its answer before the server stops.
func TestDrainAnswersRequestsLongerThanTheTimeout(t *testing.T) {
	base, cancelBase := context.WithCancelCause(context.Background())
	var draining atomic.Bool
	var active atomic.Int64
	arrived := make(chan struct{})
	srv := &http.Server{
		BaseContext: func(net.Listener) context.Context { return base },
		Handler: countActive(&active, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			close(arrived)
			<-r.Context().Done() // a request that would run forever
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, atlas.ErrorMessage(context.Cause(r.Context())))
		})),
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	answer := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String())
		if err != nil {
			answer <- err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		answer <- resp.Status + " " + string(b)
	}()
	<-arrived
	start := time.Now()
	if err := drain(srv, &draining, &active, time.Second, cancelBase); err != nil {
		t.Errorf("drain: %v", err) // a drain past its timeout says context.DeadlineExceeded
	}
	t.Logf("measured: drained in %v (timeout 1s)", time.Since(start).Round(time.Millisecond))
	if got := <-answer; got != "503 Service Unavailable The server is shutting down; retry the request." {
		t.Errorf("the long request got %q", got)
	}
}
