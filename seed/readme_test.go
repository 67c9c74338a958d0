package seed_test

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/seed"
)

// TestReadmeCountsMatchTheDataset keeps the counts table in seed/README.md true: a
// change to atlas.json that changes a count must update the table too.
func TestReadmeCountsMatchTheDataset(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"groups": len(ds.Groups), "offices": len(ds.Offices), "institutions": len(ds.Institutions),
		"positions": len(ds.Positions), "people": len(ds.People), "sources": len(ds.Sources),
		"reported counts": len(ds.ReportedCounts), "relations": len(ds.Relations),
		"statements": len(ds.Statements), "topics": len(ds.Topics), "documents": len(ds.Documents),
	}
	for _, rt := range atlas.RelTypes {
		want[string(rt)] = 0
	}
	for _, r := range ds.Relations {
		want[string(r.Type)]++
	}
	f, err := os.Open("README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := regexp.MustCompile(`^\| ([A-Za-z_ ]+) \| (\d+) \|$`)
	got := map[string]int{}
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if m := row.FindStringSubmatch(sc.Text()); m != nil {
			got[m[1]], _ = strconv.Atoi(m[2])
		}
	}
	for what, n := range want {
		c, ok := got[what]
		switch {
		case !ok:
			t.Errorf("README.md counts table has no row %q (want %d)", what, n)
		case c != n:
			t.Errorf("README.md says %d %s, the dataset has %d", c, what, n)
		}
	}
}
