package graph

// The query planner. When a root resolver has its result, planned looks ahead at the
// query below it and fetches, level by level and for all the items of a level at once,
// what the resolvers of the next levels will ask for: relationships of each requested
// type, direction, role and asOf, then the nodes at their other ends. It fills the
// request's loader cache, so the resolvers that follow find their data there. A level
// costs one store call per kind of ask, whatever the length of its lists, and nothing
// waits: no timer, no window to collect keys in. A field the planner does not model is
// still answered, by its resolver reading for itself (a miss, which the tests count).

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
)

// planned runs the planner below v, the result of the root field being resolved, and
// returns v: every root resolver ends with it, so the whole query is planned before any
// nested resolver runs.
func planned[T any](ctx context.Context, v T, err error) (T, error) {
	if err != nil {
		return v, err
	}
	fc, l := graphql.GetFieldContext(ctx), loader.From(ctx)
	if fc == nil || l == nil || !mayRead(fc.Field.Selections) {
		return v, nil
	}
	p := &planner{ctx: ctx, op: graphql.GetOperationContext(ctx), l: l, root: fc}
	p.value(any(v), fc.Field.Selections)
	// A failed read is left to the resolvers, which meet it again and report it where
	// it belongs.
	_ = p.run()
	return v, nil
}

// readingFields are the names of the fields whose resolvers read through the loader.
var readingFields = func() map[string]bool {
	names := map[string]bool{"chairs": true, "relationships": true, "source": true, "citedVia": true, "supports": true,
		"node": true, "from": true, "to": true, "via": true}
	for k := range relationFields {
		names[k.field] = true
	}
	return names
}()

// mayRead reports whether anything in sel, at any depth, may read through the loader,
// so that a query that reads nothing below its root (a plain list) costs no planning.
// It looks at names only, so it may say yes needlessly, never no wrongly.
func mayRead(sel ast.SelectionSet) bool {
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			if readingFields[s.Name] || mayRead(s.SelectionSet) {
				return true
			}
		case *ast.InlineFragment:
			if mayRead(s.SelectionSet) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || mayRead(s.Definition.SelectionSet) {
				return true
			}
		}
	}
	return false
}

// planEntities plans a federation _entities request once for all its representations:
// gqlgen resolves them one by one, so the first to arrive reads every entity with one
// call and plans below them all; the others wait for that work and find their data.
func planEntities(ctx context.Context) {
	fc, l := graphql.GetFieldContext(ctx), loader.From(ctx)
	if fc == nil || l == nil || fc.Field.Name != "_entities" {
		return
	}
	l.Once(fc.Field.Field, func() {
		reps, _ := fc.Args["representations"].([]map[string]any)
		ids := make([]string, 0, len(reps))
		qids := map[atlas.NodeKind][]string{}
		for _, rep := range reps {
			if id, ok := rep["id"].(string); ok {
				if _, err := atlas.KindOfID(id); err == nil {
					ids = append(ids, id)
				}
			} else if qid, ok := rep["wikidata"].(string); ok {
				if typename, _ := rep["__typename"].(string); typename != "" {
					kind := atlas.NodeKind(strings.ToUpper(typename))
					qids[kind] = append(qids[kind], qid)
				}
			}
		}
		for _, kind := range atlas.NodeKinds { // in a fixed order, one search per kind
			if len(qids[kind]) > 0 {
				_ = l.PrefetchWikidata(ctx, kind, qids[kind]) // an error meets its resolver again
			}
		}
		nodes, err := l.NodesNow(ctx, ids)
		_, _ = planned(ctx, nodes, err)
	})
}

type planner struct {
	ctx  context.Context
	op   *graphql.OperationContext
	l    *loader.Loaders
	root *graphql.FieldContext

	// What the current level holds, and what the next one will.
	ids       []idSel
	nodes     []nodeSel
	relAsks   []relAsk
	chairAsks []chairAsk
	// supportAsks are Source.supports fields; their pages are fetched but not planned
	// below (what a support points at is read by its own resolvers).
	supportAsks []supportAsk
	held        []atlas.Node // nodes visited but not yet primed into the cache
	cache       map[selKey][]nodeField
	collected   map[selKey][]graphql.CollectedField
	projections map[selKey]*atlas.Projection // what a selection reads of a node (projection.go)
}

