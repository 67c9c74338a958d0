package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/inprocess"
	"lsgatlas/seed"
)

// commitThenInterrupt is a store whose import commits and then, like a driver whose
// context is cancelled while the commit is acknowledged, reports the cancellation.
type commitThenInterrupt struct {
	atlas.Store
	interrupt func()
	committed atomic.Bool
}

func (s *commitThenInterrupt) Import(ctx context.Context, ds *atlas.Dataset) (atlas.ImportReport, error) {
	report, err := s.Store.Import(context.WithoutCancel(ctx), ds)
	if err != nil {
		return report, err
	}
	s.committed.Store(true)
	s.interrupt() // SIGTERM arrives now
	<-ctx.Done()
	return atlas.ImportReport{}, ctx.Err()
}

// TestSeedInterruptedAfterCommitSucceeds: `seed` interrupted after its import committed
// exits 0, and one interrupted before any change is an error.
func TestSeedInterruptedAfterCommitSucceeds(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	store := &commitThenInterrupt{Store: inprocess.New(), interrupt: cancel}
	var out strings.Builder
	err = seedNow(ctx, store, func() (*atlas.Dataset, error) { return ds, nil }, false, &out, zerolog.Nop())
	if err != nil || !store.committed.Load() || !strings.Contains(out.String(), "committed") {
		t.Errorf("interrupted after the commit: %v, %q", err, out.String())
	}
	// The same import again changes nothing, so the interruption is what it reports.
	ctx, cancel = context.WithCancel(context.Background())
	store.interrupt = cancel
	if err := seedNow(ctx, store, func() (*atlas.Dataset, error) { return ds, nil }, false, io.Discard, zerolog.Nop()); err == nil {
		t.Error("an interrupted import that changed nothing reported success")
	}
}

// TestDrainClosesIdleKeepAlivesFirst: a keep-alive connection idle through the drain is
// closed while the server still accepts connections, so its client reconnects and is
// answered, rather than finding it closed as Shutdown closes the listener too.
func TestDrainClosesIdleKeepAlivesFirst(t *testing.T) {
	base, _, stop := startService(t, map[string]string{"SHUTDOWN_TIMEOUT": "8s", "SEED": "never"})
	addr := strings.TrimPrefix(base, "http://")
	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	io.WriteString(idle, "GET /healthz HTTP/1.1\r\nHost: atlas\r\n\r\n")
	buf := make([]byte, 4096)
	if n, err := idle.Read(buf); err != nil || !strings.Contains(string(buf[:n]), "200 OK") {
		t.Fatalf("first request: %v %q", err, buf[:n])
	}
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	// The server closes the idle connection (a guard, not a measure).
	idle.SetReadDeadline(time.Now().Add(30 * time.Second))
	if n, err := idle.Read(buf); err != io.EOF {
		t.Fatalf("the idle keep-alive connection: %v %q", err, buf[:n])
	}
	// Its client reconnects and is answered, told to close.
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatalf("reconnecting after the idle connection closed: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !resp.Close {
		t.Errorf("during the drain: %d close=%v", resp.StatusCode, resp.Close)
	}
	if err := <-stopped; err != nil {
		t.Errorf("stop: %v", err)
	}
}
