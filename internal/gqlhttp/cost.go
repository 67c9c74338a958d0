package gqlhttp

import (
	"encoding/json"
	"strconv"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/analytics"
)

// The cost model, run on the parsed document before validation and before any work:
//
//   - every field costs 1, plus the cost of its selection set times the number of items
//     it can return;
//   - a list returns as many items as its `first` or `limit` argument says (given or
//     defaulted in the schema), or as many ids as its `ids` argument lists (or
//     representations as _entities' `representations` does); a list
//     inside a paged field (a connection's `nodes`/`edges`, a subgraph's nodes) takes
//     the page size of the field that holds it; any other list of nodes or
//     relationships counts Limits.ListSize, the largest fan-out of the data (a node's
//     relationships), and a list of values or citations Limits.SmallListSize;
//   - an analytics field (a series, a centrality...) costs the work it does before its
//     fields resolve, priced from its arguments and the size of the data (work.go); a
//     list of per-bucket counts holds one item per value of the largest bucket enum;
//   - introspection is counted the same way, its lists sized by this schema: `types` as
//     many as the schema has, a type's `fields` (or `args`, `enumValues`...) as many as a
//     type has on average, so the cost of an introspection query is about the size of
//     its answer, plus introspectionRootCost for each __schema or __type field;
//   - depth counts nested fields outside introspection, whose `ofType` chains are deep
//     but cheap.
//
// Fragments are costed once per name and page size, so a document whose fragments
// spread each other many times costs time linear in its size to measure; a fragment
// cycle (which validation refuses) costs nothing here.
type costModel struct {
	schema    *ast.Schema
	doc       *ast.QueryDocument
	limits    Limits
	sizes     introspectionSizes
	data      analytics.Sizes // what the analytics work over (work.go)
	buckets   bucketSizes     // the items of the lists of buckets (work.go)
	vars      map[string]any
	inherited int // the page size the lists of the current selection set take
	// exact says inherited is the lists' true length (a series' years), not a bound.
	exact    bool
	intro    int // > 0 inside __schema or __type
	memo     map[fragmentKey]selectionCost
	visiting map[string]bool
	err      *gqlerror.Error
}

type fragmentKey struct {
	name      string
	inherited int
	exact     bool
	intro     bool
}

type selectionCost struct {
	cost, depth int
	fields      int // fields of the selection set, fragments spread in
	// resolved is the fields the selection may resolve: the cost without the surcharges
	// for introspection roots and analytics work, which the memory estimate counts.
	resolved int
	// sure is the fields it will resolve at least: lists count only when their length
	// is known exactly (a series' years, the buckets of a count), others as empty.
	sure int
}

const costCap = 1 << 40 // costs saturate here rather than overflow

func mulCost(a, b int) int {
	if a != 0 && b > costCap/a {
		return costCap
	}
	return min(a*b, costCap)
}

func newCostModel(s *ast.Schema, doc *ast.QueryDocument, l Limits, sizes introspectionSizes, data analytics.Sizes, buckets bucketSizes, vars map[string]any) *costModel {
	return &costModel{schema: s, doc: doc, limits: l, sizes: sizes, data: dataSizes(data, l), buckets: buckets, vars: vars,
		memo: map[fragmentKey]selectionCost{}, visiting: map[string]bool{}}
}

func (m *costModel) selection(parent *ast.Definition, set ast.SelectionSet) selectionCost {
	var total selectionCost
	add := func(c selectionCost) {
		total.cost = min(total.cost+c.cost, costCap)
		total.resolved = min(total.resolved+c.resolved, costCap)
		total.sure = min(total.sure+c.sure, costCap)
		total.depth = max(total.depth, c.depth)
		total.fields += c.fields
	}
	for _, sel := range set {
		if m.err != nil {
			return total
		}
		switch s := sel.(type) {
		case *ast.Field:
			c := m.field(parent, s)
			c.fields = 1
			add(c)
		case *ast.InlineFragment:
			add(m.selection(m.typeOr(s.TypeCondition, parent), s.SelectionSet))
		case *ast.FragmentSpread:
			add(m.fragment(s.Name))
		}
	}
	if total.fields > m.limits.MaxFieldsPerSelection && m.err == nil {
		m.err = limitError("fields per selection set", total.fields, m.limits.MaxFieldsPerSelection)
	}
	return total
}

