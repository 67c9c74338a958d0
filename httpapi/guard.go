package httpapi

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"lsgatlas/atlas"
)

// shedLoad bounds the requests being worked on at once. A request beyond the bound is
// answered at once with 503 and Retry-After, never queued: a queue would only turn
// overload into timeouts for everyone. With MaxResponseBytes per response this also
// bounds the bytes being built.
func shedLoad(maxInFlight int, retryAfter time.Duration, m *metrics, next http.Handler) http.Handler {
	slots := make(chan struct{}, maxInFlight)
	retry := strconv.Itoa(max(1, int(retryAfter.Seconds())))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case slots <- struct{}{}:
		default:
			m.shed.Inc()
			w.Header().Set("Retry-After", retry)
			writeJSON(w, http.StatusServiceUnavailable, map[string]any{"errors": []map[string]any{{
				"message":    "The server is busy; retry after " + retry + " s.",
				"extensions": map[string]string{"code": atlas.EUNAVAILABLE},
			}}})
			return
		}
		m.inFlight.Inc()
		defer func() {
			m.inFlight.Dec()
			<-slots
		}()
		next.ServeHTTP(w, r)
	})
}

// maxRequestIDLen bounds a caller's X-Request-Id; longer or unprintable ids are replaced.
const maxRequestIDLen = 64

// validRequestID accepts short ids of letters, digits and the punctuation of UUIDs,
// trace ids and base64 (-_.:/+=), so an id can be logged and echoed without letting a
// caller forge log lines or headers.
func validRequestID(id string) bool {
	if id == "" || len(id) > maxRequestIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-_.:/+=", c) >= 0:
		default:
			return false
		}
	}
	return true
}
