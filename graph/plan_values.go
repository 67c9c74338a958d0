package graph

// The shapes of root results the planner knows how to look into: nodes, connections,
// search hits and the analytics results.

import (
	"reflect"
	"slices"
	"strings"

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
		if v != nil {
			p.edges([]atlas.Edge{*v}, sel)
		}
	case *model.ClaimRecord:
		if v == nil {
			return
		}
		for _, f := range p.fields(sel, "ClaimRecord") {
			switch f.Name {
			case "node":
				p.value(v.Node, f.Selections)
			case "claim":
				p.citationsBelow(v.Claim.Sources, f.Selections, "PropertyClaim")
			}
		}
	case []atlas.ReportedCount:
		for i := range v {
			p.nodes = append(p.nodes, nodeSel{&v[i], sel})
		}
	case *model.RankingConnection:
		for _, f := range p.fields(sel, "RankingConnection") {
			switch f.Name {
			case "nodes":
				p.value(v.Nodes, f.Selections)
			case "edges":
				for _, ef := range p.fields(f.Selections, "RankingEdge") {
					if ef.Name == "node" {
						p.value(v.Nodes, ef.Selections)
					}
				}
			}
		}
	case []atlas.Conflict:
		for _, f := range p.fields(sel, "Conflict") {
			for _, c := range v {
				switch f.Name {
				case "node":
					p.ids = append(p.ids, idSel{c.Node, f.Selections})
				case "other":
					if c.Other != "" {
						p.ids = append(p.ids, idSel{c.Other, f.Selections})
					}
				case "first", "second":
					side := c.First
					if f.Name == "second" {
						side = c.Second
					}
					for _, sf := range p.fields(f.Selections, "ConflictSide") {
						switch sf.Name {
						case "sources":
							p.citations(side.Sources, sf.Selections)
						case "relationship":
							if side.Relation != nil {
								p.edges(atlas.EdgesFrom(side.Relation.From, []atlas.Relation{*side.Relation}, nil), sf.Selections)
							}
						}
					}
				}
			}
		}
	case []atlas.LineageBody:
		for _, f := range p.fields(sel, "LineageBody") {
			for _, b := range v {
				switch f.Name {
				case "group":
					p.nodes = append(p.nodes, nodeSel{b.Group, f.Selections})
				case "successions":
					p.edges(atlas.EdgesFrom(b.Group.ID, b.Successions, nil), f.Selections)
				}
			}
		}
	case *model.DevelopmentSet:
		for _, f := range p.fields(sel, "DevelopmentSet") {
			if f.Name != "developments" {
				continue
			}
			for _, df := range p.fields(f.Selections, "Development") {
				for _, d := range v.Developments {
					switch df.Name {
					case "node":
						p.nodes = append(p.nodes, nodeSel{d.Node, df.Selections})
					case "other":
						if d.Other != nil {
							p.nodes = append(p.nodes, nodeSel{d.Other, df.Selections})
						}
					case "relationship":
						if d.Relation != nil {
							p.edges(atlas.EdgesFrom(d.Node.NodeID(), []atlas.Relation{*d.Relation}, nil), df.Selections)
						}
					case "sources":
						p.citations(d.Sources, df.Selections)
					}
				}
			}
		}
	case []model.FragileFact:
		for _, f := range p.fields(sel, "FragileFact") {
			for _, x := range v {
				switch {
				case f.Name == "node":
					p.nodes = append(p.nodes, nodeSel{x.Node, f.Selections})
				case f.Name == "relationship" && x.Relationship != nil:
					p.edges([]atlas.Edge{*x.Relationship}, f.Selections)
				case f.Name == "claim" && x.Claim != nil:
					for _, cf := range p.fields(f.Selections, "PropertyClaim") {
						if cf.Name == "sources" {
							p.citations(x.Claim.Sources, cf.Selections)
						}
					}
				}
			}
		}
	case *model.GroupSeries:
		for _, f := range p.fields(sel, "GroupSeries") {
			if f.Name == "reportedCounts" {
				p.value(v.ReportedCounts, f.Selections)
			}
		}
	case *atlas.SearchResult:
		for _, f := range p.fields(sel, "SearchResult") {
			if f.Name == "hits" {
				p.value(v.Hits, f.Selections)
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
	default:
		p.nodeConnection(reflect.ValueOf(v), sel)
	}
}

// nodeConnection plans below a Relay connection of nodes, the generated models such as
// model.GroupConnection: gqlgen names a model after its GraphQL type, and the schema's
// connections hold their nodes in nodes and edges.node. Any connection of node kinds is
// planned alike, with no case per kind.
func (p *planner) nodeConnection(v reflect.Value, sel ast.SelectionSet) {
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return
	}
	conn := v.Elem()
	nodes, edges := conn.FieldByName("Nodes"), conn.FieldByName("Edges")
	if !strings.HasSuffix(conn.Type().Name(), "Connection") || nodes.Kind() != reflect.Slice || edges.Kind() != reflect.Slice {
		return
	}
	for _, f := range p.fields(sel, conn.Type().Name()) {
		switch f.Name {
		case "nodes":
			p.nodes = slices.Grow(p.nodes, nodes.Len())
			for i := range nodes.Len() {
				p.reflectedNode(nodes.Index(i), f.Selections)
			}
		case "edges":
			for _, ef := range p.fields(f.Selections, edges.Type().Elem().Name()) {
				if ef.Name != "node" {
					continue
				}
				for i := range edges.Len() {
					if edge := edges.Index(i); edge.Kind() == reflect.Struct {
						p.reflectedNode(edge.FieldByName("Node"), ef.Selections)
					}
				}
			}
		}
	}
}

// reflectedNode plans below x, a node held by value (atlas.Group) or as an atlas.Node.
func (p *planner) reflectedNode(x reflect.Value, sel ast.SelectionSet) {
	if !x.IsValid() {
		return
	}
	if x.Kind() != reflect.Interface && x.CanAddr() {
		x = x.Addr()
	}
	if n, ok := x.Interface().(atlas.Node); ok && !isNil(n) {
		p.nodes = append(p.nodes, nodeSel{n, sel})
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
			knownBy, _ := p.root.Args["knownBy"].(*atlas.PartialDate)
			tiers, _ := p.root.Args["tiers"].([]atlas.SourceTier)
			w := atlas.When{AsOf: asOf, During: during}
			w.Known, _ = p.l.KnownBy(p.ctx, knownBy)
			p.edges(append(analyticsEdges(rels, w, tiers), derived...), f.Selections)
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
				// As TimelineEventResolver.Relationship answers it: the chairs list's
				// edge for a chair (derived, with its post), else the event's relation.
				switch {
				case ev.Chair != nil:
					p.edges([]atlas.Edge{*ev.Chair}, f.Selections)
				case ev.Relation != nil:
					p.edges(atlas.EdgesFrom(self, []atlas.Relation{*ev.Relation}, nil), f.Selections)
				}
			case "sources":
				p.citations(ev.Sources, f.Selections)
			}
		}
	}
}
