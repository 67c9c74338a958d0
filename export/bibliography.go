package export

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"lsgatlas/atlas"
)

// Bibliography formats of the sources.
const (
	CSLJSONFormat Format = "csl-json"
	BibTeXFormat  Format = "bibtex"
)

// BibliographyContentType returns the media type of a bibliography format, or "".
func BibliographyContentType(f Format) string {
	switch f {
	case CSLJSONFormat:
		return "application/vnd.citationstyles.csl+json"
	case BibTeXFormat:
		return "application/x-bibtex; charset=utf-8"
	}
	return ""
}

// WriteBibliography writes the sources as CSL-JSON or BibTeX, in the order given.
// version, when not empty, is the dataset version the file names as its origin.
//
// Errors: EINVALID for an unknown format; otherwise the writer's error, wrapped.
func WriteBibliography(w io.Writer, f Format, sources []*atlas.Source, version string) error {
	switch f {
	case CSLJSONFormat:
		return CSLJSON(w, sources, version)
	case BibTeXFormat:
		return BibTeX(w, sources, version)
	}
	return atlas.Errorf(atlas.EINVALID, "unknown bibliography format %q; use %q or %q", f, CSLJSONFormat, BibTeXFormat)
}

// cslItem is one CSL-JSON item (CSL 1.0.2 input schema): only variables that schema
// defines, and atlas-specific facts under "custom", where the schema puts data it has
// no variable for.
type cslItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	CitationKey    string    `json:"citation-key,omitempty"`
	Title          string    `json:"title"`
	Author         []cslName `json:"author,omitempty"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Publisher      string    `json:"publisher,omitempty"`
	Genre          string    `json:"genre,omitempty"`
	Issued         *cslDate  `json:"issued,omitempty"`
	URL            string    `json:"URL,omitempty"`
	Source         string    `json:"source,omitempty"`
	Custom         cslCustom `json:"custom"`
}

// cslName is a name variable. The dataset keeps author names as printed, without
// saying which part is the family name (Chinese names come family name first, others
// not), so every name is a literal rather than a guessed family/given split.
type cslName struct {
	Literal string `json:"literal"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

type cslCustom struct {
	Tier string `json:"tier"`
	Kind string `json:"kind"`
	// CitedVia is the id of the source this one is read through, when second-hand.
	CitedVia string `json:"citedVia,omitempty"`
}

// cslTypes maps source kinds to CSL item types; journals and newspapers are
// containers, so a source of those kinds names its journal as container-title.
var cslTypes = map[atlas.SourceKind]string{
	"ANALYSIS": "report", "ARTICLE": "article", "BLOG_POST": "post-weblog", "ENCYCLOPEDIA": "entry-encyclopedia",
	"WORKING_PAPER": "report", "BOOK": "book", "JOURNAL_ARTICLE": "article-journal", "REPORT": "report",
	"OFFICIAL_DOCUMENT": "document", "NEWS": "article-newspaper", "OTHER": "document",
}

func isContainer(k atlas.SourceKind) bool {
	return k == "JOURNAL_ARTICLE" || k == "NEWS" || k == "ENCYCLOPEDIA"
}

