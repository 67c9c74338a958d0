package graph

// Planning below relationships and citations: the nodes at the ends of each relationship,
// the sources cited, and the stored facts behind a derived chair.

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/atlas"
)

// citationsBelow plans the sources of cs, cited by the sources field of an object of type
// typ (a claim, an identifier, a date claim) selected with sel.
func (p *planner) citationsBelow(cs []atlas.Citation, sel ast.SelectionSet, typ string) {
	if len(cs) == 0 {
		return
	}
	for _, f := range p.fields(sel, typ) {
		if f.Name == "sources" {
			p.citations(cs, f.Selections)
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
		case "dateClaims":
			for _, dc := range e.DateClaims {
				p.citationsBelow(dc.Sources, f.Selections, "DateClaim")
			}
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

// supportConnection plans below a page of supports, as a Source.supports connection
// selects them: the node, relationship or claim each support is of.
func (p *planner) supportConnection(supports []atlas.Support, sel ast.SelectionSet) {
	for _, f := range p.fields(sel, "SupportConnection") {
		switch f.Name {
		case "nodes":
			p.supports(supports, f.Selections)
		case "edges":
			for _, ef := range p.fields(f.Selections, "SupportEdge") {
				if ef.Name == "node" {
					p.supports(supports, ef.Selections)
				}
			}
		}
	}
}

func (p *planner) supports(supports []atlas.Support, sel ast.SelectionSet) {
	for _, f := range p.fields(sel, "Support") {
		for _, s := range supports {
			switch {
			case f.Name == "node" && !isNil(s.Node):
				p.nodes = append(p.nodes, nodeSel{s.Node, f.Selections})
			case f.Name == "relationship" && s.Relation != nil:
				p.edges([]atlas.Edge{supportEdge(s.Relation)}, f.Selections)
			case f.Name == "claim" && s.Claim != nil:
				p.citationsBelow(s.Claim.Sources, f.Selections, "PropertyClaim")
			}
		}
	}
}
