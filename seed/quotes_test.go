package seed_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/internal/livetest"
)

// seedDir is where CI puts the five source documents: ../shared/seeds from the repo root.
const seedDir = "../../shared/seeds"

var seedFileInNote = regexp.MustCompile(`\(file (\d{3}_[0-9a-f]+\.txt)\)`)

// corpusTexts reads the five seed documents, keyed by the id of the Source whose note
// names the file, with whitespace collapsed (a quote may span a line break).
func corpusTexts(t *testing.T, ds *atlas.Dataset) map[string]string {
	t.Helper()
	if _, err := os.Stat(seedDir); err != nil {
		livetest.Missing(t, "the five source documents ("+seedDir+" from the seed package)",
			"check out the shared folder beside the repository, as CI does, so that ../shared/seeds holds the seed texts")
	}
	texts := map[string]string{}
	for _, s := range ds.Sources {
		m := seedFileInNote.FindStringSubmatch(s.Note)
		if m == nil {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(seedDir, m[1]))
		if err != nil {
			t.Fatalf("%s: its note names %s: %v", s.ID, m[1], err)
		}
		texts[s.ID] = strings.Join(strings.Fields(string(raw)), " ")
	}
	if len(texts) != 5 {
		t.Fatalf("found %d seed documents named in source notes, want 5", len(texts))
	}
	return texts
}

// citedRecord is one record of the dataset with the citations that support it.
type citedRecord struct {
	name      string
	citations []atlas.Citation
	claim     *atlas.PropertyClaim
}

func citedRecords(ds *atlas.Dataset) []citedRecord {
	var out []citedRecord
	for _, n := range ds.Nodes() {
		out = append(out, citedRecord{name: n.NodeID(), citations: n.Citations()})
		for _, c := range atlas.ClaimsOf(n) {
			c := c
			out = append(out, citedRecord{name: fmt.Sprintf("%s claim %s=%q", n.NodeID(), c.Property, c.Value), citations: c.Sources, claim: &c})
		}
	}
	for _, r := range ds.Relations {
		out = append(out, citedRecord{name: fmt.Sprintf("relation %s %s %s", r.From, r.Type, r.To), citations: r.Sources})
	}
	for _, s := range ds.Statements {
		out = append(out, citedRecord{name: s.ID, citations: s.Sources})
	}
	for _, c := range ds.ReportedCounts {
		out = append(out, citedRecord{name: c.ID, citations: c.Sources})
	}
	return out
}

// documentOf is the seed document a source is read in: itself, or the end of its
// citedVia chain; "" for a reference page.
func documentOf(ds *atlas.Dataset, texts map[string]string, id string) string {
	for range len(ds.Sources) {
		s, ok := sourceByID(ds, id)
		if !ok || s.Tier == atlas.ReferenceTier {
			return ""
		}
		if _, ok := texts[id]; ok {
			return id
		}
		if s.CitedVia == "" {
			return ""
		}
		id = s.CitedVia
	}
	return ""
}

func sourceByID(ds *atlas.Dataset, id string) (*atlas.Source, bool) {
	for _, s := range ds.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return nil, false
}