type (
	idSel struct {
		id  string
		sel ast.SelectionSet
	}
	nodeSel struct {
		n   atlas.Node
		sel ast.SelectionSet
	}
	relAsk struct {
		id   string
		spec loader.Spec
		sel  ast.SelectionSet
	}
	supportAsk struct {
		source string
		args   loader.SupportArgs
	}
	chairAsk struct {
		id   string
		when atlas.When
		mode atlas.DerivedChairs
		sel  ast.SelectionSet
	}
)

// run resolves level after level until the query has no more levels below.
func (p *planner) run() error {
	for len(p.ids) > 0 || len(p.nodes) > 0 {
		if len(p.ids) > 0 {
			// Nodes already at hand (a listed group a membership points back to) need
			// no read; priming is left until a read is due, so a query with one level
			// pays nothing for it.
			p.l.Prime(p.held...)
			p.held = p.held[:0]
			ids := make([]string, len(p.ids))
			for i, x := range p.ids {
				ids[i] = x.id
			}
			proj := p.levelProjection(p.ids)
			if err := p.l.PrefetchProjected(p.ctx, ids, proj); err != nil {
				return err
			}
			for _, x := range p.ids {
				if n, _ := p.l.CachedFor(x.id, proj); n != nil {
					p.nodes = append(p.nodes, nodeSel{n, x.sel})
				}
			}
			p.ids = nil
		}
		nodes := p.nodes
		p.nodes = nil
		for _, x := range nodes {
			if !isNil(x.n) {
				p.held = append(p.held, x.n)
			}
			p.node(x.n, x.sel)
		}
		if err := p.fetchAsks(); err != nil {
			return err
		}
	}
	return nil
}

// fetchAsks reads the relationships this level asks for, one store call per kind of
// ask, then visits the edges they make.
func (p *planner) fetchAsks() error {
	rels, chairsAsks := p.relAsks, p.chairAsks
	p.relAsks, p.chairAsks = nil, nil
	if err := p.fetchSupports(); err != nil {
		return err
	}
	asks := make([]loader.Ask, len(rels))
	for i, a := range rels {
		asks[i] = loader.Ask{ID: a.id, Spec: a.spec}
	}
	// A chairs list's own relationships are known before anything is read: they are
	// asked with the level's, so a store that batches (Neo4j) reads them together.
	for _, a := range chairsAsks {
		n, err := p.l.ChairNeeds(a.id, a.when, a.mode)
		if err != nil {
			return err
		}
		asks = append(asks, n...)
	}
	// The nodes the level's relationships lead to come back with them (projection.go).
	ends := p.endsProjection(rels, chairsAsks)
	if err := p.l.PrefetchAllWithEnds(p.ctx, asks, ends); err != nil {
		return err
	}
	// A chairs list reads its own relationships, then those of the positions it leads
	// through: at most two rounds, each batched over every chairs field of the level.
	for round := 0; round < 3 && len(chairsAsks) > 0; round++ {
		var needs []loader.Ask
		for _, a := range chairsAsks {
			n, err := p.l.ChairNeeds(a.id, a.when, a.mode)
			if err != nil {
				return err
			}
			needs = append(needs, n...)
		}
		if len(needs) == 0 {
			break
		}
		if err := p.l.PrefetchAllWithEnds(p.ctx, needs, ends); err != nil {
			return err
		}
	}
	for _, a := range rels {
		edges, err := p.l.Edges(p.ctx, a.id, a.spec)
		if err != nil {
			return err
		}
		p.edges(edges, a.sel)
	}
	for _, a := range chairsAsks {
		edges, err := p.l.Chairs(p.ctx, a.id, a.when, a.mode)
		if err != nil {
			return err
		}
		p.edges(edges, a.sel)
	}
	return nil
}

