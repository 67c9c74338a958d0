package graph

// What the planner knows of the schema, read from gqlgen's parsed schema rather than
// kept as a copy: which fields of the node types read relationships or supports (by
// their return type and their argument definitions), which field names may read at all,
// and the typed arguments of a field, coerced by gqlgen's own generated code exactly as
// the executor will coerce them for the resolver.

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
)

// readKind is how a field of a node type reads the store.
type readKind int

const (
	noRead readKind = iota
	// relationRead: a named relationship field (Group.members); relationFields says
	// which relationships it reads.
	relationRead
	// relationshipsRead: the generic relationships field, whose arguments choose the
	// types and direction.
	relationshipsRead
	// chairsRead: a chairs field, stored and derived chairs.
	chairsRead
	// supportsRead: Source.supports, a page of the facts a source supports.
	supportsRead
	// unplannedRead: a field returning relationships that none of the above describes;
	// TestPlannerCoversTheSchema names it.
	unplannedRead
)

// fieldRead is the planner's reading of one field of a node type.
type fieldRead struct {
	kind readKind
	// connection is set for a Relay connection over the relationships its list field
	// reads (membersConnection pages members).
	connection bool
}

// schemaFacts is what the planner derives from the schema once.
type schemaFacts struct {
	// reads holds every field of a node type that reads relationships or supports.
	reads map[fieldKey]fieldRead
	// mayRead holds the fields that may read below a root field: the fields in reads
	// and every field returning a node outside a connection (read by its id, or walked).
	mayRead map[fieldKey]bool
	// nodeTypes are the object types implementing Node.
	nodeTypes []string
}

var planSchema = sync.OnceValue(func() *schemaFacts { return factsOf(parsedSchema) })

// factsOf classifies the fields of schema s.
func factsOf(s *ast.Schema) *schemaFacts {
	facts := &schemaFacts{reads: map[fieldKey]fieldRead{}, mayRead: map[fieldKey]bool{}}
	roots := map[*ast.Definition]bool{s.Query: true, s.Mutation: true, s.Subscription: true}
	for _, def := range sortedTypes(s) {
		if def.Kind != ast.Object && def.Kind != ast.Interface || roots[def] {
			continue
		}
		isNode := implementsNode(s, def)
		if isNode && def.Kind == ast.Object {
			facts.nodeTypes = append(facts.nodeTypes, def.Name)
		}
		// A Relay connection holds its nodes in hand: `groups { nodes { name } }` reads
		// nothing below the list.
		inHand := strings.HasSuffix(def.Name, "Connection") || strings.HasSuffix(def.Name, "Edge")
		for _, f := range def.Fields {
			if isNodeType(s, f.Type.Name()) && !inHand {
				facts.mayRead[fieldKey{def.Name, f.Name}] = true
			}
			if !isNode || def.Kind != ast.Object {
				continue
			}
			if r := classify(def.Name, f); r.kind != noRead {
				facts.reads[fieldKey{def.Name, f.Name}] = r
				facts.mayRead[fieldKey{def.Name, f.Name}] = true
			}
		}
	}
	return facts
}

// classify reads a field of a node type from its definition: what it returns and which
// arguments it takes.
func classify(object string, f *ast.FieldDefinition) fieldRead {
	switch f.Type.Name() {
	case "SupportConnection":
		return fieldRead{kind: supportsRead}
	case "Relationship", "RelationshipConnection":
	default:
		return fieldRead{}
	}
	r := fieldRead{connection: f.Type.Name() == "RelationshipConnection"}
	name := listField(f.Name)
	switch _, named := relationFields[fieldKey{object, name}]; {
	case named:
		r.kind = relationRead
	case f.Arguments.ForName("types") != nil && f.Arguments.ForName("direction") != nil:
		r.kind = relationshipsRead
	case name == "chairs":
		r.kind = chairsRead
	default:
		r.kind = unplannedRead
	}
	return r
}

func implementsNode(s *ast.Schema, def *ast.Definition) bool {
	for _, i := range s.GetImplements(def) {
		if i.Name == "Node" {
			return true
		}
	}
	return false
}

// isNodeType reports whether values of the named type are nodes: the Node interface and
// the interfaces and object types implementing it.
func isNodeType(s *ast.Schema, name string) bool {
	def := s.Types[name]
	return def != nil && (name == "Node" || (def.Kind == ast.Object || def.Kind == ast.Interface) && implementsNode(s, def))
}