// TestEveryCorpusCitationQuotesItsDocument: every citation of a corpus document (or of
// a work read in one) carries a fragment of at most twelve words, found verbatim
// (whitespace aside) in that document.
func TestEveryCorpusCitationQuotesItsDocument(t *testing.T) {
	ds := bundled(t)
	texts := corpusTexts(t, ds)
	checked := 0
	for _, rec := range citedRecords(ds) {
		for _, c := range rec.citations {
			doc := documentOf(ds, texts, c.Source)
			if doc == "" {
				continue
			}
			checked++
			quote := strings.Join(strings.Fields(c.Quote), " ")
			switch {
			case quote == "":
				t.Errorf("%s: citation of %s (%s) has no quote", rec.name, c.Source, c.Locator)
			case len(strings.Fields(quote)) > atlas.MaxQuoteWords:
				t.Errorf("%s: quote %q of %s is longer than %d words", rec.name, quote, c.Source, atlas.MaxQuoteWords)
			case !strings.Contains(texts[doc], quote):
				t.Errorf("%s: quote %q is not in %s (read for %s, %s)", rec.name, quote, doc, c.Source, c.Locator)
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d corpus citations checked", checked)
	}
}

// literalProperties are the claims whose value is printed text a document must contain.
var literalProperties = map[atlas.PropertyName]bool{
	atlas.PropName: true, atlas.PropNameZh: true, atlas.PropTitle: true, atlas.PropTitleZh: true,
	atlas.PropAlias: true, atlas.PropJurisdiction: true,
}

var dateProperties = map[atlas.PropertyName]bool{
	atlas.PropEstablished: true, atlas.PropAbolished: true, atlas.PropIssued: true, atlas.PropBorn: true, atlas.PropDied: true,
}

// foldPrinted compares printed text the way a reader would: case, runs of whitespace
// and quotation marks aside (Rana prints the LSG 'for Comprehensively Deepening Reform').
// seed/migrate/citations.py folds the same way.
func foldPrinted(s string) string {
	s = strings.NewReplacer("'", "", `"`, "", "‘", "", "’", "", "“", "", "”", "").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// printsYear says whether a document gives a year: as itself, or as the end of a
// printed range ("1949-56").
func printsYear(text, year string) bool {
	if strings.Contains(text, year) {
		return true
	}
	for _, dash := range []string{"-", "–", "- "} {
		if strings.Contains(text, dash+year[2:]) {
			return true
		}
	}
	return false
}

// TestCorpusCitedLiteralsArePrinted: a name, Chinese name, alias, title or date that a
// claim cites a corpus document for is printed in that document, a count's number and
// year are printed where it is cited, and a relation's years in one of the documents it
// cites, and a person a relation names is named in each document it cites; otherwise the
// claim must be INFERRED with a note saying how it was inferred.
func TestCorpusCitedLiteralsArePrinted(t *testing.T) {
	ds := bundled(t)
	texts := corpusTexts(t, ds)
	folded := map[string]string{}
	for id, text := range texts {
		folded[id] = foldPrinted(text)
	}
	inferred := func(name string, conf atlas.Confidence, note string) bool {
		if conf != atlas.Inferred {
			return false
		}
		if strings.TrimSpace(note) == "" {
			t.Errorf("%s: INFERRED without a note saying how", name)
		}
		return true
	}
	for _, rec := range citedRecords(ds) {
		c := rec.claim
		if c == nil || (!literalProperties[c.Property] && !dateProperties[c.Property]) {
			continue
		}
		for _, cite := range c.Sources {
			doc := documentOf(ds, texts, cite.Source)
			if doc == "" {
				continue
			}
			var printed bool
			if dateProperties[c.Property] {
				printed = printsYear(texts[doc], c.Value[:4])
			} else {
				printed = strings.Contains(folded[doc], foldPrinted(c.Value))
			}
			if !printed && !inferred(rec.name, c.Confidence, c.Note) {
				t.Errorf("%s: cites %s, whose document %s does not print %q", rec.name, cite.Source, doc, c.Value)
			}
		}
	}
	for _, rc := range ds.ReportedCounts {
		for _, cite := range rc.Sources {
			doc := documentOf(ds, texts, cite.Source)
			if doc == "" || inferred(rc.ID, rc.Confidence, rc.Note) {
				continue
			}
			for _, lit := range []string{fmt.Sprint(rc.Value), fmt.Sprint(rc.Year)} {
				if !strings.Contains(texts[doc], lit) {
					t.Errorf("%s: cites %s, whose document %s does not print %s", rc.ID, cite.Source, doc, lit)
				}
			}
		}
	}
	people := map[string]*atlas.Person{}
	for _, p := range ds.People {
		people[p.ID] = p
	}
	for _, r := range ds.Relations {
		name := fmt.Sprintf("relation %s %s %s", r.From, r.Type, r.To)
		for _, end := range []string{r.From, r.To} {
			p, ok := people[end]
			if !ok || r.Confidence == atlas.Inferred {
				continue
			}
			for _, cite := range r.Sources {
				if doc := documentOf(ds, texts, cite.Source); doc != "" && !printsAName(folded[doc], p) {
					t.Errorf("%s: cites %s, whose document %s prints no name of %s", name, cite.Source, doc, p.ID)
				}
			}
		}
		var years []string
		for _, d := range append([]*atlas.PartialDate{r.Start, r.End}, ptrs(r.Attested)...) {
			if d != nil {
				years = append(years, d.String()[:4])
			}
		}
		var docs []string
		for _, cite := range r.Sources {
			if doc := documentOf(ds, texts, cite.Source); doc != "" {
				docs = append(docs, doc)
			}
		}
		if len(years) == 0 || len(docs) == 0 || len(docs) < len(r.Sources) {
			continue // undated, or dated (also) by a reference page
		}
		if r.DateConfidence != nil && *r.DateConfidence == atlas.Inferred || r.Confidence == atlas.Inferred {
			inferred(name, atlas.Inferred, r.Note)
			continue
		}
		for _, y := range years {
			found := false
			for _, doc := range docs {
				found = found || printsYear(texts[doc], y)
			}
			if !found {
				t.Errorf("%s: dated %s, a year none of its documents %v prints", name, y, docs)
			}
		}
	}
}

// printsAName says whether a folded document prints the person's name or an alias.
func printsAName(folded string, p *atlas.Person) bool {
	names := []string{p.Name, p.NameZh}
	for _, a := range p.Aliases {
		names = append(names, a.Name)
	}
	for _, n := range names {
		if n != "" && strings.Contains(folded, foldPrinted(n)) {
			return true
		}
	}
	return false
}

func ptrs(ds []atlas.PartialDate) []*atlas.PartialDate {
	out := make([]*atlas.PartialDate, len(ds))
	for i := range ds {
		out[i] = &ds[i]
	}
	return out
}
