// Package export writes a part of the graph (nodes and the relations among them) as
// GraphML, GEXF 1.2 or Cytoscape.js JSON, for Gephi, yEd, Cytoscape and notebooks. It
// imports only the domain and the standard library.
//
// Every format carries the same attributes, declared with their types in the formats
// that declare attributes:
//
//   - nodes: id (the stable atlas id, used as the element id), type (GROUP, PERSON, …),
//     label, nameZh (a position's or document's titleZh), kind, system, level,
//     categories, established (a document's date of issue, a statement's date),
//     abolished — each written only where the node has it;
//   - edges: id (the relation id), source and target (from and to: edges are directed),
//     type, role, succession, start, end, attested, confidence, incompleteList, sources
//     (the ids of the cited sources, each once, in citation order).
//
// In the XML formats a list (categories, attested, sources) is one string joined with
// ListSeparator; in Cytoscape JSON it is an array. Output is deterministic: nodes and
// edges are sorted by id whatever the input order, and no timestamp is written.
package export

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"lsgatlas/atlas"
)

// Format names an export format.
type Format string

const (
	GraphMLFormat   Format = "graphml"
	GEXFFormat      Format = "gexf"
	CytoscapeFormat Format = "cytoscape"
)

// Formats lists every format.
var Formats = []Format{GraphMLFormat, GEXFFormat, CytoscapeFormat}

// ListSeparator joins list values in the XML formats. Ids and partial dates never
// contain it.
const ListSeparator = ";"

// ContentType returns the media type of a format, or "" for an unknown one.
func ContentType(f Format) string {
	switch f {
	case GraphMLFormat:
		return "application/graphml+xml"
	case GEXFFormat:
		return "application/gexf+xml"
	case CytoscapeFormat:
		return "application/json"
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
	}
	return ""
}

// Write writes nodes and rels to w in format f: GraphML, GEXF or CytoscapeJSON.
//
// Errors: EINVALID for an unknown format or an inconsistent graph (see GraphML);
// otherwise the writer's error, wrapped.
func Write(w io.Writer, f Format, nodes []atlas.Node, rels []atlas.Relation) error {
	switch f {
	case GraphMLFormat:
		return GraphML(w, nodes, rels)
	case GEXFFormat:
		return GEXF(w, nodes, rels)
	case CytoscapeFormat:
		return CytoscapeJSON(w, nodes, rels)
	}
	return atlas.Errorf(atlas.EINVALID, "unknown export format %q; use one of %v", f, Formats)
}

// nodeRecord is a node's exported attributes; its JSON form is a Cytoscape data object.
type nodeRecord struct {
	ID          string   `json:"id"`
	Type        string   `json:"type"`
	Label       string   `json:"label"`
	NameZh      string   `json:"nameZh,omitempty"`
	Kind        string   `json:"kind,omitempty"`
	System      string   `json:"system,omitempty"`
	Level       string   `json:"level,omitempty"`
	Categories  []string `json:"categories,omitempty"`
	Established string   `json:"established,omitempty"`
	Abolished   string   `json:"abolished,omitempty"`
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
	IncompleteList bool     `json:"incompleteList,omitempty"`
	Sources        []string `json:"sources,omitempty"`
}

// attribute declares one exported attribute for the XML formats. The id, unique across
// nodes and edges, is what data and attvalue elements refer to.
type attribute struct {
	id, name, xmlType string
	// defaultValue is declared for attributes that have one; a value equal to it is
	// not written.
	defaultValue string
}

// nodeAttributes and edgeAttributes are in the order of nodeRecord.values and
// edgeRecord.values.
var (
	nodeAttributes = []attribute{
		{id: "n_type", name: "type", xmlType: "string"}, {id: "n_label", name: "label", xmlType: "string"},
		{id: "n_nameZh", name: "nameZh", xmlType: "string"}, {id: "n_kind", name: "kind", xmlType: "string"},
		{id: "n_system", name: "system", xmlType: "string"}, {id: "n_level", name: "level", xmlType: "string"},
		{id: "n_categories", name: "categories", xmlType: "string"},
		{id: "n_established", name: "established", xmlType: "string"}, {id: "n_abolished", name: "abolished", xmlType: "string"},
	}
	edgeAttributes = []attribute{
		{id: "e_type", name: "type", xmlType: "string"}, {id: "e_role", name: "role", xmlType: "string"},
		{id: "e_succession", name: "succession", xmlType: "string"}, {id: "e_start", name: "start", xmlType: "string"},
		{id: "e_end", name: "end", xmlType: "string"}, {id: "e_attested", name: "attested", xmlType: "string"},
		{id: "e_confidence", name: "confidence", xmlType: "string"},
		{id: "e_incompleteList", name: "incompleteList", xmlType: "boolean", defaultValue: "false"},
		{id: "e_sources", name: "sources", xmlType: "string"},
	}
)

