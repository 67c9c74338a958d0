// Package export writes a part of the graph (nodes and the relations among them) as
// GraphML, GEXF 1.3 (or 1.2draft), Cytoscape.js JSON or CSV, for Gephi, yEd, Cytoscape, networkx,
// pandas and spreadsheets, and the sources as a bibliography (CSL-JSON, BibTeX). It
// imports only the domain and the standard library.
//
// Every graph format carries the same attributes, declared with their types in the
// formats that declare attributes:
//
//   - nodes: id (the stable atlas id, used as the element id), type (GROUP, PERSON, …),
//     label, nameZh (a position's or document's titleZh), kind, system, level,
//     categories, established (a document's date of issue, a statement's date, a
//     person's birth), abolished (a person's death), tier (of the node's own sources), sources (their ids) and citations
//     (each source with its title, locator and tier) — each written only where the
//     node has it;
//   - edges: id (the relation id), source and target (from and to: edges are directed),
//     type, role, succession, start, end, attested, confidence, incompleteList,
//     holding (KNOWN or POSSIBLE at the export's asOf date; absent without one),
//     derived, tier, note, sources (the ids of the cited sources, each once, in
//     citation order) and citations;
//   - the graph: name, version (of the dataset), truncated (true when the node limit
//     left nodes out), limit and asOf.
//
// In the XML formats and CSV a list of ids or dates (categories, attested, sources) is
// one string joined with ListSeparator, and citations are a JSON array (locators and
// titles may contain any character); in Cytoscape JSON both are arrays. Output is
// deterministic: nodes and edges are sorted by id whatever the input order, and no
// timestamp is written.
package export

import (
	"cmp"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"

	"lsgatlas/atlas"
)

// Format names an export format.
type Format string

const (
	GraphMLFormat   Format = "graphml"
	GEXFFormat      Format = "gexf"
	CytoscapeFormat Format = "cytoscape"
	NodesCSVFormat  Format = "nodes.csv"
	EdgesCSVFormat  Format = "edges.csv"
	CSVZipFormat    Format = "csv.zip"
)

// Formats lists every graph format.
var Formats = []Format{GraphMLFormat, GEXFFormat, CytoscapeFormat, NodesCSVFormat, EdgesCSVFormat, CSVZipFormat}

// ListSeparator joins list values in the XML formats and CSV. Ids and partial dates
// never contain it.
const ListSeparator = ";"

// GraphName names the graph inside every export.
const GraphName = "LSG Atlas"

// ContentType returns the media type of a format, or "" for an unknown one.
func ContentType(f Format) string {
	switch f {
	case GraphMLFormat:
		return "application/graphml+xml"
	case GEXFFormat:
		return "application/gexf+xml"
	case CytoscapeFormat:
		return "application/json"
	case NodesCSVFormat, EdgesCSVFormat:
		return "text/csv; charset=utf-8; header=present"
	case CSVZipFormat:
		return "application/zip"
	}
	return ""
}

// FileExtension returns the usual file name extension of a format, dot included, or ""
// for an unknown one: for a Content-Disposition header.
func FileExtension(f Format) string {
	switch f {
	case GraphMLFormat:
		return ".graphml"
	case GEXFFormat:
		return ".gexf"
	case CytoscapeFormat:
		return ".json"
	case NodesCSVFormat:
		return "-nodes.csv"
	case EdgesCSVFormat:
		return "-edges.csv"
	case CSVZipFormat:
		return "-csv.zip"
	}
	return ""
}

