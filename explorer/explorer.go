// Package explorer serves the browser front ends that ship inside the binary: the
// Explorer at /explore/ and the GraphiQL playground at /. Both are built from npm
// packages by build.mjs into dist/, which is committed and embedded here, so the service
// needs neither Node nor a network to serve them, and every asset comes from its own
// origin (no inline scripts), which lets a strict Content-Security-Policy stand.
package explorer

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

//go:embed all:dist
var dist embed.FS

// Explorer serves the Explorer's files; mount it at prefix (e.g. "/explore/").
func Explorer(prefix string) http.Handler { return static("dist/explorer", prefix) }

// PlaygroundAssets serves the playground's scripts and styles; mount it at prefix.
func PlaygroundAssets(prefix string) http.Handler { return static("dist/playground", prefix) }

// PlaygroundPage serves the playground's HTML page.
func PlaygroundPage() http.Handler {
	page, err := dist.ReadFile("dist/playground/index.html")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err != nil {
			http.Error(w, "the playground was not built into this binary", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(page)
	})
}

// ExamplesHandler answers the playground's list of example queries as JSON.
func ExamplesHandler(examples []Example) http.Handler {
	if examples == nil {
		examples = []Example{}
	}
	body, _ := json.Marshal(examples)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(body)
	})
}

func static(dir, prefix string) http.Handler {
	sub, err := fs.Sub(dist, dir)
	if err != nil {
		panic(err) // dir is a constant inside the embedded tree
	}
	files := http.StripPrefix(prefix, http.FileServerFS(sub))
	var gz sync.Map // file name → gzipped bytes, made on first request
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Embedded files carry no modification time, so ask browsers to revalidate:
		// a new binary must never be paired with a cached old script.
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		name := strings.TrimPrefix(r.URL.Path, prefix)
		ext := path.Ext(name)
		if (ext == ".js" || ext == ".css") && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			if body, ok := gzipped(&gz, sub, name); ok {
				// The bundles are most of what a page loads, and shrink threefold.
				w.Header().Set("Content-Type", mime.TypeByExtension(ext))
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Set("Vary", "Accept-Encoding")
				w.Header().Set("Content-Length", strconv.Itoa(len(body)))
				if r.Method != http.MethodHead {
					_, _ = w.Write(body)
				}
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

func gzipped(cache *sync.Map, files fs.FS, name string) ([]byte, bool) {
	if b, ok := cache.Load(name); ok {
		return b.([]byte), true
	}
	raw, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, false
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = zw.Write(raw)
	_ = zw.Close()
	cache.Store(name, buf.Bytes())
	return buf.Bytes(), true
}

// Example is one example query for the playground, with the sentence that introduces it.
type Example struct {
	Title string `json:"title"`
	Query string `json:"query"`
}

var graphqlBlock = regexp.MustCompile("(?s)```graphql\n(.*?)```")

// ReadmeExamples extracts the ```graphql blocks of a Markdown document, splitting a block
// of several one-line queries into one example each (the rule readme_test.go runs the
// README's examples by), each titled by the paragraph just before its block.
func ReadmeExamples(markdown string) []Example {
	var out []Example
	for _, loc := range graphqlBlock.FindAllStringSubmatchIndex(markdown, -1) {
		title := introduction(markdown[:loc[0]])
		body := markdown[loc[2]:loc[3]]
		lines := strings.Split(strings.TrimSpace(body), "\n")
		if len(lines) > 1 && strings.HasPrefix(lines[1], "{") {
			for _, l := range lines {
				out = append(out, Example{Title: title, Query: l})
			}
			continue
		}
		out = append(out, Example{Title: title, Query: strings.TrimSpace(body)})
	}
	return out
}

// introduction is the last paragraph of before (a heading counts if no paragraph
// follows it), joined onto one line.
func introduction(before string) string {
	paras := strings.Split(strings.TrimSpace(before), "\n\n")
	p := strings.TrimSpace(paras[len(paras)-1])
	p = strings.TrimLeft(p, "# ")
	p = strings.Join(strings.Fields(p), " ")
	if r := []rune(p); len(r) > 160 {
		p = string(r[:157]) + "…"
	}
	return p
}
