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

// mayRead reports whether anything in sel, at any depth, may read through the loader,
// so that a query that reads nothing below its root (a plain list) costs no planning.
// It looks at the fields planSchema derives from the schema, so it may say yes needlessly
// (a node a result holds in hand), never no wrongly.
func mayRead(sel ast.SelectionSet) bool {
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			if s.ObjectDefinition == nil || planSchema().mayRead[fieldKey{s.ObjectDefinition.Name, s.Name}] || mayRead(s.SelectionSet) {
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
	// ec and quiet let gqlgen's generated code coerce the arguments of the fields
	// planned (argsOf); made on first use.
	ec    *executionContext
	quiet context.Context

	// What the current level holds, and what the next one will.
	ids       []idSel
	nodes     []nodeSel
	relAsks   []relAsk
	chairAsks []chairAsk
	// supportAsks are Source.supports fields; their pages are fetched, then planned
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
	// relAsk and chairAsk point at the field as nodeFields collected it, once per
	// selection: a level asks it of every node, and a copy of its spec per node was the
	// largest thing planning a page allocated.
	relAsk struct {
		id    string
		field *nodeField
	}
	supportAsk struct {
		source string
		args   loader.SupportArgs
		// sel is what the field selects on its connection; nil for `first: 0`,
		// whose connection holds no supports.
		sel ast.SelectionSet
	}
	chairAsk struct {
		id    string
		field *nodeField // its when, mode and tiers, so the join is the one its resolver asks for
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
	// A chairs list's first round asks at most two things of its node (a person's
	// chairs and posts), so the level's asks fit without growing.
	asks := make([]loader.Ask, len(rels), len(rels)+2*len(chairsAsks))
	for i, a := range rels {
		asks[i] = loader.Ask{ID: a.id, Spec: a.field.spec}
	}
	// A chairs list's own relationships are known before anything is read: they are
	// asked with the level's, so a store that batches (Neo4j) reads them together.
	for _, a := range chairsAsks {
		n, err := p.l.ChairNeeds(a.id, a.field.when, a.field.mode, a.field.tiers...)
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
			n, err := p.l.ChairNeeds(a.id, a.field.when, a.field.mode, a.field.tiers...)
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
		edges, err := p.l.Edges(p.ctx, a.id, a.field.spec)
		if err != nil {
			return err
		}
		p.edges(edges, a.field.f.Selections)
	}
	for _, a := range chairsAsks {
		edges, err := p.l.Chairs(p.ctx, a.id, a.field.when, a.field.mode, nil, false, a.field.tiers...)
		if err != nil {
			return err
		}
		p.edges(edges, a.field.f.Selections)
	}
	return nil
}

// fetchSupports reads the supports pages this level asks for, one store call per set of
// arguments, then plans below the supports they hold.
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
	pages := map[string]map[string]atlas.SupportPage{}
	for _, args := range order {
		k := fmt.Sprint(args)
		got, err := p.l.PrefetchSupports(p.ctx, args, byArgs[k])
		if err != nil {
			return err
		}
		pages[k] = map[string]atlas.SupportPage{}
		for i, source := range byArgs[k] {
			pages[k][source] = got[i]
		}
	}
	for _, a := range asks {
		if a.sel != nil {
			p.supportConnection(pages[fmt.Sprint(a.args)][a.source].Supports, a.sel)
		}
	}
	return nil
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

// isNil reports whether n is nil or a typed nil pointer (a root field that found nothing).
func isNil(n atlas.Node) bool {
	return n == nil || reflect.ValueOf(n).IsNil()
}
