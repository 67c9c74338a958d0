package seed_test

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/seed"
)

// coverage counts, for each of the five corpus documents, the entities, relationships,
// property claims, statements and documents that cite it, directly or through a work it
// relays (a source whose citedVia is the document).
func coverage(ds *atlas.Dataset) map[string][5]int {
	via := map[string]string{}
	for _, s := range ds.Sources {
		via[s.ID] = s.CitedVia
	}
	cites := func(cs []atlas.Citation, doc string) bool {
		return slices.ContainsFunc(cs, func(c atlas.Citation) bool { return c.Source == doc || via[c.Source] == doc })
	}
	out := map[string][5]int{}
	for _, doc := range corpusDocuments {
		var n [5]int
		for _, node := range ds.Nodes() {
			switch node.NodeKind() {
			case atlas.StatementNode:
				if cites(node.Citations(), doc) {
					n[3]++
				}
			case atlas.DocumentNode:
				if cites(node.Citations(), doc) {
					n[4]++
				}
			case atlas.GroupNode, atlas.OfficeNode, atlas.InstitutionNode, atlas.PositionNode, atlas.PersonNode, atlas.TopicNode:
				if cites(node.Citations(), doc) {
					n[0]++
				}
			}
			for _, c := range atlas.ClaimsOf(node) {
				if cites(c.Sources, doc) {
					n[2]++
				}
			}
		}
		for _, r := range ds.Relations {
			if cites(r.Sources, doc) {
				n[1]++
			}
		}
		out[doc] = n
	}
	return out
}

var corpusDocuments = []string{"source/rana-2021", "source/lsg-blog-2021", "source/wikipedia-lsg", "source/thomas-fp", "source/zhu-2015"}

// TestReadmeCoverageMatchesTheDataset keeps the coverage table of seed/README.md true.
func TestReadmeCoverageMatchesTheDataset(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	want := coverage(ds)
	f, err := os.Open("README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := regexp.MustCompile("^\\| `([a-z0-9-]+)` \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$")
	got := map[string][5]int{}
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if m := row.FindStringSubmatch(sc.Text()); m != nil {
			var n [5]int
			for i := range n {
				fmt.Sscan(m[i+2], &n[i])
			}
			got["source/"+m[1]] = n
		}
	}
	var table strings.Builder
	for _, doc := range corpusDocuments {
		n := want[doc]
		fmt.Fprintf(&table, "| `%s` | %d | %d | %d | %d | %d |\n", strings.TrimPrefix(doc, "source/"), n[0], n[1], n[2], n[3], n[4])
		if got[doc] != n {
			t.Errorf("README.md coverage of %s = %v, the dataset gives %v", doc, got[doc], n)
		}
	}
	if t.Failed() {
		t.Logf("the table should read:\n%s", table.String())
	}
}
