package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/export"
	"lsgatlas/seed"
)

func seedSources(tb testing.TB) []*atlas.Source {
	tb.Helper()
	ds, err := seed.Dataset()
	if err != nil {
		tb.Fatal(err)
	}
	return ds.Sources
}

// trickySources have clashing keys, no key, markup and LaTeX characters, braces, a
// Chinese title and a reference tier.
func trickySources() []*atlas.Source {
	return []*atlas.Source{
		{ID: "source/a", Key: "miller 2008", Title: `Leading {Small} Groups & 100% of "#1"_x`, Authors: []string{"Alice Miller", "Zhou Wang 周望"},
			Publisher: "China Leadership Monitor", Date: atlas.DatePtr("2008-07-02"), Kind: "JOURNAL_ARTICLE", URL: "https://example.org/a_b%20c#x"},
		{ID: "source/b", Key: "miller-2008", Title: "中央外事工作委员会", Kind: "NEWS", Date: atlas.DatePtr("2018-03"), CitedVia: "source/a"},
		{ID: "source/c-d", Title: "Officeholders", Kind: "ENCYCLOPEDIA", Tier: atlas.ReferenceTier},
	}
}

// The top-level variables of an item in the CSL 1.0.2 input schema (csl-data.json),
// and its item types: a CSL-JSON file may use no others (additionalProperties is false).
var (
	cslVariables = strings.Fields(`type id citation-key categories language journalAbbreviation shortTitle
		author chair collection-editor compiler composer container-author contributor curator director editor
		editorial-director executive-producer guest host interviewer illustrator narrator organizer original-author
		performer producer recipient reviewed-author script-writer series-creator translator
		accessed available-date event-date issued original-date submitted
		abstract annote archive archive_collection archive_location archive-place authority call-number
		chapter-number citation-number citation-label collection-number collection-title container-title
		container-title-short dimensions division DOI edition event event-title event-place
		first-reference-note-number genre ISBN ISSN issue jurisdiction keyword locator medium note number
		number-of-pages number-of-volumes original-publisher original-publisher-place original-title page
		page-first part part-title PMCID PMID printing publisher publisher-place references reviewed-genre
		reviewed-title scale section source status supplement title title-short URL version volume
		volume-title volume-title-short year-suffix custom`)
	cslTypes = strings.Fields(`article article-journal article-magazine article-newspaper bill book broadcast
		chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
		graphic hearing interview legal_case legislation manuscript map motion_picture musical_score pamphlet
		paper-conference patent performance periodical personal_communication post post-weblog regulation
		report review review-book software song speech standard thesis treaty webpage`)
	cslNameParts = strings.Fields(`family given dropping-particle non-dropping-particle suffix comma-suffix
		static-ordering literal parse-names`)
)

func TestCSLJSON(t *testing.T) {
	for name, sources := range map[string][]*atlas.Source{"seed": seedSources(t), "tricky": trickySources()} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := export.CSLJSON(&out, sources, "1.2.3"); err != nil {
				t.Fatal(err)
			}
			var items []map[string]any
			if err := json.Unmarshal(out.Bytes(), &items); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if len(items) != len(sources) {
				t.Fatalf("%d items for %d sources", len(items), len(sources))
			}
			for i, it := range items {
				for k := range it {
					if !slices.Contains(cslVariables, k) {
						t.Errorf("item %v: %q is not a CSL variable", it["id"], k)
					}
				}
				if typ, _ := it["type"].(string); !slices.Contains(cslTypes, typ) {
					t.Errorf("item %v: type %q is not a CSL type", it["id"], typ)
				}
				if it["id"] != sources[i].ID || it["title"] != sources[i].Title || it["source"] != "LSG Atlas 1.2.3" {
					t.Errorf("item %d = %v", i, it)
				}
				authors, _ := it["author"].([]any)
				if len(authors) != len(sources[i].Authors) {
					t.Errorf("item %v: %d authors, want %d", it["id"], len(authors), len(sources[i].Authors))
				}
				for _, a := range authors {
					for part := range a.(map[string]any) {
						if !slices.Contains(cslNameParts, part) {
							t.Errorf("item %v: name part %q is not in the CSL schema", it["id"], part)
						}
					}
				}
				if d, ok := it["issued"].(map[string]any); ok {
					parts, _ := d["date-parts"].([]any)
					if len(d) != 1 || len(parts) != 1 || len(parts[0].([]any)) < 1 || len(parts[0].([]any)) > 3 {
						t.Errorf("item %v: issued = %v", it["id"], d)
					}
				}
			}
		})
	}
	var out bytes.Buffer
	_ = export.CSLJSON(&out, trickySources(), "1.2.3")
	var items []map[string]any
	_ = json.Unmarshal(out.Bytes(), &items)
	if got := fmt.Sprintln(items[0]["issued"], items[0]["author"], items[0]["container-title"], items[0]["type"]); got !=
		"map[date-parts:[[2008 7 2]]] [map[literal:Alice Miller] map[literal:Zhou Wang 周望]] China Leadership Monitor article-journal\n" {
		t.Errorf("journal article = %s", got)
	}
	if got := fmt.Sprintln(items[1]["citation-key"], items[1]["custom"], items[2]["citation-key"], items[2]["custom"]); got !=
		"miller-2008-2 map[citedVia:source/a kind:NEWS tier:CORPUS] c-d map[kind:ENCYCLOPEDIA tier:REFERENCE]\n" {
		t.Errorf("keys and custom = %s", got)
	}
}

