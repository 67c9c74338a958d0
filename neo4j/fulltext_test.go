package neo4j

import (
	"bytes"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/internal/livetest"
	"lsgatlas/internal/searchkey"
	"lsgatlas/seed"
)

// TestFulltextFindsWhatSearchkeyLooksUp runs Lucene itself, as Neo4j's full-text indexes
// use it (the 'whitespace' analyzer, the classic query parser), over searchTerms of every
// node and relationship of the dataset, with the query Store.Search sends for each of
// thousands of queries made of the dataset's own words (with typos), and checks that
// Lucene finds exactly the documents with one of the terms searchkey looks up: those the
// in-process index gives. That is what lets Store.Search take the index's rows as
// candidates and score them in Go.
//
// It needs Java 17+ and the Lucene 9.11 jars (Neo4j 5.26's) on LUCENE_CLASSPATH:
// lucene-core, lucene-analysis-common and lucene-queryparser; .ci/run fetches them.
func TestFulltextFindsWhatSearchkeyLooksUp(t *testing.T) {
	cp := os.Getenv("LUCENE_CLASSPATH")
	if cp == "" {
		livetest.Missing(t, "LUCENE_CLASSPATH", "set it to the Lucene 9.11 jars (core, analysis-common, queryparser) to run Lucene; .ci/run fetches them")
	}
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	ds = ds.Prepared()
	docs := map[string][]atlas.SearchField{}
	for _, n := range ds.Nodes() {
		docs[n.NodeID()] = atlas.SearchFields(n)
	}
	for _, r := range ds.Relations {
		docs[r.ID] = atlas.RelationSearchFields(r)
	}
	stats := searchkey.NewStats(searchkey.NewAnalysed(ds.Nodes(), ds.Relations))
	queries := map[string]bool{}
	for _, fs := range docs {
		for _, f := range fs {
			words := strings.Fields(f.Text)
			for i, w := range words {
				queries[w] = true
				if len(w) > 5 { // a typo: the second letter dropped
					queries[w[:1]+w[2:]] = true
				}
				if i+2 < len(words) {
					queries[strings.Join(words[i:i+3], " ")] = true
				}
			}
			if r := []rune(f.Text); len(r) >= 2 {
				queries[string(r[:2])], queries[string(r[len(r)-2:])] = true, true
			}
		}
	}
	var in bytes.Buffer
	ids := slices.Sorted(maps.Keys(docs))
	terms := map[string]map[string]bool{}
	for _, id := range ids {
		terms[id] = map[string]bool{}
		for _, t := range searchkey.Analyse(docs[id]).Terms() {
			terms[id][t] = true
		}
		in.WriteString("D\t" + id + "\t" + searchkey.TermText(docs[id]) + "\n")
	}
	lookups := map[string][]string{}
	for text := range queries {
		if _, err := (atlas.SearchQuery{Text: text}).Normalized(); err != nil {
			continue
		}
		q := searchkey.ParseQuery(text)
		if l := q.Lucene(stats); l != "" && !strings.ContainsAny(l, "\t\n") {
			lookups[l] = q.Lookup(stats)
		}
	}
	// A query finds any of its terms, so each finds many documents: a twentieth of the
	// queries (every twentieth in order) keeps the output small.
	sorted := slices.Sorted(maps.Keys(lookups))
	for i, l := range sorted {
		if i%20 != 0 {
			delete(lookups, l)
			continue
		}
		in.WriteString("Q\t" + l + "\n")
	}
	// C1 only and a small heap: the run is short, and CI runs other packages beside it.
	cmd := exec.Command("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", cp, "testdata/LuceneMatch.java")
	cmd.Stdin, cmd.Stderr = &in, os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("java: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(lookups) {
		t.Fatalf("Lucene answered %d queries, want %d", len(lines), len(lookups))
	}
	found := 0
	for _, line := range lines {
		l, hits, _ := strings.Cut(line, "\t")
		lucene := map[string]bool{}
		for _, id := range strings.Fields(hits) {
			lucene[id] = true
		}
		for _, id := range ids {
			want := slices.ContainsFunc(lookups[l], func(t string) bool { return terms[id][t] })
			if want != lucene[id] {
				t.Errorf("query %q: searchkey looks %s up: %v, Lucene finds it: %v", l, id, want, lucene[id])
			}
			if want {
				found++
			}
		}
	}
	t.Logf("%d queries over %d documents: %d candidates, the same in Lucene", len(lookups), len(ids), found)
}