func (m *costModel) fragment(name string) selectionCost {
	key := fragmentKey{name, m.inherited, m.exact, m.intro > 0}
	if c, ok := m.memo[key]; ok {
		return c
	}
	def := m.doc.Fragments.ForName(name)
	if def == nil || m.visiting[name] {
		return selectionCost{}
	}
	m.visiting[name] = true
	c := m.selection(m.typeOr(def.TypeCondition, nil), def.SelectionSet)
	delete(m.visiting, name)
	m.memo[key] = c
	return c
}

func (m *costModel) typeOr(name string, fallback *ast.Definition) *ast.Definition {
	if t := m.schema.Types[name]; name != "" && t != nil {
		return t
	}
	return fallback
}

func (m *costModel) field(parent *ast.Definition, f *ast.Field) selectionCost {
	var def *ast.FieldDefinition
	if parent != nil {
		def = parent.Fields.ForName(f.Name)
	}
	if def == nil { // __typename, or a field validation will refuse
		return selectionCost{cost: 1, resolved: 1, sure: 1, depth: m.depthOf(0)}
	}
	isIntro := f.Name == "__schema" || f.Name == "__type"
	if isIntro {
		m.intro++
		defer func() { m.intro-- }()
	}
	page, paged := m.pageSize(parent, def, f)
	work, exactPage := 0, false
	if parent != nil && parent == m.schema.Query {
		var n int
		if work, n = m.analyticsWork(def.Name, f); n > 0 && !paged {
			page, paged, exactPage = n, true, true
		}
	}
	items, sureItems := 1, 1
	saved, savedExact := m.inherited, m.exact
	if def.Type.Elem != nil {
		items, sureItems = m.inherited, 0
		if m.exact && !paged {
			sureItems = items
		}
		if paged {
			items = page
		} else if bucketTypes[def.Type.Name()] {
			items, sureItems = m.buckets.of(def.Name)
		} else if items <= 0 {
			items = m.listSize(def.Type.Name())
		}
		m.inherited, m.exact = 0, false
	} else if paged {
		m.inherited, m.exact = page, exactPage
	} else {
		m.inherited, m.exact = 0, false
	}
	children := m.selection(m.schema.Types[def.Type.Name()], f.SelectionSet)
	m.inherited, m.exact = saved, savedExact
	depth := children.depth
	if isIntro {
		depth = 0
	}
	base := 1
	if isIntro {
		base = introspectionRootCost
	}
	return selectionCost{
		cost:     min(base+work+mulCost(max(items, 1), children.cost), costCap),
		resolved: min(1+mulCost(max(items, 1), children.resolved), costCap),
		sure:     min(1+mulCost(sureItems, children.sure), costCap),
		depth:    m.depthOf(depth),
	}
}

// introspectionRootCost is what a __schema or __type field costs besides its
// selection: gqlgen builds the schema's introspection objects anew for each one, which
// measured about 9 ms per __schema { types { fields { name } } } on the 2-core
// development machine. Planned reads made ordinary fields several times cheaper, and
// the dataset's largest fan-out (ListSize) doubled, so DefaultLimits.MaxCost admits
// 20,000,000; this is sized so that the introspection a query may do stays where it
// was (about 50 __schema fields, half a second).
const introspectionRootCost = 400_000

// depthOf is the depth of a field whose children reach childDepth.
func (m *costModel) depthOf(childDepth int) int {
	if m.intro > 0 {
		return 0
	}
	return 1 + childDepth
}

// pageSize reads the size a field asks for: its first/last/limit argument (given, from a
// variable, or the schema's default) or the length of its ids list. A list given ids
// and no page of its own counts the larger of its default page and its ids, since
// with ids some lists (centrality's) return an item per id whatever the default.
func (m *costModel) pageSize(parent *ast.Definition, def *ast.FieldDefinition, f *ast.Field) (int, bool) {
	ids, named := m.idsLength(f)
	for _, name := range []string{"first", "last", "limit"} {
		if arg := f.Arguments.ForName(name); arg != nil {
			if n, ok := m.intValue(arg.Value); ok {
				// A page beyond the field's largest is refused by the field as INVALID,
				// naming the argument; costing it as asked would refuse it as a cost.
				return min(n, maxPage(def)), true
			}
			return m.limits.ListSize, true
		}
		if a := def.Arguments.ForName(name); a != nil && a.DefaultValue != nil {
			if n, ok := m.intValue(a.DefaultValue); ok {
				if named && def.Type.Elem != nil {
					return max(n, ids), true
				}
				return n, true
			}
		}
	}
	if named {
		return ids, true
	}
	if parent != nil && m.intro > 0 {
		if n, ok := m.sizes[parent.Name+"."+def.Name]; ok {
			return n, true
		}
	}
	return 0, false
}