// Graph is what an export writes: nodes, the relations among them, and what the file
// should say about itself.
type Graph struct {
	Nodes     []atlas.Node
	Relations []atlas.Relation
	// Source looks up a cited source by id, for the titles and tiers of citations; nil
	// (or a nil answer) leaves them out.
	Source func(id string) *atlas.Source
	// AsOf is the date the relations were selected at; each edge's holding is computed
	// at it. Nil means no date, and no holding.
	AsOf *atlas.PartialDate
	// During is the period the relations were selected over, instead of AsOf: each
	// edge's holding is then its PeriodHolding (KNOWN_THROUGHOUT, KNOWN_IN_PART or
	// POSSIBLE), and the file's asOf says the period as "from/to".
	During *atlas.Period
	// KnownBy restricts the evidence to the sources published by its date: each edge
	// shows and holds by those alone (atlas.KnownBy). Nil means every source.
	KnownBy *atlas.KnownBy
	// Tiers are the source tiers the relations were selected in: holdings are read as
	// their facts give them (atlas.EdgesFrom). Nil means every tier.
	Tiers []atlas.SourceTier
	// Derived are chairs derived through positions (analytics.Filter.DerivedChairs),
	// written as edges with derived=true beside the stored relations; their holding is
	// already computed.
	Derived []atlas.Edge
	// Truncated says the node limit left nodes out; Limit is that limit (0: none given).
	Truncated bool
	Limit     int
	// Version is the dataset's version, written into the file when not empty.
	Version string
}

// Write writes g to w in format f.
//
// Errors: EINVALID for an unknown format or an inconsistent graph (see GraphML);
// otherwise the writer's error, wrapped.
func Write(w io.Writer, f Format, g Graph) error {
	switch f {
	case GraphMLFormat:
		return GraphML(w, g)
	case GEXFFormat:
		return GEXF(w, g)
	case CytoscapeFormat:
		return CytoscapeJSON(w, g)
	case NodesCSVFormat:
		return NodesCSV(w, g)
	case EdgesCSVFormat:
		return EdgesCSV(w, g)
	case CSVZipFormat:
		return CSVZip(w, g)
	}
	return atlas.Errorf(atlas.EINVALID, "unknown export format %q; use one of %v", f, Formats)
}

// citationRecord is one citation as exported: the source id, where in it, the exact
// fragment of the passage when the citation has one, and, when the source is known,
// its title and tier.
type citationRecord struct {
	Source  string `json:"source"`
	Locator string `json:"locator"`
	Quote   string `json:"quote,omitempty"`
	Title   string `json:"title,omitempty"`
	Tier    string `json:"tier,omitempty"`
}

// nodeRecord is a node's exported attributes; its JSON form is a Cytoscape data object.
type nodeRecord struct {
	ID          string           `json:"id"`
	Type        string           `json:"type"`
	Label       string           `json:"label"`
	NameZh      string           `json:"nameZh,omitempty"`
	Kind        string           `json:"kind,omitempty"`
	System      string           `json:"system,omitempty"`
	Level       string           `json:"level,omitempty"`
	Categories  []string         `json:"categories,omitempty"`
	Established string           `json:"established,omitempty"`
	Abolished   string           `json:"abolished,omitempty"`
	Tier        string           `json:"tier,omitempty"`
	Sources     []string         `json:"sources,omitempty"`
	Citations   []citationRecord `json:"citations,omitempty"`
	// life is a group's lifetime or a person's life where known, for the formats that
	// carry time (GEXF's spells).
	life *atlas.Span
}

// edgeRecord is a relation's exported attributes; its JSON form is a Cytoscape data
// object.
type edgeRecord struct {
	ID             string   `json:"id"`
	Source         string   `json:"source"`
	Target         string   `json:"target"`
	Type           string   `json:"type"`
	Role           string   `json:"role,omitempty"`
	Succession     string   `json:"succession,omitempty"`
	Start          string   `json:"start,omitempty"`
	End            string   `json:"end,omitempty"`
	Attested       []string `json:"attested,omitempty"`
	Confidence     string   `json:"confidence,omitempty"`
	DateConfidence string   `json:"dateConfidence,omitempty"`
	IncompleteList bool     `json:"incompleteList,omitempty"`
	Holding        string   `json:"holding,omitempty"`
	Derived        bool     `json:"derived,omitempty"`
	// Stored is true when a stored relation says the fact (a derived chair may be
	// stored as well: its id then is the stored one, not "derived/…"); GEXF draws a
	// chair only derived dotted. Not a column: derived and the id say it.
	Stored    bool             `json:"-"`
	Via       []string         `json:"via,omitempty"`
	Tier      string           `json:"tier,omitempty"`
	Note      string           `json:"note,omitempty"`
	Sources   []string         `json:"sources,omitempty"`
	Citations []citationRecord `json:"citations,omitempty"`
	// span is the relation's time as the export's tiers give it, for GEXF's spells.
	span atlas.Span
}

