package graph

// The shapes of root results the planner knows how to look into: nodes, connections,
// search hits and the analytics results.

import (
	"slices"

	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/graph/model"
)

// value plans below a resolver's result, whatever its shape.
func (p *planner) value(v any, sel ast.SelectionSet) {
	switch v := v.(type) {
	case atlas.Node:
		if !isNil(v) {
			p.nodes = append(p.nodes, nodeSel{v, sel})
		}
	case []atlas.Node:
		for _, n := range v {
			if !isNil(n) {
				p.nodes = append(p.nodes, nodeSel{n, sel})
			}
		}
	case []atlas.Edge:
		p.edges(v, sel)
	case *atlas.Edge:
		p.edges([]atlas.Edge{*v}, sel)
	case []atlas.ReportedCount:
		for i := range v {
			p.nodes = append(p.nodes, nodeSel{&v[i], sel})
		}
	case *model.GroupConnection:
		connection(p, sel, "Group", v.Nodes, v.Edges, func(e *model.GroupEdge) *atlas.Group { return &e.Node })
	case *model.PersonConnection:
		connection(p, sel, "Person", v.Nodes, v.Edges, func(e *model.PersonEdge) *atlas.Person { return &e.Node })
	case *model.OfficeConnection:
		connection(p, sel, "Office", v.Nodes, v.Edges, func(e *model.OfficeEdge) *atlas.Office { return &e.Node })
	case *model.PositionConnection:
		connection(p, sel, "Position", v.Nodes, v.Edges, func(e *model.PositionEdge) *atlas.Position { return &e.Node })
	case *model.InstitutionConnection:
		connection(p, sel, "Institution", v.Nodes, v.Edges, func(e *model.InstitutionEdge) *atlas.Institution { return &e.Node })
	case *model.SourceConnection:
		connection(p, sel, "Source", v.Nodes, v.Edges, func(e *model.SourceEdge) *atlas.Source { return &e.Node })
	case *model.GroupSeries:
		for _, f := range p.fields(sel, "GroupSeries") {
			if f.Name == "reportedCounts" {
				p.value(v.ReportedCounts, f.Selections)
			}
		}
	case []atlas.SearchHit:
		for _, f := range p.fields(sel, "SearchHit") {
			if f.Name == "node" {
				for _, h := range v {
					p.nodes = append(p.nodes, nodeSel{h.Node, f.Selections})
				}
			}
		}
	case []analytics.Score:
		for _, f := range p.fields(sel, "CentralityScore") {
			if f.Name == "node" {
				for _, s := range v {
					p.nodes = append(p.nodes, nodeSel{s.Node, f.Selections})
				}
			}
		}
	case *analytics.Subgraph:
		p.graph(v.Nodes, v.Relations, v.Derived, sel, "Subgraph")
	case *analytics.Frames:
		for _, f := range p.fields(sel, "NetworkFrames") {
			if f.Name == "network" {
				p.graph(v.Network.Nodes, v.Network.Relations, v.Network.Derived, f.Selections, "Subgraph")
			}
		}
	case *analytics.PathSet:
		for _, f := range p.fields(sel, "PathSet") {
			if f.Name == "paths" {
				for _, path := range v.Paths {
					p.graph(path.Nodes, path.Relations, nil, f.Selections, "Path")
				}
			}
		}
	case []analytics.CoMember:
		p.coMembers(v, sel)
	case []analytics.Event:
		p.timeline(v, sel)
	}
}

func connection[N any, E any, P interface {
	*N
	atlas.Node
}](p *planner, sel ast.SelectionSet, typ string, nodes []N, edges []E, node func(*E) P) {
	for _, f := range p.fields(sel, typ+"Connection") {
		switch f.Name {
		case "nodes":
			p.nodes = slices.Grow(p.nodes, len(nodes))
			for i := range nodes {
				p.nodes = append(p.nodes, nodeSel{P(&nodes[i]), f.Selections})
			}
		case "edges":
			for _, ef := range p.fields(f.Selections, typ+"Edge") {
				if ef.Name == "node" {
					for i := range edges {
						p.nodes = append(p.nodes, nodeSel{node(&edges[i]), ef.Selections})
					}
				}
			}
		}
	}
}

// graph plans a subgraph or a path: its nodes, and its relationships as the resolver
// turns them into edges.
func (p *planner) graph(nodes []atlas.Node, rels []atlas.Relation, derived []atlas.Edge, sel ast.SelectionSet, typ string) {
	for _, f := range p.fields(sel, typ) {
		switch f.Name {
		case "nodes":
			for _, n := range nodes {
				p.nodes = append(p.nodes, nodeSel{n, f.Selections})
			}
		case "relationships":
			asOf, _ := p.root.Args["asOf"].(*atlas.PartialDate)
			during, _ := p.root.Args["during"].(*atlas.Period)
			tiers, _ := p.root.Args["tiers"].([]atlas.SourceTier)
			p.edges(append(analyticsEdges(rels, atlas.When{AsOf: asOf, During: during}, tiers), derived...), f.Selections)
		}
	}
}

func (p *planner) coMembers(cms []analytics.CoMember, sel ast.SelectionSet) {
	for _, f := range p.fields(sel, "CoMember") {
		for _, cm := range cms {
			switch f.Name {
			case "person":
				p.nodes = append(p.nodes, nodeSel{cm.Person, f.Selections})
			case "groups":
				for _, gf := range p.fields(f.Selections, "SharedGroup") {
					for _, g := range cm.Groups {
						switch gf.Name {
						case "group":
							p.nodes = append(p.nodes, nodeSel{g.Group, gf.Selections})
						case "personSeats":
							p.edges(g.PersonSeats, gf.Selections)
						case "coMemberSeats":
							p.edges(g.CoMemberSeats, gf.Selections)
						}
					}
				}
			}
		}
	}
}

func (p *planner) timeline(events []analytics.Event, sel ast.SelectionSet) {
	self, _ := p.root.Args["id"].(string)
	for _, f := range p.fields(sel, "TimelineEvent") {
		for _, ev := range events {
			switch f.Name {
			case "other":
				if ev.Other != nil {
					p.nodes = append(p.nodes, nodeSel{ev.Other, f.Selections})
				}
			case "relationship":
				if ev.Relation != nil {
					p.edges(atlas.EdgesFrom(self, []atlas.Relation{*ev.Relation}, nil), f.Selections)
				}
			case "sources":
				p.citations(ev.Sources, f.Selections)
			}
		}
	}
}
