package graph

// Projections: what a query reads of the nodes it selects, so a store that pays for every
// property it returns (Neo4j) returns only those (atlas.Projection). The planner reads
// each level's nodes with the union of what that level selects; a list reads its page
// with what its connection selects; a resolver handed a partial node from the cache is
// checked against what its own selection reads (loader.SetNeeds).

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
)

// plainFields are fields whose generated code returns one stored property of the node
// as it is (or null when empty), taking no arguments: selecting one needs only that
// property. Every other field of a node reads the whole node, unless it reads nothing of
// it but its id (relationship fields, by relationFields, chairs and relationships).
var plainFields = map[string]bool{"name": true, "nameZh": true, "title": true, "titleZh": true, "kind": true}

// selectionProjection returns what the fields sel selects on a node of kind read of it,
// and its label: nil (the whole node) unless each is __typename, id, label, a plain field
// or a relationship field.
func selectionProjection(op *graphql.OperationContext, sel ast.SelectionSet, kind atlas.NodeKind) *atlas.Projection {
	if op == nil {
		return nil
	}
	typ := graphQLTypeOf(kind)
	// The label always: it is one short string, lists are sorted by it, and a node met
	// again deeper in the query (a listed group a membership points back to) is then
	// usually covered already, where a narrower projection would cost a read more.
	props := []string{atlas.LabelProperty(kind)}
	for _, f := range graphql.CollectFields(op, sel, []string{typ, "Node", "GraphNode", "_Entity"}) {
		_, isRelation := relationFields[fieldKey{typ, f.Name}]
		switch {
		case f.Name == "__typename" || f.Name == "id":
		case f.Name == "label":
			props = append(props, atlas.LabelProperty(kind))
		case plainFields[f.Name] && len(f.Arguments) == 0:
			props = append(props, f.Name)
		case isRelation || f.Name == "chairs" || f.Name == "relationships":
		default:
			return nil
		}
	}
	return atlas.NewProjection(props...)
}

// newNodeNeeds returns nodeNeeds for one operation (loader.SetNeeds): what the field
// being resolved in ctx reads of the node id it returns, the projection of its
// selection. A resolver handed a partial node asks it for every node it resolves, so
// the answer is kept per selection and kind: working it out allocates.
func newNodeNeeds() func(ctx context.Context, id string) *atlas.Projection {
	type key struct {
		sel  selKey
		kind atlas.NodeKind
	}
	var mu sync.Mutex
	memo := map[key]*atlas.Projection{}
	return func(ctx context.Context, id string) *atlas.Projection {
		fc := graphql.GetFieldContext(ctx)
		kind, err := atlas.KindOfID(id)
		if fc == nil || fc.Field.Field == nil || err != nil {
			return nil
		}
		sel := fc.Field.Selections
		k := key{kind: kind}
		if len(sel) > 0 {
			k.sel = selKey{first: &sel[0], n: len(sel)}
		}
		mu.Lock()
		p, ok := memo[k]
		mu.Unlock()
		if !ok {
			p = selectionProjection(graphql.GetOperationContext(ctx), sel, kind)
			mu.Lock()
			memo[k] = p
			mu.Unlock()
		}
		return p
	}
}

// levelProjection is the union of what the nodes asked for at one level of the plan read
// of them, nil (whole nodes) when the store cannot project or some node needs all of it.
func (p *planner) levelProjection(ids []idSel) *atlas.Projection {
	if !p.l.Projects() || len(ids) == 0 {
		return nil
	}
	var union *atlas.Projection
	for i, x := range ids {
		kind, err := atlas.KindOfID(x.id)
		if err != nil {
			return nil
		}
		proj := p.projectionOf(x.sel, kind)
		if proj == nil {
			return nil
		}
		if i == 0 {
			union = proj
		} else {
			union = union.Union(proj)
		}
	}
	return union
}

// projectionOf is selectionProjection, kept for the operation's plan: a level asks it
// for every node, with the few selections the query has.
func (p *planner) projectionOf(sel ast.SelectionSet, kind atlas.NodeKind) *atlas.Projection {
	key := selKey{typ: graphQLTypeOf(kind)}
	if len(sel) > 0 {
		key.first, key.n = &sel[0], len(sel)
	}
	proj, ok := p.projections[key]
	if !ok {
		proj = selectionProjection(p.op, sel, kind)
		if p.projections == nil {
			p.projections = map[selKey]*atlas.Projection{}
		}
		p.projections[key] = proj
	}
	return proj
}

