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
	"lsgatlas/searchkey"
	"lsgatlas/seed"
)

// TestFulltextFindsWhatSearchkeyMatches runs Lucene itself, as Neo4j's full-text indexes
// use it (the 'cjk' analyzer, the classic query parser), over searchBody of every node
// and relationship of the dataset, with the phrase Store.Search sends for each of
// thousands of queries made of the dataset's own words, and checks that Lucene finds
// every text that searchkey matches by words. That is what lets Store.Search take the
// index's rows as candidates and score them in Go.
//
// It needs Java 17+ and the Lucene 9.11 jars (Neo4j 5.26's) on LUCENE_CLASSPATH:
// lucene-core, lucene-analysis-common and lucene-queryparser; .ci/run fetches them.
func TestFulltextFindsWhatSearchkeyMatches(t *testing.T) {
	cp := os.Getenv("LUCENE_CLASSPATH")
	if cp == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("LUCENE_CLASSPATH is not set, and CI must run this test (see .ci/run)")
		}
		t.Skip("set LUCENE_CLASSPATH to the Lucene 9.11 jars (core, analysis-common, queryparser) to run Lucene")
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
	queries := map[string]bool{}
	for _, fs := range docs {
		for _, f := range fs {
			words := strings.Fields(f.Text)
			for i := range words {
				queries[words[i]] = true
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
	analysed := map[string]searchkey.Fields{}
	for _, id := range ids {
		analysed[id] = searchkey.Analyse(docs[id])
		in.WriteString("D\t" + id + "\t" + strings.ReplaceAll(searchkey.Body(docs[id]), "\n", `\n`) + "\n")
	}
	phrases := map[string]searchkey.Parsed{}
	for text := range queries {
		if _, err := (atlas.SearchQuery{Text: text}).Normalized(); err != nil {
			continue
		}
		q := searchkey.ParseQuery(text)
		if p := q.Lucene(); p != "" && !strings.ContainsAny(p, "\t\n") {
			phrases[p] = q
		}
	}
	for _, p := range slices.Sorted(maps.Keys(phrases)) {
		in.WriteString("Q\t" + p + "\n")
	}
	// C1 only and a small heap: the run is short, and CI runs other packages beside it.
	cmd := exec.Command("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", cp, "testdata/LuceneMatch.java")
	cmd.Stdin, cmd.Stderr = &in, os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("java: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(phrases) {
		t.Fatalf("Lucene answered %d queries, want %d", len(lines), len(phrases))
	}
	matched, extra := 0, 0
	for _, line := range lines {
		p, found, _ := strings.Cut(line, "\t")
		lucene := map[string]bool{}
		for _, id := range strings.Fields(found) {
			lucene[id] = true
		}
		for _, id := range ids {
			switch ok := analysed[id].MatchesWords(phrases[p]); {
			case ok && !lucene[id]:
				t.Errorf("query %s: searchkey matches %s by words, Lucene does not find it", p, id)
			case ok:
				matched++
			case lucene[id]:
				extra++
			}
		}
	}
	t.Logf("%d phrases over %d documents: %d matches, all found by Lucene, which gave %d more candidates", len(phrases), len(ids), matched, extra)
}