// fetchSupports reads the supports pages this level asks for, one store call per set of
// arguments.
func (p *planner) fetchSupports() error {
	asks := p.supportAsks
	p.supportAsks = nil
	byArgs := map[string][]string{}
	var order []loader.SupportArgs
	for _, a := range asks {
		k := fmt.Sprint(a.args)
		if _, ok := byArgs[k]; !ok {
			order = append(order, a.args)
		}
		byArgs[k] = append(byArgs[k], a.source)
	}
	for _, args := range order {
		if err := p.l.PrefetchSupports(p.ctx, args, byArgs[fmt.Sprint(args)]); err != nil {
			return err
		}
	}
	return nil
}

var typeNames = map[atlas.NodeKind]string{
	atlas.GroupNode: "Group", atlas.OfficeNode: "Office", atlas.InstitutionNode: "Institution", atlas.PositionNode: "Position",
	atlas.PersonNode: "Person", atlas.SourceNode: "Source", atlas.ReportedCountNode: "ReportedCount",
	atlas.StatementNode: "Statement", atlas.TopicNode: "Topic", atlas.DocumentNode: "Document",
}

// fields collects the fields of sel that apply to type typ, as the executor will.
// Cached: a level visits the same selection for every item.
func (p *planner) fields(sel ast.SelectionSet, typ string) []graphql.CollectedField {
	if len(sel) == 0 {
		return nil
	}
	key := selKey{&sel[0], len(sel), typ}
	if fields, ok := p.collected[key]; ok {
		return fields
	}
	fields := graphql.CollectFields(p.op, sel, []string{typ, "Node", "GraphNode", "_Entity"})
	if p.collected == nil {
		p.collected = map[selKey][]graphql.CollectedField{}
	}
	p.collected[key] = fields
	return fields
}

// nodeField is what the planner makes of one field selected on a node type, worked out
// once per selection and type rather than once per node.
type nodeField struct {
	kind nodeFieldKind
	spec loader.Spec // relationship fields
	when atlas.When
	mode atlas.DerivedChairs // chairs
	// supports is the store arguments of a Source.supports field.
	supports loader.SupportArgs
	f        graphql.CollectedField
}

type nodeFieldKind int

const (
	plainField nodeFieldKind = iota
	relationsField
	chairsField
	sourcesField
	aliasesField
	citedViaField
	supportsField
	dateSourcesField
)

type selKey struct {
	first *ast.Selection
	n     int
	typ   string
}

