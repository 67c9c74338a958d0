package gqlhttp

import (
	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// The analytics fields do their work before any of their fields resolve: a series
// counts every group in every year, a centrality walks the whole network. The cost
// model prices that work here, from the field's arguments and the size of the data
// (the analytics projection's counts, analytics.Cache.Sizes), so a request whose
// analytics would take seconds is refused before it starts rather than after.

// dataSizes returns the sizes to price by: the projection's, or, before the first one
// is built, a modest dataset's.
func dataSizes(s analytics.Sizes, l Limits) analytics.Sizes {
	if s.Nodes == 0 {
		return analytics.Sizes{Nodes: 2 * l.ListSize, Relations: 5 * l.ListSize, Groups: l.ListSize / 2}
	}
	return analytics.Sizes{Nodes: max(s.Nodes, 1), Relations: max(s.Relations, 1), Groups: max(s.Groups, 1)}
}

// maxPage is the largest page a field's first or limit argument allows: 2000 nodes for
// a network, 100 for every other list.
func maxPage(def *ast.FieldDefinition) int {
	if def.Name == "network" {
		return analytics.MaxNetworkNodes
	}
	return max(atlas.MaxPageSize, analytics.MaxPaths)
}

// pageRankIterations is about how many passes PageRank makes over the network.
const pageRankIterations = 20

// periodWork is how many times the work of a date a `during` period costs: each
// relation's holding is asked run by run between the dates of its span
// (atlas.Span.HoldingDuring), a few runs for a typical relation.
const periodWork = 8

// periodFields are the analytics fields whose `during` argument filters the network or
// the counts they do their work on.
var periodFields = map[string]bool{"network": true, "shortestPaths": true, "centrality": true, "statistics": true}

// analyticsWork prices the work of an analytics root field, and says how many items
// its lists hold when its arguments tell (the years of a series). A field asked over a
// period costs periodWork times its work at a date.
func (m *costModel) analyticsWork(name string, f *ast.Field) (work, items int) {
	work, items = m.analyticsWorkAtDate(name, f)
	if periodFields[name] && f.Arguments.ForName("during") != nil {
		work *= periodWork
	}
	return work, items
}

func (m *costModel) analyticsWorkAtDate(name string, f *ast.Field) (work, items int) {
	s := m.data
	network := s.Nodes + s.Relations
	switch name {
	case "activeGroupsByYear":
		years := analytics.MaxSeriesYears
		from, okFrom := m.intArg(f, "fromYear")
		to, okTo := m.intArg(f, "toYear")
		if okFrom && okTo && to >= from {
			years = min(to-from+1, analytics.MaxSeriesYears)
		}
		return years * s.Groups, years
	case "statistics":
		return s.Groups + s.Relations, 0
	case "centrality":
		switch metric := m.enumArg(f, "metric"); metric {
		case "DEGREE", "CHAIRS", "SEATS":
			return network, 0
		case "PAGERANK":
			return pageRankIterations * network, 0
		default: // BETWEENNESS, or a variable not known here: the dearest
			return s.Nodes * s.Relations, 0
		}
	case "network", "shortestPaths":
		return network, 0
	case "coMembers", "timeline":
		return m.limits.ListSize * m.limits.SmallListSize, 0
	}
	return 0, 0
}

func (m *costModel) intArg(f *ast.Field, name string) (int, bool) {
	arg := f.Arguments.ForName(name)
	if arg == nil {
		return 0, false
	}
	return m.intValue(arg.Value)
}

// enumArg reads an enum literal or variable, "" when neither.
func (m *costModel) enumArg(f *ast.Field, name string) string {
	arg := f.Arguments.ForName(name)
	if arg == nil {
		return ""
	}
	switch arg.Value.Kind {
	case ast.EnumValue:
		return arg.Value.Raw
	case ast.Variable:
		s, _ := m.vars[arg.Value.Raw].(string)
		return s
	}
	return ""
}

// bucketTypes are the object types of the analytics' per-bucket counts, whose lists
// hold one item per value of an enum (a system, category, kind, level, relationship or
// node type), and one for the unknown.
var bucketTypes = map[string]bool{"BucketCount": true, "NodeTypeCount": true}

// bucketEnums are the enums the lists of buckets are keyed by, by field name.
var bucketEnums = map[string]string{
	"bySystem": "System", "byCategory": "Category", "byKind": "GroupKind", "byLevel": "Level",
	"relationshipsByType": "RelationshipType", "nodesByType": "NodeType",
}

// bucketSizes maps each list of buckets to the values of its enum in schema s (every
// one is listed, counted or not), and "" to the largest, for lists not named here.
type bucketSizes map[string]int

func measureBuckets(s *ast.Schema) bucketSizes {
	out := bucketSizes{}
	for field, enum := range bucketEnums {
		if t := s.Types[enum]; t != nil {
			out[field] = len(t.EnumValues)
			out[""] = max(out[""], len(t.EnumValues))
		}
	}
	return out
}

// of returns at most and at least how many buckets the list field holds.
func (b bucketSizes) of(field string) (most, least int) {
	n, ok := b[field]
	if !ok {
		return b[""] + 1, 0
	}
	return n + 1, n
}