// graphRecord is what a file says about itself.
type graphRecord struct {
	Name      string `json:"name"`
	Version   string `json:"version,omitempty"`
	Truncated bool   `json:"truncated"`
	Limit     int    `json:"limit,omitempty"`
	AsOf      string `json:"asOf,omitempty"`
	KnownBy   string `json:"knownBy,omitempty"`
}

func graphOf(g Graph) graphRecord {
	r := graphRecord{Name: GraphName, Version: g.Version, Truncated: g.Truncated, Limit: g.Limit, AsOf: whenText(g)}
	if g.KnownBy != nil {
		r.KnownBy = g.KnownBy.Date.String()
	}
	return r
}

// whenText is the date or the period the export was selected at, "" for none.
func whenText(g Graph) string {
	if g.During != nil {
		return g.During.String()
	}
	return dateText(g.AsOf)
}

// attribute declares one exported attribute for the XML formats and names a CSV
// column. The id, unique across nodes and edges, is what data and attvalue elements
// refer to.
type attribute struct {
	id, name, xmlType string
	// defaultValue is declared for attributes that have one; a value equal to it is
	// not written.
	defaultValue string
}

// nodeAttributes, edgeAttributes and graphAttributes are in the order of the records'
// values methods; they are also the CSV columns after the id (and source, target).
var (
	nodeAttributes = []attribute{
		{id: "n_type", name: "type", xmlType: "string"}, {id: "n_label", name: "label", xmlType: "string"},
		{id: "n_nameZh", name: "nameZh", xmlType: "string"}, {id: "n_kind", name: "kind", xmlType: "string"},
		{id: "n_system", name: "system", xmlType: "string"}, {id: "n_level", name: "level", xmlType: "string"},
		{id: "n_categories", name: "categories", xmlType: "string"},
		{id: "n_established", name: "established", xmlType: "string"}, {id: "n_abolished", name: "abolished", xmlType: "string"},
		{id: "n_tier", name: "tier", xmlType: "string"}, {id: "n_sources", name: "sources", xmlType: "string"},
		{id: "n_citations", name: "citations", xmlType: "string"},
	}
	edgeAttributes = []attribute{
		{id: "e_type", name: "type", xmlType: "string"}, {id: "e_role", name: "role", xmlType: "string"},
		{id: "e_succession", name: "succession", xmlType: "string"}, {id: "e_start", name: "start", xmlType: "string"},
		{id: "e_end", name: "end", xmlType: "string"}, {id: "e_attested", name: "attested", xmlType: "string"},
		{id: "e_confidence", name: "confidence", xmlType: "string"},
		{id: "e_dateConfidence", name: "dateConfidence", xmlType: "string"},
		{id: "e_incompleteList", name: "incompleteList", xmlType: "boolean", defaultValue: "false"},
		{id: "e_holding", name: "holding", xmlType: "string"},
		{id: "e_derived", name: "derived", xmlType: "boolean", defaultValue: "false"},
		{id: "e_via", name: "via", xmlType: "string"},
		{id: "e_tier", name: "tier", xmlType: "string"}, {id: "e_note", name: "note", xmlType: "string"},
		{id: "e_sources", name: "sources", xmlType: "string"}, {id: "e_citations", name: "citations", xmlType: "string"},
	}
	graphAttributes = []attribute{
		{id: "g_name", name: "name", xmlType: "string"}, {id: "g_version", name: "version", xmlType: "string"},
		{id: "g_truncated", name: "truncated", xmlType: "boolean"}, {id: "g_limit", name: "limit", xmlType: "int"},
		{id: "g_asOf", name: "asOf", xmlType: "string"}, {id: "g_knownBy", name: "knownBy", xmlType: "string"},
	}
)

