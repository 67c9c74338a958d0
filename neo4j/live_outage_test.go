package neo4j_test

import (
	"context"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/internal/eventually"
	"lsgatlas/internal/syncbuf"
	"lsgatlas/neo4j"
	"lsgatlas/neo4j/neo4jtest"
)

// proxy forwards TCP connections from a loopback address to target; down closes the
// listener and every open connection (the database vanishes from the network), up listens
// again on the same address.
type proxy struct {
	addr, target string
	mu           sync.Mutex
	ln           net.Listener
	conns        []net.Conn
}

func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{addr: ln.Addr().String(), target: target}
	p.serve(ln)
	t.Cleanup(p.down)
	return p
}

func (p *proxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
}

func (p *proxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) up(t *testing.T) {
	t.Helper()
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		t.Fatal(err)
	}
	p.serve(ln)
}

// TestLiveOutage: the real server disappears from the network while the store serves.
// Calls fail fast with UNAVAILABLE, Ping says so, and when the server is reachable again
// the store reconnects by itself, re-applies the migrations and serves the same data.
func TestLiveOutage(t *testing.T) {
	cfg := neo4jtest.Config(t)
	u, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatal(err)
	}
	p := startProxy(t, u.Host)
	viaProxy := cfg
	viaProxy.URI = u.Scheme + "://" + p.addr
	viaProxy.MinBackoff, viaProxy.MaxBackoff = 50*time.Millisecond, 200*time.Millisecond
	viaProxy.ConnectTimeout, viaProxy.MaxRetryTime = time.Second, time.Second
	logs := &syncbuf.Buffer{}
	s, err := neo4j.Open(context.Background(), viaProxy, zerolog.New(logs))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close(context.Background())
		neo4jtest.Drop(t, cfg)
	})
	neo4jtest.WaitReady(t, s)
	ctx := context.Background()
	if _, err := s.Import(ctx, conformance.Fixture()); err != nil {
		t.Fatal(err)
	}

	p.down()
	start := time.Now()
	if _, err := s.Nodes(ctx, []string{"person/xi-jinping"}); atlas.ErrorCode(err) != atlas.EUNAVAILABLE {
		t.Fatalf("Nodes during the outage: %v, want UNAVAILABLE", err)
	}
	t.Logf("measured: a call during the outage answered in %s", time.Since(start).Round(time.Millisecond))
	eventually.True(t, "Ping to fail during the outage", func() bool { return s.Ping(ctx) != nil })
	if _, err := s.Revision(ctx); atlas.ErrorCode(err) != atlas.EUNAVAILABLE {
		t.Errorf("Revision during the outage: %v, want UNAVAILABLE", err)
	}

	p.up(t)
	neo4jtest.WaitReady(t, s)
	if n := strings.Count(logs.String(), "connected and schema migrated"); n < 2 {
		t.Errorf("connected %d times, want a reconnection with migrations:\n%s", n, logs)
	}
	nodes, err := s.Nodes(ctx, []string{"person/xi-jinping"})
	if err != nil || nodes[0] == nil {
		t.Fatalf("after the outage: %v %v", nodes, err)
	}
}