// idsLength is the number of ids the field's ids argument names, or of representations
// _entities' representations argument holds (one item each, like nodes' ids), when it
// names any. A single value is a list of one, as input coercion reads it.
func (m *costModel) idsLength(f *ast.Field) (int, bool) {
	arg := f.Arguments.ForName("ids")
	if arg == nil {
		arg = f.Arguments.ForName("representations")
	}
	if arg == nil {
		return 0, false
	}
	switch v := arg.Value; v.Kind {
	case ast.ListValue:
		return len(v.Children), true
	case ast.Variable:
		switch list := m.vars[v.Raw].(type) {
		case []any:
			return len(list), true
		case nil:
			return 0, false
		}
		return 1, true
	case ast.NullValue:
		return 0, false
	}
	return 1, true
}

// listSize is what a list of the named type without a page size counts as: the largest
// fan-out of the data for lists of nodes and relationships, a small one for lists of
// values (names, dates, citations).
func (m *costModel) listSize(elem string) int {
	if t := m.schema.Types[elem]; t == nil || t.Kind == ast.Scalar || t.Kind == ast.Enum || smallListTypes[elem] {
		return m.limits.SmallListSize
	}
	return m.limits.ListSize
}

// smallListTypes are the object types that come in lists of a few: a record's aliases
// and citations.
var smallListTypes = map[string]bool{"Alias": true, "Citation": true}

// intValue reads an Int literal or variable; a value that is not one (validation will
// say so) counts as unknown.
func (m *costModel) intValue(v *ast.Value) (int, bool) {
	if v == nil {
		return 0, false
	}
	raw := any(v.Raw)
	switch v.Kind {
	case ast.IntValue:
	case ast.Variable:
		raw = m.vars[v.Raw]
	default:
		return 0, false
	}
	var n int64
	var err error
	switch x := raw.(type) {
	case string:
		n, err = strconv.ParseInt(x, 10, 64)
	case json.Number:
		n, err = x.Int64()
	case float64:
		n = int64(x)
	case int:
		n = int64(x)
	case int64:
		n = x
	default:
		return 0, false
	}
	if err != nil {
		return 0, false
	}
	return int(min(max(n, 0), costCap)), true
}

// introspectionSizes maps "__Type.fields" and the like to the number of items that
// introspection list returns in this schema (on average per parent).
type introspectionSizes map[string]int

func measureIntrospection(s *ast.Schema) introspectionSizes {
	types := len(s.Types)
	var fields, args, enumValues, inputFields, interfaces, possible int
	for _, t := range s.Types {
		switch t.Kind {
		case ast.Object, ast.Interface:
			fields += len(t.Fields)
			for _, f := range t.Fields {
				args += len(f.Arguments)
			}
		case ast.Enum:
			enumValues += len(t.EnumValues)
		case ast.InputObject:
			inputFields += len(t.Fields)
		}
		interfaces += len(t.Interfaces)
		possible += len(s.PossibleTypes[t.Name])
	}
	dirArgs := 0
	for _, d := range s.Directives {
		dirArgs += len(d.Arguments)
	}
	avg := func(total, n int) int { return max(1, (total+n-1)/max(n, 1)) }
	return introspectionSizes{
		"__Schema.types":        types,
		"__Schema.directives":   len(s.Directives),
		"__Type.fields":         avg(fields, types),
		"__Type.inputFields":    avg(inputFields, types),
		"__Type.enumValues":     avg(enumValues, types),
		"__Type.interfaces":     avg(interfaces, types),
		"__Type.possibleTypes":  avg(possible, types),
		"__Field.args":          avg(args, fields),
		"__Directive.args":      avg(dirArgs, len(s.Directives)),
		"__Directive.locations": 4,
	}
}
