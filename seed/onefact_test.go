package seed_test

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"lsgatlas/atlas"
)

// TestOneFactMergeLostNothing proves that merging the relations that told one fact
// (seed/migrate/one_fact.py, issue 20) lost nothing: every line of evidence it merged
// (kept as it was in testdata/one-fact-lines.json) is in the one relation of its fact
// with every citation, and every date it gave is a date claim citing exactly its
// sources, so each source keeps the dates it gives.
func TestOneFactMergeLostNothing(t *testing.T) {
	// attributedSince are the lines whose dates were later told apart: each gave a start
	// and an end (or an attestation) citing every source of the line, though each source
	// gives one of them. Wang Jiarui's 2008 page is dated 2009-01-14 and gives that
	// attestation, which the line had lost; only the 2006 interview gives 2006-12.
	attributedSince := map[string]map[atlas.DatePart][]string{
		"holds/person/zeng-peiyan/position/vice-premier/reference-2003": {
			atlas.StartPart: {"source/ref-china-embassy-bg-2003-new-cabinet"},
			atlas.EndPart:   {"source/ref-scmp-2008-li-keqiang-vice-premier", "source/ref-trend-az-2008-li-keqiang-vice-premier"},
		},
		"holds/person/yang-jiechi/position/member-of-the-politburo/reference-2017": {
			atlas.StartPart: {"source/ref-scmp-2017-yang-jiechi-politburo"},
			atlas.EndPart:   {"source/ref-bactf-2022-20th-central-committee", "source/ref-whatsonweibo-2022-20th-central-committee"},
		},
		"holds/person/wang-jiarui/position/head-of-the-international-department/reference-undated": {
			atlas.AttestedPart: {"source/ref-idcpc-2006-wang-jiarui"},
		},
	}
	raw, err := os.ReadFile("testdata/one-fact-lines.json")
	if err != nil {
		t.Fatal(err)
	}
	var lines []*atlas.Relation
	if err := json.Unmarshal(raw, &lines); err != nil {
		t.Fatal(err)
	}
	if len(lines) < 20 {
		t.Fatalf("only %d merged lines recorded", len(lines))
	}
	byKey := map[string][]*atlas.Relation{}
	for _, r := range bundled(t).Relations {
		byKey[atlas.FactKey(r)] = append(byKey[atlas.FactKey(r)], r)
	}
	dates := 0
	for _, line := range lines {
		name := atlas.FactKey(line) + " " + line.ID
		var found *atlas.Relation
		for _, r := range byKey[atlas.FactKey(line)] {
			if !slices.ContainsFunc(line.Sources, func(c atlas.Citation) bool { return !containsPassage(r.Sources, c) }) {
				found = r
			}
		}
		if found == nil {
			t.Errorf("%s: no relation of its fact cites all of %v", name, line.Sources)
			continue
		}
		want := func(part atlas.DatePart, d atlas.PartialDate) {
			dates++
			sources := line.Sources
			if byPart, ok := attributedSince[line.ID]; ok {
				sources = slices.DeleteFunc(slices.Clone(sources), func(c atlas.Citation) bool { return !slices.Contains(byPart[part], c.Source) })
			}
			if !slices.ContainsFunc(found.DateClaims, func(c atlas.DateClaim) bool {
				return c.Part == part && c.Value == d && samePassages(c.Sources, sources)
			}) {
				t.Errorf("%s: %s %s citing %v lost", name, part, d, sources)
			}
		}
		if line.Start != nil {
			want(atlas.StartPart, *line.Start)
		}
		if line.End != nil {
			want(atlas.EndPart, *line.End)
		}
		for _, a := range line.Attested {
			want(atlas.AttestedPart, a)
		}
		if line.IncompleteList && !found.IncompleteList {
			t.Errorf("%s: incomplete list lost", name)
		}
	}
	if dates < 30 {
		t.Errorf("only %d dates compared", dates)
	}
}

// containsPassage reports whether cs has a citation of c's source at c's locator (other
// fields a citation may carry, such as a quote, do not count).
func containsPassage(cs []atlas.Citation, c atlas.Citation) bool {
	return slices.ContainsFunc(cs, func(x atlas.Citation) bool { return x.Source == c.Source && x.Locator == c.Locator })
}

func samePassages(a, b []atlas.Citation) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Source != b[i].Source || a[i].Locator != b[i].Locator {
			return false
		}
	}
	return true
}
