package httpapi

import (
	"net/http"

	"lsgatlas/explorer"
)

// mountFrontends serves the embedded browser front ends: the Explorer at /explore/
// (always: it only reads the public API) and, when enabled, the playground at /.
func mountFrontends(mux *http.ServeMux, opts Options) {
	mux.Handle("GET /explore", http.RedirectHandler("/explore/", http.StatusMovedPermanently))
	mux.Handle("GET /explore/", HTMLPage(StrictCSP, explorer.Explorer("/explore/")))
	if opts.Playground {
		mux.Handle("GET /{$}", HTMLPage(StrictCSP, explorer.PlaygroundPage()))
		mux.Handle("GET /playground/examples.json", explorer.ExamplesHandler(opts.Examples))
		mux.Handle("GET /playground/", explorer.PlaygroundAssets("/playground/"))
	}
}
