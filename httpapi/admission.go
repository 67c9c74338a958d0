package httpapi

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"lsgatlas/atlas"
)

// readBodyFirst reads a request's whole body into memory, within maxBytes (after
// decompression) and a deadline, before the request asks for a work slot: a client that
// sends its headers and then trickles its body holds only its own connection, never a
// slot others need. A body not received in time is answered 408 and counted as a slow
// client; the connection is closed. Bodies may be gzip-compressed (Content-Encoding:
// gzip); other encodings are refused with 415.
func readBodyFirst(maxBytes int64, timeout time.Duration, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		m.readingBody.Inc()
		body, err := readBody(w, r, maxBytes, timeout)
		m.readingBody.Dec()
		if err != nil {
			status, code, msg := http.StatusBadRequest, atlas.EINVALID, "The request body could not be read."
			var tooLarge *http.MaxBytesError
			var encoding unsupportedEncoding
			switch {
			case errors.Is(err, os.ErrDeadlineExceeded):
				m.slowClients.Inc()
				status, code = http.StatusRequestTimeout, atlas.ELIMIT
				msg = fmt.Sprintf("The request body was not received within %v.", timeout)
			case errors.As(err, &tooLarge):
				status, code = http.StatusRequestEntityTooLarge, atlas.ELIMIT
				msg = fmt.Sprintf("The request body is larger than %d bytes (after decompression).", tooLarge.Limit)
			case errors.As(err, &encoding):
				status = http.StatusUnsupportedMediaType
				msg = "Send the request body uncompressed or with Content-Encoding: gzip."
			}
			// The rest of the body is not read: the connection cannot be reused.
			w.Header().Set("Connection", "close")
			writeGraphQLError(w, status, code, msg)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		r.Header.Del("Content-Encoding")
		r.Header.Del("Content-Length")
		next.ServeHTTP(w, r)
	})
}

type unsupportedEncoding string

func (e unsupportedEncoding) Error() string { return "unsupported content encoding " + string(e) }

// readBody reads r's body under a read deadline (where the connection supports one).
// The deadline is cleared once the body is read, so the connection can serve the next
// request; after a failure it stays, so the server does not wait for the rest of the
// body before closing.
func readBody(w http.ResponseWriter, r *http.Request, maxBytes int64, timeout time.Duration) (body []byte, err error) {
	rc := http.NewResponseController(w)
	if rc.SetReadDeadline(time.Now().Add(timeout)) == nil {
		defer func() {
			if err == nil {
				_ = rc.SetReadDeadline(time.Time{})
			}
		}()
	}
	var src io.Reader = http.MaxBytesReader(w, r.Body, maxBytes) // compressed bytes bounded too
	switch enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(src)
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) || isMaxBytes(err) {
				return nil, err
			}
			return nil, fmt.Errorf("gzip: %w", err)
		}
		defer zr.Close()
		src = zr
	default:
		return nil, unsupportedEncoding(enc)
	}
	// Decompressed bytes are bounded separately: a small gzip body may inflate a
	// thousandfold.
	body, err = io.ReadAll(io.LimitReader(src, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > maxBytes {
		return nil, &http.MaxBytesError{Limit: maxBytes}
	}
	return body, nil
}

func isMaxBytes(err error) bool {
	var e *http.MaxBytesError
	return errors.As(err, &e)
}

// admission is the one bound on the work in flight across every guarded route
// (/graphql and the exports): at most capacity requests at once, and, when the slots
// run short, no client past its fair share of them. A client is the subject of its
// verified bearer token, or its address when it sends none (clientKey); a request
// beyond either bound is answered 503 with Retry-After at once, never queued.
type admission struct {
	capacity int
	// reserve is the slots kept for clients under their fair share: a client already at
	// its share is refused once fewer than reserve slots are free.
	reserve int
	retry   string
	m       *metrics

	mu       sync.Mutex
	inUse    int
	byClient map[string]int
}

func newAdmission(capacity int, retryAfter time.Duration, m *metrics) *admission {
	return &admission{
		capacity: capacity, reserve: max(1, capacity/4), retry: strconv.Itoa(max(1, int(retryAfter.Seconds()))),
		m: m, byClient: map[string]int{},
	}
}

// acquire takes a slot for client, or says why not ("capacity" or "fair_share"). A
// client holding nothing gets any free slot. A client already holding slots gets one
// more only while it is under its share (the capacity split among the clients in
// flight and one more, so that room is left for a newcomer) or while more than the
// reserve is free: a lone client may use three quarters of the capacity, and the last
// quarter is kept for others.
func (a *admission) acquire(client string) (ok bool, reason string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.inUse >= a.capacity {
		return false, "capacity"
	}
	held := a.byClient[client]
	if held > 0 {
		share := max(1, a.capacity/(len(a.byClient)+1))
		if held >= share && a.capacity-a.inUse <= a.reserve {
			return false, "fair_share"
		}
	}
	a.inUse++
	a.byClient[client] = held + 1
	return true, ""
}

func (a *admission) release(client string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.inUse--
	if a.byClient[client]--; a.byClient[client] <= 0 {
		delete(a.byClient, client)
	}
}

// load reports the slots in use and the capacity, for /readyz.
func (a *admission) load() (inUse, capacity, clients int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.inUse, a.capacity, len(a.byClient)
}

// guard admits a request to next or answers 503.
func (a *admission) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := clientKey(r)
		ok, reason := a.acquire(client)
		if !ok {
			a.m.shed.WithLabelValues(reason).Inc()
			w.Header().Set("Retry-After", a.retry)
			msg := "The server is busy; retry after " + a.retry + " s."
			if reason == "fair_share" {
				msg = "This client already has its fair share of the server's capacity in flight; retry after " + a.retry + " s."
			}
			writeGraphQLError(w, http.StatusServiceUnavailable, atlas.EUNAVAILABLE, msg)
			return
		}
		a.m.inFlight.Inc()
		defer func() {
			a.m.inFlight.Dec()
			a.release(client)
		}()
		next.ServeHTTP(w, r)
	})
}

// clientKey names the client a request comes from, for fair shares: the subject of
// the bearer token authenticate verified (clients behind one address, a NAT or a
// proxy, each get their own share), else its IP address. The two never collide: a
// subject is keyed with a prefix no address has.
func clientKey(r *http.Request) string {
	if sub := atlas.PrincipalFrom(r.Context()).Subject; sub != "" {
		return "token:" + sub
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// writeGraphQLError answers with one coded error in the GraphQL response shape, which
// every client of the guarded routes can read.
func writeGraphQLError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{"errors": []map[string]any{{
		"message": msg, "extensions": map[string]string{"code": code},
	}}})
}