// CSLJSON writes the sources as a CSL-JSON array, which Zotero, Pandoc and citeproc
// processors import: id is the atlas id, citation-key the source's key, source names
// the dataset and its version, and custom holds the tier, kind and citedVia.
func CSLJSON(w io.Writer, sources []*atlas.Source, version string) error {
	items := make([]cslItem, 0, len(sources))
	keys := bibKeys(sources)
	for i, s := range sources {
		it := cslItem{ID: s.ID, Type: cslTypes[s.Kind], CitationKey: keys[i], Title: s.Title, URL: s.URL,
			Source: strings.TrimSpace(GraphName + " " + version),
			Custom: cslCustom{Tier: string(s.EffectiveTier()), Kind: string(s.Kind), CitedVia: s.CitedVia}}
		if it.Type == "" {
			it.Type = "document"
		}
		if s.Kind == "WORKING_PAPER" {
			it.Genre = "Working paper"
		}
		for _, a := range s.Authors {
			it.Author = append(it.Author, cslName{Literal: a})
		}
		if isContainer(s.Kind) {
			it.ContainerTitle = s.Publisher
		} else {
			it.Publisher = s.Publisher
		}
		if s.Date != nil {
			parts := []int{s.Date.Year}
			if s.Date.Month > 0 {
				parts = append(parts, s.Date.Month)
				if s.Date.Day > 0 {
					parts = append(parts, s.Date.Day)
				}
			}
			it.Issued = &cslDate{DateParts: [][]int{parts}}
		}
		items = append(items, it)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(items); err != nil {
		return fmt.Errorf("export: write CSL-JSON: %w", err)
	}
	return nil
}

var notKeyChar = regexp.MustCompile(`[^A-Za-z0-9_:-]+`)

// bibKeys gives each source a citation key, unique in the list: its key (or its id's
// slug) with characters BibTeX keys cannot hold replaced, and "-2", "-3"… on a clash.
func bibKeys(sources []*atlas.Source) []string {
	out := make([]string, len(sources))
	used := map[string]bool{}
	for i, s := range sources {
		base := s.Key
		if base == "" {
			base = strings.TrimPrefix(s.ID, atlas.SourceNode.IDPrefix())
		}
		base = strings.Trim(notKeyChar.ReplaceAllString(base, "-"), "-")
		if base == "" {
			base = "source"
		}
		key := base
		for n := 2; used[key]; n++ {
			key = base + "-" + strconv.Itoa(n)
		}
		used[key] = true
		out[i] = key
	}
	return out
}

var bibTypes = map[atlas.SourceKind]string{
	"ANALYSIS": "techreport", "WORKING_PAPER": "techreport", "REPORT": "techreport",
	"BOOK": "book", "JOURNAL_ARTICLE": "article",
}

var months = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// BibTeX writes the sources as BibTeX entries (UTF-8, for biber/biblatex or BibTeX
// with inputenc): @article for journal articles, @techreport for reports, analyses and
// working papers, @book, and @misc for the rest. Keys are unique (see bibKeys); titles
// are braced so styles keep their capitals; authors are braced whole, as printed
// (see cslName); a second-hand source's note says through which source it is read.
func BibTeX(w io.Writer, sources []*atlas.Source, version string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "@comment{%s}\n", bibEscape(strings.TrimSpace(GraphName+" "+version)+": the sources of the dataset, generated from it."))
	keys := bibKeys(sources)
	byID := map[string]string{}
	for i, s := range sources {
		byID[s.ID] = keys[i]
	}
	for i, s := range sources {
		typ := bibTypes[s.Kind]
		if typ == "" {
			typ = "misc"
		}
		var fields [][2]string
		add := func(name, value string) {
			if value != "" {
				fields = append(fields, [2]string{name, value})
			}
		}
		add("title", "{"+bibEscape(s.Title)+"}")
		var authors []string
		for _, a := range s.Authors {
			authors = append(authors, "{"+bibEscape(a)+"}")
		}
		add("author", strings.Join(authors, " and "))
		switch {
		case typ == "article":
			add("journal", bibEscape(s.Publisher))
		case typ == "techreport":
			add("institution", bibEscape(s.Publisher))
			if s.Kind == "WORKING_PAPER" {
				add("type", "Working paper")
			}
		default:
			add("publisher", bibEscape(s.Publisher))
		}
		if s.Date != nil {
			add("year", strconv.Itoa(s.Date.Year))
			if s.Date.Month > 0 {
				add("month", months[s.Date.Month-1])
			}
		}
		// url is read verbatim by biblatex and the url package: never escaped. A brace,
		// which would end the value, is percent-encoded as in any URL.
		add("url", strings.NewReplacer("{", "%7B", "}", "%7D").Replace(s.URL))
		if s.CitedVia != "" {
			via := byID[s.CitedVia]
			if via == "" {
				via = s.CitedVia
			}
			add("note", "Cited via "+bibEscape(via))
		}
		add("keywords", "tier:"+string(s.EffectiveTier()))
		fmt.Fprintf(&b, "\n@%s{%s,\n", typ, keys[i])
		for j, f := range fields {
			sep := ","
			if j == len(fields)-1 {
				sep = ""
			}
			fmt.Fprintf(&b, "  %s = {%s}%s\n", f[0], f[1], sep)
		}
		b.WriteString("}\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("export: write BibTeX: %w", err)
	}
	return nil
}

// bibEscape makes text safe inside a braced BibTeX value: the characters LaTeX treats
// specially are escaped, and braces become LaTeX commands, since BibTeX counts every
// brace (escaped or not) when it finds where a value ends.
var bibEscaper = strings.NewReplacer(`\`, `\textbackslash{}`, `{`, `\textbraceleft{}`, `}`, `\textbraceright{}`, `&`, `\&`, `%`, `\%`,
	`$`, `\$`, `#`, `\#`, `_`, `\_`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`)

func bibEscape(s string) string { return bibEscaper.Replace(s) }
