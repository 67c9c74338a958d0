package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"lsgatlas/internal/gcdefault"
	"lsgatlas/tools/bench/gqlgenpeer"
)

// answers is what the static server returns: recorded answers by request body, and the
// varied queries' answers in pieces, put together for the ids each request names.
type answers struct {
	Fixed  map[string]json.RawMessage `json:"fixed"`
	Varied map[string]composed        `json:"varied"` // by query text
}

// staticHandler answers each known request with its recorded bytes.
func staticHandler(a answers) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		b, ok := a.Fixed[string(body)]
		if !ok {
			var req struct {
				Query     string
				Variables struct{ IDs []string }
			}
			if json.Unmarshal(body, &req) == nil {
				if c, known := a.Varied[req.Query]; known {
					b, ok = c.answer(req.Variables.IDs)
				}
			}
		}
		if !ok {
			http.Error(w, "unknown request", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/graphql-response+json")
		_, _ = w.Write(b)
	})
}

// serveSubcommand runs one of the peers this binary holds as its own process, so that its
// CPU is counted apart from the load generator's: `static -data answers.json` or
// `gqlgen -data fixture.json`, both with -addr.
func serveSubcommand(name string, args []string) error {
	fs := flag.NewFlagSet(name, flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:8090", "listen address")
	data := fs.String("data", "", "the answers (static) or the fixture (gqlgen), as JSON")
	_ = fs.Parse(args)
	// The service's own collector settings, so the peers differ from it in code only.
	gcdefault.Apply(os.Getenv)
	raw, err := os.ReadFile(*data)
	if err != nil {
		return err
	}
	var h http.Handler
	switch name {
	case "static":
		var a answers
		if err := json.Unmarshal(raw, &a); err != nil {
			return fmt.Errorf("%s: %w", *data, err)
		}
		h = staticHandler(a)
	case "gqlgen":
		var f gqlgenpeer.Fixture
		if err := json.Unmarshal(raw, &f); err != nil {
			return fmt.Errorf("%s: %w", *data, err)
		}
		if h, err = gqlgenpeer.Handler(f); err != nil {
			return err
		}
	}
	srv := &http.Server{Addr: *addr, Handler: h, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}