// nodeFields returns the planner's reading of sel on type typ, cached per request plan.
func (p *planner) nodeFields(sel ast.SelectionSet, typ string) []nodeField {
	key := selKey{&sel[0], len(sel), typ}
	if nf, ok := p.cache[key]; ok {
		return nf
	}
	var out []nodeField
	for _, f := range p.fields(sel, typ) {
		nf := nodeField{f: f}
		args := func() map[string]any { return f.ArgumentMap(p.op.Variables) }
		name := listField(f.Name)
		if name != f.Name {
			// A connection reads its list field's list; the relationships sit below
			// nodes and edges.node.
			f.Selections = p.connectionSelections(f.Selections)
			nf.f = f
		}
		switch rf, isRel := relationFields[fieldKey{typ, name}]; {
		case isRel:
			a := args()
			w, ok1 := p.whenArg(a)
			roles, ok2 := enumsArg[atlas.MemberRole](a["roles"])
			sources, ok3 := idsArg(a["sources"])
			relayed, _ := a["includeRelayed"].(bool)
			if ok1 && ok2 && ok3 {
				nf.kind, nf.spec = relationsField, rf.spec(w, roles, sources, relayed)
			}
		case name == "chairs":
			a := args()
			w, ok := p.whenArg(a)
			nf.mode = atlas.IncludeDerived
			if m, isStr := a["derived"].(string); isStr {
				nf.mode = atlas.DerivedChairs(m)
			}
			if ok {
				nf.kind, nf.when = chairsField, w
			}
		case name == "relationships":
			a := args()
			w, ok1 := p.whenArg(a)
			roles, ok2 := enumsArg[atlas.MemberRole](a["roles"])
			types, ok3 := enumsArg[atlas.RelType](a["types"])
			var dir *atlas.Direction
			if d, isStr := a["direction"].(string); isStr {
				dir = (*atlas.Direction)(&d)
			}
			sources, ok4 := idsArg(a["sources"])
			relayed, _ := a["includeRelayed"].(bool)
			if ok1 && ok2 && ok3 && ok4 {
				nf.kind, nf.spec = relationsField, relationshipsSpec(types, dir, roles, w, sources, relayed)
			}
		case typ == "Source" && f.Name == "supports":
			a := args()
			kinds, ok1 := enumsArg[atlas.SupportKind](a["kinds"])
			first, ok2 := intArg(a["first"])
			after, ok3 := a["after"].(string)
			if a["after"] == nil {
				ok3 = true
			}
			if ok1 && ok2 && ok3 {
				nf.kind, nf.supports = supportsField, supportArgs(kinds, first, &after)
			}
		case f.Name == "sources":
			nf.kind = sourcesField
		case f.Name == "aliases":
			nf.kind = aliasesField
		case f.Name == "dateSources":
			nf.kind = dateSourcesField
		case f.Name == "citedVia":
			nf.kind = citedViaField
		}
		if nf.kind != plainField {
			out = append(out, nf)
		}
	}
	if p.cache == nil {
		p.cache = map[selKey][]nodeField{}
	}
	p.cache[key] = out
	return out
}

// connectionSelections gathers what a relationship connection selects on its
// relationships: below nodes and below edges.node.
func (p *planner) connectionSelections(sel ast.SelectionSet) ast.SelectionSet {
	var out ast.SelectionSet
	for _, f := range p.fields(sel, "RelationshipConnection") {
		switch f.Name {
		case "nodes":
			out = append(out, f.Selections...)
		case "edges":
			for _, ef := range p.fields(f.Selections, "RelationshipEdge") {
				if ef.Name == "node" {
					out = append(out, ef.Selections...)
				}
			}
		}
	}
	return out
}

// node plans the fields selected on node n.
func (p *planner) node(n atlas.Node, sel ast.SelectionSet) {
	if len(sel) == 0 || isNil(n) {
		return
	}
	typ := typeNames[n.NodeKind()]
	for _, nf := range p.nodeFields(sel, typ) {
		f := nf.f
		switch nf.kind {
		case relationsField:
			p.relAsks = append(p.relAsks, relAsk{n.NodeID(), nf.spec, f.Selections})
		case chairsField:
			p.chairAsks = append(p.chairAsks, chairAsk{n.NodeID(), nf.when, nf.mode, f.Selections})
		case sourcesField:
			p.citations(n.Citations(), f.Selections)
		case aliasesField:
			for _, a := range atlas.AliasesOf(n) {
				for _, af := range p.fields(f.Selections, "Alias") {
					if af.Name == "source" && a.Source != "" {
						p.ids = append(p.ids, idSel{a.Source, af.Selections})
					}
				}
			}
		case supportsField:
			p.supportAsks = append(p.supportAsks, supportAsk{n.NodeID(), nf.supports})
		case dateSourcesField:
			if s, ok := n.(*atlas.Source); ok {
				p.citations(s.DateSources, f.Selections)
			}
		case citedViaField:
			if s, ok := n.(*atlas.Source); ok && s.CitedVia != "" {
				p.ids = append(p.ids, idSel{s.CitedVia, f.Selections})
			}
		}
	}
}

func (p *planner) citations(cs []atlas.Citation, sel ast.SelectionSet) {
	if len(cs) == 0 {
		return
	}
	for _, f := range p.fields(sel, "Citation") {
		if f.Name != "source" {
			continue
		}
		for _, c := range cs {
			if c.Source != "" {
				p.ids = append(p.ids, idSel{c.Source, f.Selections})
			}
		}
	}
}

