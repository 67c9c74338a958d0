package graph

// Planning the fields of a node: what each selected field of a node type reads, worked
// out once per selection and type from the schema (planSchema) and the field's typed
// arguments, then asked for every node of the level.

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
)

// nodeField is what the planner makes of one field selected on a node type, worked out
// once per selection and type rather than once per node.
type nodeField struct {
	kind  nodeFieldKind
	spec  loader.Spec // relationship fields
	when  atlas.When
	mode  atlas.DerivedChairs // chairs
	tiers []atlas.SourceTier  // chairs
	// supports is the store arguments of a Source.supports field.
	supports loader.SupportArgs
	// supportsSel is what a supports field selects; nil when it asks for no supports.
	supportsSel ast.SelectionSet
	// properties are the properties a claims field asks for; all when empty.
	properties []atlas.PropertyName
	f          graphql.CollectedField
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
	claimsField
	identifiersField
)

type selKey struct {
	first *ast.Selection
	n     int
	typ   string
}

// inHandFields are the fields of node types whose reads start from data the node holds:
// the sources its citations, aliases, claims and identifiers cite, and the work a source
// is read through. The fields that read relationships and supports come from the schema
// (planSchema); these hold Go data the schema does not describe.
var inHandFields = map[string]nodeFieldKind{
	"sources": sourcesField, "aliases": aliasesField, "claims": claimsField, "identifiers": identifiersField,
	"dateSources": dateSourcesField, "citedVia": citedViaField,
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
		if r, reads := planSchema().reads[fieldKey{typ, f.Name}]; reads {
			if r.connection {
				// A connection reads its list field's list; the relationships sit below
				// nodes and edges.node.
				nf.f.Selections = p.connectionSelections(f.Selections)
			}
			if !p.readField(typ, r, f, &nf) {
				continue
			}
		} else if kind, ok := inHandFields[f.Name]; ok {
			nf.kind = kind
			if kind == claimsField {
				args, _ := p.argsOf(typ, f)
				nf.properties = arg[[]atlas.PropertyName](args, "property")
			}
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
	typ := graphQLTypeOf(n.NodeKind())
	fields := p.nodeFields(sel, typ)
	for i := range fields {
		nf := &fields[i]
		f := nf.f
		switch nf.kind {
		case relationsField:
			p.relAsks = append(p.relAsks, relAsk{n.NodeID(), nf})
		case chairsField:
			p.chairAsks = append(p.chairAsks, chairAsk{n.NodeID(), nf})
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
		case claimsField:
			for _, c := range atlas.SelectClaims(n, nf.properties) {
				p.citationsBelow(c.Sources, f.Selections, "PropertyClaim")
			}
		case identifiersField:
			for _, id := range atlas.IdentifiersOf(n) {
				p.citationsBelow(id.Sources, f.Selections, "ExternalIdentifier")
			}
		case supportsField:
			p.supportAsks = append(p.supportAsks, supportAsk{n.NodeID(), nf.supports, nf.supportsSel})
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