// listProjection is what a list field (a connection of nodes of kind) being resolved in
// ctx reads of the nodes of its page; nil (whole nodes) when the store cannot project.
func listProjection(ctx context.Context, kind atlas.NodeKind) *atlas.Projection {
	l, fc := loader.From(ctx), graphql.GetFieldContext(ctx)
	if l == nil || !l.Projects() || fc == nil || fc.Field.Field == nil {
		return nil
	}
	op, typ := graphql.GetOperationContext(ctx), graphQLTypeOf(kind)
	if fc.Field.Definition == nil || fc.Field.Definition.Type.Name() != typ+"Connection" {
		return nil
	}
	var union *atlas.Projection
	first := true
	add := func(sel ast.SelectionSet) bool {
		proj := selectionProjection(op, sel, kind)
		if proj == nil {
			return false
		}
		if first {
			union, first = proj, false
		} else {
			union = union.Union(proj)
		}
		return true
	}
	for _, f := range graphql.CollectFields(op, fc.Field.Selections, []string{typ + "Connection"}) {
		switch f.Name {
		case "__typename", "pageInfo", "totalCount":
		case "nodes":
			if !add(f.Selections) {
				return nil
			}
		case "edges":
			for _, ef := range graphql.CollectFields(op, f.Selections, []string{typ + "Edge"}) {
				switch ef.Name {
				case "__typename", "cursor":
				case "node":
					if !add(ef.Selections) {
						return nil
					}
				default:
					return nil
				}
			}
		default:
			return nil
		}
	}
	if first { // no node selected: the page is read for its count and cursors
		return atlas.NewProjection()
	}
	return union
}

// endsProjection is what the relationships a level asks for (rels, chairs) read of the
// nodes at their far ends: the union, over the kinds those ends may be of, of what the
// fields node, from, to and via select. A selection is read for the kinds its asks'
// relationships may lead to (atlas.FarKinds; for chairs, those of CHAIRS, positions and
// so a derived chair's via among them) and the asking nodes' own (from and to name both
// ends), not for every kind, which was a tenth of a varied query's planning. nil when
// the store cannot project, or reads no far ends with the relationships (a store that
// does not batch: the next level reads them), when some selection needs whole nodes, or
// when none selects a far end.
func (p *planner) endsProjection(rels []relAsk, chairs []chairAsk) *atlas.Projection {
	if !p.l.Projects() || !p.l.Batches() {
		return nil
	}
	type selKinds struct {
		sel   ast.SelectionSet
		kinds map[atlas.NodeKind]bool
	}
	var order []*selKinds
	bySel := map[*ast.Selection]*selKinds{}
	add := func(sel ast.SelectionSet, self string, far []atlas.NodeKind) {
		if len(sel) == 0 {
			return
		}
		sk := bySel[&sel[0]]
		if sk == nil {
			sk = &selKinds{sel: sel, kinds: map[atlas.NodeKind]bool{}}
			bySel[&sel[0]] = sk
			order = append(order, sk)
		}
		for _, k := range far {
			sk.kinds[k] = true
		}
		if k, err := atlas.KindOfID(self); err == nil {
			sk.kinds[k] = true
		}
	}
	for _, a := range rels {
		add(a.field.f.Selections, a.id, atlas.FarKinds(a.field.spec.Types, a.field.spec.Direction))
	}
	for _, a := range chairs {
		add(a.field.f.Selections, a.id, chairsFarKinds)
	}
	var union *atlas.Projection
	for _, sk := range order {
		for _, f := range p.fields(sk.sel, "Relationship") {
			switch f.Name {
			case "node", "from", "to", "via":
			default:
				continue
			}
			for _, kind := range atlas.NodeKinds {
				if !sk.kinds[kind] {
					continue
				}
				proj := p.projectionOf(f.Selections, kind)
				if proj == nil {
					return nil
				}
				if union == nil {
					union = proj
				} else {
					union = union.Union(proj)
				}
			}
		}
	}
	return union
}

// chairsFarKinds are the kinds at the far end of a chairs list's edges, through either
// end of CHAIRS; they include positions, a derived chair's via.
var chairsFarKinds = atlas.FarKinds([]atlas.RelType{atlas.Chairs}, atlas.Both)
