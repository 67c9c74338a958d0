package httpapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
)

// StrictCSP is the Content-Security-Policy of HTML pages that load only our own assets
// (the offline explorer of issue 15 should use it): nothing from elsewhere, no
// framing, no plugins.
const StrictCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// HTMLPage wraps the handler of an HTML page with the security headers every page gets
// (nosniff, no framing, no referrer to other sites) and the page's own CSP.
func HTMLPage(csp string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hdr := w.Header()
		hdr.Set("Content-Security-Policy", csp)
		hdr.Set("X-Content-Type-Options", "nosniff")
		hdr.Set("X-Frame-Options", "DENY")
		hdr.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.ServeHTTP(w, r)
	})
}

var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

// playgroundPage renders gqlgen's GraphiQL page once and returns it with a CSP that lets
// it load GraphiQL from the CDN it names and run exactly its own inline script (by
// hash); everything else is as strict as StrictCSP. GraphiQL sets inline styles, hence
// 'unsafe-inline' for styles only.
func playgroundPage(page http.Handler) (http.Handler, string) {
	rec := httptest.NewRecorder()
	page.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	body := rec.Body.Bytes()
	hashes := []string{}
	for _, m := range inlineScript.FindAllSubmatch(body, -1) {
		sum := sha256.Sum256(m[1])
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	const cdn = "https://cdn.jsdelivr.net"
	csp := strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' " + cdn + " " + strings.Join(hashes, " "),
		"style-src 'self' 'unsafe-inline' " + cdn,
		"img-src 'self' data: " + cdn,
		"font-src 'self' data: " + cdn,
		"connect-src 'self'",
		"object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
	}, "; ")
	contentType := rec.Header().Get("Content-Type")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write(bytes.Clone(body))
	}), csp
}

// cors lets the browser frontends of the listed origins call the API; with no origins
// (the default) it adds nothing and browsers keep other origins out.
func cors(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		w.Header().Add("Vary", "Origin")
		if origin == "" || !(slices.Contains(origins, origin) || slices.Contains(origins, "*")) {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Expose-Headers", "X-Request-Id, Retry-After")
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Methods", "GET, POST")
			h.Set("Access-Control-Allow-Headers", "Content-Type, Accept, X-Request-Id, Atlas-Cost")
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