// sortedTypes lists the schema's own types by name, so that what is derived from them
// does not depend on map order.
func sortedTypes(s *ast.Schema) []*ast.Definition {
	out := make([]*ast.Definition, 0, len(s.Types))
	for _, def := range s.Types {
		if !def.BuiltIn {
			out = append(out, def)
		}
	}
	slices.SortFunc(out, func(a, b *ast.Definition) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// nodeFieldContexts are gqlgen's generated field contexts of each node type. A field
// context coerces the field's arguments (variables, defaults, scalars, enums) as the
// executor does for the resolver; the planner reads the same typed arguments.
// TestPlanSchemaFacts checks that every node type has its entry.
var nodeFieldContexts = map[string]func(*executionContext, context.Context, graphql.CollectedField) (*graphql.FieldContext, error){
	"Group":         (*executionContext).childFields_Group,
	"Office":        (*executionContext).childFields_Office,
	"Institution":   (*executionContext).childFields_Institution,
	"Position":      (*executionContext).childFields_Position,
	"Person":        (*executionContext).childFields_Person,
	"Source":        (*executionContext).childFields_Source,
	"ReportedCount": (*executionContext).childFields_ReportedCount,
	"Statement":     (*executionContext).childFields_Statement,
	"Topic":         (*executionContext).childFields_Topic,
	"Document":      (*executionContext).childFields_Document,
}

// argsOf returns the typed arguments of field f selected on node type typ; ok is false
// when they do not coerce (the resolver will report why).
func (p *planner) argsOf(typ string, f graphql.CollectedField) (args map[string]any, ok bool) {
	fieldContext := nodeFieldContexts[typ]
	if fieldContext == nil {
		return nil, false
	}
	if p.ec == nil {
		p.ec = newExecutionContext(p.op, &executableSchema{}, nil)
		// A bad argument is reported by its resolver; the planner's copy of the error
		// goes nowhere.
		p.quiet = graphql.WithResponseContext(p.ctx, func(context.Context, error) *gqlerror.Error { return nil }, graphql.DefaultRecover)
	}
	fc, err := fieldContext(p.ec, p.quiet, f)
	if err != nil || fc == nil {
		return nil, false
	}
	return fc.Args, true
}

// arg reads the typed argument name; the zero value when it is absent.
func arg[T any](args map[string]any, name string) T {
	v, _ := args[name].(T)
	return v
}

// whenOfArgs reads the asOf, during and knownBy arguments as whenOf does for a resolver.
func (p *planner) whenOfArgs(args map[string]any) (atlas.When, bool) {
	w, err := whenOf(p.ctx, arg[*atlas.PartialDate](args, "asOf"), arg[*atlas.Period](args, "during"), arg[*atlas.PartialDate](args, "knownBy"))
	return w, err == nil
}

// readField fills nf with what field f of node type typ asks the store for, from the
// field's typed arguments, as its resolver will ask; ok is false when the arguments are
// bad (the resolver reports them) or the field is not planned.
func (p *planner) readField(typ string, r fieldRead, f graphql.CollectedField, nf *nodeField) bool {
	args, ok := p.argsOf(typ, f)
	if !ok {
		return false
	}
	relayed := isTrue(arg[*bool](args, "includeRelayed"))
	sources := arg[[]string](args, "sources")
	tiers := arg[[]atlas.SourceTier](args, "tiers")
	switch r.kind {
	case relationRead, relationshipsRead, chairsRead:
		w, ok := p.whenOfArgs(args)
		if !ok {
			return false
		}
		switch r.kind {
		case relationRead:
			nf.kind, nf.spec = relationsField, relationFields[fieldKey{typ, listField(f.Name)}].spec(w, arg[[]atlas.MemberRole](args, "roles"), sources, relayed, tiers)
		case relationshipsRead:
			nf.kind, nf.spec = relationsField, relationshipsSpec(arg[[]atlas.RelType](args, "types"), arg[*atlas.Direction](args, "direction"),
				arg[[]atlas.MemberRole](args, "roles"), w, sources, relayed, tiers)
		default:
			nf.kind, nf.when, nf.mode, nf.tiers = chairsField, w, atlas.IncludeDerived, tiers
			if m := arg[*atlas.DerivedChairs](args, "derived"); m != nil {
				nf.mode = *m
			}
		}
		// A field whose query the store would refuse (a source filter naming a group) is
		// left to its resolver, which reports it at its own field: asked in a batch, it
		// would spoil every other ask of the level, and the nodes read with them.
		if nf.kind == relationsField && nf.spec.Refused() != nil {
			return false
		}
	case supportsRead:
		first := arg[*int](args, "first")
		nf.kind, nf.supports = supportsField, supportArgs(arg[[]atlas.SupportKind](args, "kinds"), first, arg[*string](args, "after"))
		if first == nil || *first != 0 {
			nf.supportsSel = f.Selections
		}
	default:
		return false
	}
	return true
}
