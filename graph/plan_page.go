package graph

// Planning the first level before the nodes it starts from are read: the relationships
// every node of a list's page, or of a root field's ids, will be asked for depend on the
// query alone, not on which nodes those are, so a store for which each call is a round
// trip (Neo4j) reads the nodes and that level in one statement (loader.List,
// loader.NodesWithRelations). The planner that runs once the nodes are in hand (planned)
// then finds that level in the cache.

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
)

// pageAsks returns what the planner will ask of each node of kind in the page of the list
// field being resolved, their ids left empty, and the properties the far ends are read
// with; nothing when the field is not a connection of kind or selects no relationships.
func pageAsks(ctx context.Context, kind atlas.NodeKind) ([]loader.Ask, *loader.Next, *atlas.Projection) {
	fc, l := graphql.GetFieldContext(ctx), loader.From(ctx)
	typ := graphQLTypeOf(kind)
	if fc == nil || l == nil || !l.Batches() || fc.Field.Field == nil || fc.Field.Definition == nil || fc.Field.Definition.Type.Name() != typ+"Connection" {
		return nil, nil, nil
	}
	p := &planner{ctx: ctx, op: graphql.GetOperationContext(ctx), l: l, root: fc}
	var sels []ast.SelectionSet
	for _, f := range p.fields(fc.Field.Selections, typ+"Connection") {
		switch f.Name {
		case "nodes":
			sels = append(sels, f.Selections)
		case "edges":
			for _, ef := range p.fields(f.Selections, typ+"Edge") {
				if ef.Name == "node" {
					sels = append(sels, ef.Selections)
				}
			}
		}
	}
	asks, ends, below := p.levelAsks(kind, sels)
	next, ends := p.withNext(ends, below)
	return asks, next, ends
}

// nextLevel returns what the planner will ask of the nodes at the far ends of a level's
// relationships, selected below them with sels: a second level a store that batches reads
// with the list (loader.Next), when the nodes that select anything are of one kind (the
// people among a group's members); nil otherwise, and the planner asks it as usual.
func (p *planner) nextLevel(sels []ast.SelectionSet) (*loader.Next, *atlas.Projection) {
	var next *loader.Next
	var ends *atlas.Projection
	for _, kind := range atlas.NodeKinds {
		asks, e, _ := p.levelAsks(kind, sels)
		if len(asks) == 0 {
			continue
		}
		if next != nil {
			return nil, nil
		}
		next, ends = &loader.Next{Kinds: []atlas.NodeKind{kind}, Asks: asks}, e
	}
	return next, ends
}

// rootAsks is pageAsks for a root field that names its nodes (nodes(ids:), node(id:),
// group(id:)), all of kind: what the planner will ask of each of them, and of the far
// ends they lead to.
func rootAsks(ctx context.Context, kind atlas.NodeKind) ([]loader.Ask, *loader.Next, *atlas.Projection) {
	fc, l := graphql.GetFieldContext(ctx), loader.From(ctx)
	if fc == nil || l == nil || !l.Batches() || fc.Field.Field == nil {
		return nil, nil, nil
	}
	p := &planner{ctx: ctx, op: graphql.GetOperationContext(ctx), l: l, root: fc}
	asks, ends, below := p.levelAsks(kind, []ast.SelectionSet{fc.Field.Selections})
	next, ends := p.withNext(ends, below)
	return asks, next, ends
}

// withNext returns the next level below a level's asks (nextLevel), with the far ends'
// properties of both levels, ends being the first's.
func (p *planner) withNext(ends *atlas.Projection, below []ast.SelectionSet) (*loader.Next, *atlas.Projection) {
	next, nextEnds := p.nextLevel(below)
	if ends != nil && nextEnds != nil {
		ends = ends.Union(nextEnds)
	}
	return next, ends
}

// levelAsks returns what the planner will ask of each node of kind selected with sels,
// ids left empty, the properties the far ends are read with, and what the level selects
// of the nodes at those far ends (below each relationship's node).
func (p *planner) levelAsks(kind atlas.NodeKind, sels []ast.SelectionSet) ([]loader.Ask, *atlas.Projection, []ast.SelectionSet) {
	// A chairs field's first asks come from the loader's own chairs list (ChairNeeds), asked
	// for a node of kind that nothing is cached for: the same asks the planner makes for
	// each node of the level, by the one rule that makes them.
	unread := kind.IDPrefix() + "unread"
	typ := graphQLTypeOf(kind)
	var asks []loader.Ask
	var rels []relAsk
	var chairs []chairAsk
	for _, sel := range sels {
		if len(sel) == 0 {
			continue
		}
		fields := p.nodeFields(sel, typ)
		for i := range fields {
			nf := &fields[i]
			switch nf.kind {
			case relationsField:
				asks = append(asks, loader.Ask{Spec: nf.spec})
				rels = append(rels, relAsk{field: nf})
			case chairsField:
				needs, err := p.l.ChairNeeds(unread, nf.when, nf.mode, nf.tiers...)
				if err != nil {
					continue // its resolver meets the error and reports it
				}
				for _, n := range needs {
					n.ID = ""
					asks = append(asks, n)
				}
				chairs = append(chairs, chairAsk{field: nf})
			}
		}
	}
	if len(asks) == 0 {
		return nil, nil, nil
	}
	var below []ast.SelectionSet
	for _, sel := range append(relSels(rels), chairSels(chairs)...) {
		for _, f := range p.fields(sel, "Relationship") {
			if f.Name == "node" && len(f.Selections) > 0 {
				below = append(below, f.Selections)
			}
		}
	}
	return asks, p.endsProjection(rels, chairs), below
}

func relSels(rels []relAsk) []ast.SelectionSet {
	out := make([]ast.SelectionSet, len(rels))
	for i, a := range rels {
		out[i] = a.field.f.Selections
	}
	return out
}

func chairSels(chairs []chairAsk) []ast.SelectionSet {
	out := make([]ast.SelectionSet, len(chairs))
	for i, a := range chairs {
		out[i] = a.field.f.Selections
	}
	return out
}