func (n nodeRecord) values() []string {
	return []string{n.Type, n.Label, n.NameZh, n.Kind, n.System, n.Level,
		strings.Join(n.Categories, ListSeparator), n.Established, n.Abolished,
		n.Tier, strings.Join(n.Sources, ListSeparator), citationsText(n.Citations)}
}

func (e edgeRecord) values() []string {
	return []string{e.Type, e.Role, e.Succession, e.Start, e.End, strings.Join(e.Attested, ListSeparator),
		e.Confidence, e.DateConfidence, boolText(e.IncompleteList), e.Holding, boolText(e.Derived),
		strings.Join(e.Via, ListSeparator), e.Tier, e.Note,
		strings.Join(e.Sources, ListSeparator), citationsText(e.Citations)}
}

func (g graphRecord) values() []string {
	limit := ""
	if g.Limit > 0 {
		limit = strconv.Itoa(g.Limit)
	}
	return []string{g.Name, g.Version, boolText(g.Truncated), limit, g.AsOf, g.KnownBy}
}

// citationsText is the JSON array of citations, "" for none. Characters such as "&" in
// a title stay as they are (json.Marshal would write \u0026), so that the text equals
// what any other JSON writer gives.
func citationsText(cs []citationRecord) string {
	if len(cs) == 0 {
		return ""
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(cs); err != nil {
		panic(err) // strings only: cannot fail
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// present yields the attributes a record has, with their values: empty values and
// values equal to the declared default are left out.
func present(attrs []attribute, values []string, yield func(a attribute, value string)) {
	for i, a := range attrs {
		if v := values[i]; v != "" && v != a.defaultValue {
			yield(a, v)
		}
	}
}

// records checks the graph and turns it into sorted records. Nil nodes (a batch lookup's
// misses) are skipped; a duplicate id, or a relation whose end is not among the nodes,
// is EINVALID, since every format needs both ends of an edge.
func records(g Graph) ([]nodeRecord, []edgeRecord, error) {
	source := g.Source
	if source == nil {
		source = func(string) *atlas.Source { return nil }
	}
	ns := make([]nodeRecord, 0, len(g.Nodes))
	seen := map[string]bool{}
	for _, n := range g.Nodes {
		if n == nil {
			continue
		}
		if seen[n.NodeID()] {
			return nil, nil, atlas.Errorf(atlas.EINVALID, "export: node %q appears twice", n.NodeID())
		}
		seen[n.NodeID()] = true
		ns = append(ns, nodeOf(n, source))
	}
	es := make([]edgeRecord, 0, len(g.Relations))
	edgeSeen := map[string]bool{}
	for _, r := range g.Relations {
		if r.ID == "" {
			r.ID = atlas.DefaultRelationID(r.Type, r.From, r.To)
		}
		for _, end := range []string{r.From, r.To} {
			if !seen[end] {
				return nil, nil, atlas.Errorf(atlas.EINVALID, "export: relation %q joins %q, which is not among the exported nodes", r.ID, end)
			}
		}
		if edgeSeen[r.ID] {
			return nil, nil, atlas.Errorf(atlas.EINVALID, "export: relation %q appears twice", r.ID)
		}
		edgeSeen[r.ID] = true
		// The same rule as the API's relationships: holding at asOf, and relations that
		// cannot hold then are not exported.
		for _, e := range atlas.EdgesWhen(r.From, []atlas.Relation{r}, atlas.When{AsOf: g.AsOf, During: g.During, Known: g.KnownBy}, g.Tiers...) {
			rec := edgeOf(e, source)
			rec.span = r.SpanIn(g.Tiers)
			es = append(es, rec)
		}
	}
	for _, e := range g.Derived {
		if !seen[e.From] || !seen[e.To] || edgeSeen[e.ID] {
			return nil, nil, atlas.Errorf(atlas.EINVALID, "export: derived chair %q joins nodes not exported, or appears twice", e.ID)
		}
		edgeSeen[e.ID] = true
		rec := edgeOf(e, source)
		rec.span = e.Relation.SpanIn(g.Tiers)
		es = append(es, rec)
	}
	slices.SortFunc(ns, func(a, b nodeRecord) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(es, func(a, b edgeRecord) int { return cmp.Compare(a.ID, b.ID) })
	return ns, es, nil
}

func nodeOf(n atlas.Node, source func(string) *atlas.Source) nodeRecord {
	rec := nodeRecord{ID: n.NodeID(), Type: string(n.NodeKind()), Label: n.Label()}
	sum := n.Summary()
	rec.NameZh, rec.Kind, rec.System, rec.Level = sum.NameZh, sum.Class, text(sum.System), text(sum.Level)
	for _, c := range sum.Categories {
		rec.Categories = append(rec.Categories, string(c))
	}
	rec.Established, rec.Abolished, rec.Tier, rec.life = dateText(sum.From), dateText(sum.Until), string(sum.Tier), sum.Life
	if p, ok := n.(*atlas.Person); ok && (p.Born != nil || p.Died != nil) {
		// A person's Summary dates nothing, yet the life bounds every relation of the
		// person: the dates the API gives as born and died, as partial as the sources
		// give them.
		rec.Established, rec.Abolished, rec.life = dateText(p.Born), dateText(p.Died), &atlas.Span{Start: p.Born, End: p.Died}
	}
	if cs := n.Citations(); len(cs) > 0 {
		rec.Tier = string(atlas.TierOf(cs, source))
		rec.Sources, rec.Citations = citationsOf(cs, source)
	}
	return rec
}

func edgeOf(e atlas.Edge, source func(string) *atlas.Source) edgeRecord {
	r := e.Relation
	rec := edgeRecord{ID: r.ID, Source: r.From, Target: r.To, Type: string(r.Type),
		Role: text(r.Role), Succession: text(r.Succession), Start: dateText(r.Start), End: dateText(r.End),
		Confidence: string(r.Confidence), IncompleteList: r.IncompleteList, Holding: holdingText(e),
		Derived: e.Derived(), Stored: e.Stored, Tier: string(atlas.TierOf(r.Sources, source)), Note: r.Note}
	if r.DateConfidence != nil {
		rec.DateConfidence = string(*r.DateConfidence)
	}
	for _, d := range e.Derivations {
		if !slices.Contains(rec.Via, d.Position) {
			rec.Via = append(rec.Via, d.Position)
		}
	}
	for _, a := range r.Attested {
		rec.Attested = append(rec.Attested, a.String())
	}
	rec.Sources, rec.Citations = citationsOf(r.Sources, source)
	return rec
}

// citationsOf returns the cited source ids, each once in citation order, and every
// citation with what is known of its source.
func citationsOf(cs []atlas.Citation, source func(string) *atlas.Source) ([]string, []citationRecord) {
	var ids []string
	out := make([]citationRecord, 0, len(cs))
	for _, c := range cs {
		if !slices.Contains(ids, c.Source) {
			ids = append(ids, c.Source)
		}
		rec := citationRecord{Source: c.Source, Locator: c.Locator, Quote: c.Quote}
		if s := source(c.Source); s != nil {
			rec.Title, rec.Tier = s.Title, string(s.EffectiveTier())
		}
		out = append(out, rec)
	}
	return ids, out
}

func text[T ~string](v *T) string {
	if v == nil {
		return ""
	}
	return string(*v)
}

// holdingText is an edge's holding at asOf, or over a period its PeriodHolding.
func holdingText(e atlas.Edge) string {
	if e.HoldingDuring != nil {
		return string(*e.HoldingDuring)
	}
	return text(e.Holding)
}

func dateText(d *atlas.PartialDate) string {
	if d == nil {
		return ""
	}
	return d.String()
}