func (p *planner) edges(es []atlas.Edge, sel ast.SelectionSet) {
	if len(sel) == 0 || len(es) == 0 {
		return
	}
	fields := p.fields(sel, "Relationship")
	for i := range es {
		p.edge(&es[i], fields)
	}
}

// edge plans the fields selected on relationship e.
func (p *planner) edge(e *atlas.Edge, fields []graphql.CollectedField) {
	for _, f := range fields {
		switch f.Name {
		case "node":
			p.ids = append(p.ids, idSel{e.OtherID(), f.Selections})
		case "from":
			p.ids = append(p.ids, idSel{e.From, f.Selections})
		case "to":
			p.ids = append(p.ids, idSel{e.To, f.Selections})
		case "via":
			if len(e.Derivations) > 0 {
				p.ids = append(p.ids, idSel{e.Derivations[0].Position, f.Selections})
			}
		case "sources":
			p.citations(e.Sources, f.Selections)
		case "withheld":
			p.citations(e.Withheld, f.Selections)
		case "derivedFrom":
			p.edges(derivedFrom(e), f.Selections)
		case "derivations":
			for _, d := range e.Derivations {
				for _, df := range p.fields(f.Selections, "Derivation") {
					switch df.Name {
					case "via":
						p.ids = append(p.ids, idSel{d.Position, df.Selections})
					case "holds":
						p.edges([]atlas.Edge{d.Holds}, df.Selections)
					case "chairs":
						p.edges([]atlas.Edge{d.Chairs}, df.Selections)
					}
				}
			}
		}
	}
}

// isNil reports whether n is nil or a typed nil pointer (a root field that found nothing).
func isNil(n atlas.Node) bool {
	return n == nil || reflect.ValueOf(n).IsNil()
}

// dateArg reads an optional date argument as the planner sees it (unparsed); ok is false
// for a malformed one, which the resolver will report.
func dateArg(v any) (*atlas.PartialDate, bool) {
	s, isStr := v.(string)
	if v == nil || !isStr {
		return nil, v == nil
	}
	d, err := atlas.ParseDate(s)
	if err != nil {
		return nil, false
	}
	return &d, true
}

// whenArg reads the asOf and during arguments of a field as the planner sees them; ok
// is false for malformed or conflicting ones, which the resolver will report.
func (p *planner) whenArg(a map[string]any) (atlas.When, bool) {
	asOf, ok := dateArg(a["asOf"])
	if !ok {
		return atlas.When{}, false
	}
	var during *atlas.Period
	if m, isMap := a["during"].(map[string]any); isMap {
		from, ok1 := dateArg(m["from"])
		to, ok2 := dateArg(m["to"])
		if !ok1 || !ok2 || from == nil || to == nil {
			return atlas.When{}, false
		}
		during = &atlas.Period{From: *from, To: *to}
	} else if a["during"] != nil {
		return atlas.When{}, false
	}
	knownBy, ok := dateArg(a["knownBy"])
	if !ok {
		return atlas.When{}, false
	}
	w, err := atlas.NewWhen(asOf, during)
	if err == nil {
		w.Known, err = p.l.KnownBy(p.ctx, knownBy)
	}
	return w, err == nil
}

// enumsArg reads an optional list of enum values; a single value counts as a list of one.
func enumsArg[T ~string](v any) ([]T, bool) {
	switch v := v.(type) {
	case nil:
		return nil, true
	case string:
		return []T{T(v)}, true
	case []any:
		out := make([]T, 0, len(v))
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, false
			}
			out = append(out, T(s))
		}
		return out, true
	}
	return nil, false
}

// idsArg reads an optional list of ids; a single id counts as a list of one.
func idsArg(v any) ([]string, bool) {
	return enumsArg[string](v)
}

// intArg reads an optional Int argument.
func intArg(v any) (*int, bool) {
	switch v := v.(type) {
	case nil:
		return nil, true
	case int64:
		n := int(v)
		return &n, true
	case int:
		return &v, true
	}
	return nil, false
}