func (n nodeRecord) values() []string {
	return []string{n.Type, n.Label, n.NameZh, n.Kind, n.System, n.Level,
		strings.Join(n.Categories, ListSeparator), n.Established, n.Abolished}
}

func (e edgeRecord) values() []string {
	return []string{e.Type, e.Role, e.Succession, e.Start, e.End, strings.Join(e.Attested, ListSeparator),
		e.Confidence, boolText(e.IncompleteList), strings.Join(e.Sources, ListSeparator)}
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
func records(nodes []atlas.Node, rels []atlas.Relation) ([]nodeRecord, []edgeRecord, error) {
	ns := make([]nodeRecord, 0, len(nodes))
	seen := map[string]bool{}
	for _, n := range nodes {
		if n == nil {
			continue
		}
		if seen[n.NodeID()] {
			return nil, nil, atlas.Errorf(atlas.EINVALID, "export: node %q appears twice", n.NodeID())
		}
		seen[n.NodeID()] = true
		ns = append(ns, nodeOf(n))
	}
	es := make([]edgeRecord, 0, len(rels))
	edgeSeen := map[string]bool{}
	for _, r := range rels {
		e := edgeOf(r)
		for _, end := range []string{r.From, r.To} {
			if !seen[end] {
				return nil, nil, atlas.Errorf(atlas.EINVALID, "export: relation %q joins %q, which is not among the exported nodes", e.ID, end)
			}
		}
		if edgeSeen[e.ID] {
			return nil, nil, atlas.Errorf(atlas.EINVALID, "export: relation %q appears twice", e.ID)
		}
		edgeSeen[e.ID] = true
		es = append(es, e)
	}
	slices.SortFunc(ns, func(a, b nodeRecord) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(es, func(a, b edgeRecord) int { return cmp.Compare(a.ID, b.ID) })
	return ns, es, nil
}

func nodeOf(n atlas.Node) nodeRecord {
	rec := nodeRecord{ID: n.NodeID(), Type: string(n.NodeKind()), Label: n.Label()}
	switch n := n.(type) {
	case *atlas.Group:
		rec.NameZh, rec.Kind = n.NameZh, string(n.Kind)
		rec.System, rec.Level = text(n.System), text(n.Level)
		for _, c := range n.Categories {
			rec.Categories = append(rec.Categories, string(c))
		}
		rec.Established, rec.Abolished = dateText(n.Established), dateText(n.Abolished)
	case *atlas.Office:
		rec.NameZh, rec.Kind = n.NameZh, string(n.Kind)
	case *atlas.Institution:
		rec.NameZh, rec.Kind, rec.System = n.NameZh, string(n.Kind), text(n.System)
	case *atlas.Position:
		rec.NameZh = n.TitleZh
	case *atlas.Person:
		rec.NameZh = n.NameZh
	case *atlas.Source:
		rec.Kind = string(n.Kind)
	case *atlas.ReportedCount:
		rec.System, rec.Level = text(n.System), text(n.Level)
	case *atlas.Topic:
		rec.NameZh = n.NameZh
	case *atlas.Document:
		rec.NameZh, rec.Kind = n.TitleZh, string(n.Kind)
		rec.Established = dateText(n.Issued)
	case *atlas.Statement:
		rec.Established = dateText(n.Date)
	}
	return rec
}

func edgeOf(r atlas.Relation) edgeRecord {
	id := r.ID
	if id == "" {
		id = atlas.DefaultRelationID(r.Type, r.From, r.To)
	}
	e := edgeRecord{ID: id, Source: r.From, Target: r.To, Type: string(r.Type),
		Role: text(r.Role), Succession: text(r.Succession), Start: dateText(r.Start), End: dateText(r.End),
		Confidence: string(r.Confidence), IncompleteList: r.IncompleteList}
	for _, a := range r.Attested {
		e.Attested = append(e.Attested, a.String())
	}
	for _, c := range r.Sources {
		if !slices.Contains(e.Sources, c.Source) {
			e.Sources = append(e.Sources, c.Source)
		}
	}
	return e
}

func text[T ~string](v *T) string {
	if v == nil {
		return ""
	}
	return string(*v)
}

func dateText(d *atlas.PartialDate) string {
	if d == nil {
		return ""
	}
	return d.String()
}