// bibEntry is one entry as a strict reader sees it.
type bibEntry struct {
	typ, key string
	fields   map[string]string
}

var (
	bibHead  = regexp.MustCompile(`^@([a-z]+)\{([A-Za-z0-9_:-]+),\n`)
	bibField = regexp.MustCompile(`^  ([a-z]+) = \{`)
)

// parseBibTeX reads the exporter's BibTeX strictly: an @comment, then entries whose
// every field value is one balanced brace group; anything else fails the test.
func parseBibTeX(tb testing.TB, text string) []bibEntry {
	tb.Helper()
	comment, rest, ok := strings.Cut(text, "\n")
	if !strings.HasPrefix(comment, "@comment{") || !ok {
		tb.Fatalf("no leading @comment: %q", comment)
	}
	var out []bibEntry
	for rest = strings.TrimLeft(rest, "\n"); rest != ""; rest = strings.TrimLeft(rest, "\n") {
		m := bibHead.FindStringSubmatch(rest)
		if m == nil {
			tb.Fatalf("not an entry head: %.60q", rest)
		}
		e := bibEntry{typ: m[1], key: m[2], fields: map[string]string{}}
		rest = rest[len(m[0]):]
		for !strings.HasPrefix(rest, "}\n") {
			f := bibField.FindStringSubmatch(rest)
			if f == nil {
				tb.Fatalf("entry %s: not a field: %.60q", e.key, rest)
			}
			rest = rest[len(f[0]):]
			depth, end := 1, -1
			for i, r := range rest {
				switch r {
				case '{':
					depth++
				case '}':
					depth--
				case '\n':
					tb.Fatalf("entry %s: field %s runs past its line", e.key, f[1])
				}
				if depth == 0 {
					end = i
					break
				}
			}
			if end < 0 {
				tb.Fatalf("entry %s: field %s never closes", e.key, f[1])
			}
			if _, dup := e.fields[f[1]]; dup {
				tb.Errorf("entry %s: field %s twice", e.key, f[1])
			}
			e.fields[f[1]] = rest[:end]
			rest = strings.TrimPrefix(rest[end+1:], ",")
			rest = strings.TrimPrefix(rest, "\n")
		}
		rest = rest[2:]
		out = append(out, e)
	}
	return out
}

func TestBibTeX(t *testing.T) {
	for name, sources := range map[string][]*atlas.Source{"seed": seedSources(t), "tricky": trickySources()} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := export.BibTeX(&out, sources, "1.2.3"); err != nil {
				t.Fatal(err)
			}
			entries := parseBibTeX(t, out.String())
			if len(entries) != len(sources) {
				t.Fatalf("%d entries for %d sources", len(entries), len(sources))
			}
			keys := map[string]bool{}
			for _, e := range entries {
				if keys[e.key] {
					t.Errorf("key %s twice", e.key)
				}
				keys[e.key] = true
				if e.fields["title"] == "" || !slices.Contains([]string{"article", "techreport", "book", "misc"}, e.typ) {
					t.Errorf("entry %s: type %s, fields %v", e.key, e.typ, e.fields)
				}
			}
		})
	}
	var out bytes.Buffer
	_ = export.BibTeX(&out, trickySources(), "1.2.3")
	e := parseBibTeX(t, out.String())
	want := []bibEntry{
		{"article", "miller-2008", map[string]string{
			"title":  `{Leading \textbraceleft{}Small\textbraceright{} Groups \& 100\% of "\#1"\_x}`,
			"author": "{Alice Miller} and {Zhou Wang 周望}", "journal": "China Leadership Monitor",
			"year": "2008", "month": "jul", "url": "https://example.org/a_b%20c#x", "keywords": "tier:CORPUS"}},
		{"misc", "miller-2008-2", map[string]string{"title": "{中央外事工作委员会}", "year": "2018", "month": "mar",
			"note": "Cited via miller-2008", "keywords": "tier:CORPUS"}},
		{"misc", "c-d", map[string]string{"title": "{Officeholders}", "keywords": "tier:REFERENCE"}},
	}
	if fmt.Sprint(e) != fmt.Sprint(want) {
		t.Errorf("entries =\n%v\nwant\n%v", e, want)
	}
}
