package graph_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"lsgatlas/atlas"
	"lsgatlas/graph"
)

// TestPlannerCoversTheSchema takes its cases from the schema, not from a list: for every
// field of every node type that leads to a store read (a relationship field, a
// connection, a node or a source reached through citations, aliases, claims…), it asks
// for that field on seeded nodes of the type, with every field below it that leads to a
// read down to the next node, and checks that the planner fetched it all ahead of the
// resolvers (no resolver read for itself). A field added to the schema is planned, or
// this test names it.
func TestPlannerCoversTheSchema(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	store := seedStore(t)
	srv, stats := plannedServer(t, store)
	w := &queryWriter{schema: schema, reads: readingTypes(schema)}
	for _, typ := range nodeTypes(schema) {
		ids := seededIDs(t, store, typ.Name)
		if len(ids) == 0 {
			t.Errorf("no %s in the seed to plan below", typ.Name)
			continue
		}
		for _, f := range typ.Fields {
			if !w.reads[f.Type.Name()] {
				continue
			}
			field := typ.Name + "." + f.Name
			t.Run(field, func(t *testing.T) {
				sel, err := w.field(typ.Name, f, 0, false)
				if err != nil {
					t.Fatalf("%s: %v", field, err)
				}
				query := fmt.Sprintf(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on %s { %s } } }`, typ.Name, sel)
				r := post(t, srv, query, map[string]any{"ids": ids})
				if len(r.Errors) == 1 && r.Errors[0].Extensions["code"] == "LIMIT_EXCEEDED" {
					// Over the cost limit (lineage is costly): the field and the reads
					// right below it, on one node.
					sel, _ = w.field(typ.Name, f, 0, true)
					query = fmt.Sprintf(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on %s { %s } } }`, typ.Name, sel)
					r = post(t, srv, query, map[string]any{"ids": ids[:1]})
				}
				if len(r.Errors) > 0 {
					t.Fatalf("%s: errors %+v\nquery: %s", field, r.Errors, query)
				}
				if s := stats(); s.Misses != 0 {
					t.Errorf("%s is not planned: %d resolver reads were not fetched ahead (%d store calls)\nquery: %s", field, s.Misses, s.StoreCalls, query)
				}
			})
		}
	}
}

// TestPlannerCoversTheRootFields takes its cases from the schema too: every root field
// leading to a store read is queried with every read below it down to the nodes it
// returns and the reads of those nodes, and must cost no resolver read: a new root field
// plans below its result, or this test names it. Required arguments are filled by their
// type, ids with seeded records of the type the field returns.
func TestPlannerCoversTheRootFields(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	store := seedStore(t)
	srv, stats := plannedServer(t, store)
	var known struct {
		Person struct{ Relationships []struct{ ID string } }
		Groups struct {
			Nodes []struct{ Claims []struct{ ID string } }
		}
	}
	data(t, srv, `{ person(id: "person/xi-jinping") { relationships { id } } groups(first: 100) { nodes { claims { id } } } }`, nil, &known)
	var claim string
	for _, g := range known.Groups.Nodes {
		if len(g.Claims) > 0 && claim == "" {
			claim = g.Claims[0].ID
		}
	}
	if len(known.Person.Relationships) == 0 || claim == "" {
		t.Fatalf("the seed has no relationship of Xi Jinping or no group claim: %+v", known)
	}
	// Ids the return type does not tell; the test names a root field whose required
	// argument has neither an example nor a value by its type.
	w := &queryWriter{schema: schema, reads: readingTypes(schema), examples: map[string]string{
		"Query.relationship.id": fmt.Sprintf("%q", known.Person.Relationships[0].ID), "Query.claim.id": fmt.Sprintf("%q", claim),
		"Query.shortestPaths.from": `"person/li-keqiang"`, "Query.shortestPaths.to": `"person/wang-yi"`,
		"Query.developments.from": `"2012"`, "Query.developments.to": `"2014"`,
	}}
	for _, f := range schema.Query.Fields {
		if !w.reads[f.Type.Name()] || strings.HasPrefix(f.Name, "_") {
			continue
		}
		field := "Query." + f.Name
		t.Run(field, func(t *testing.T) {
			w.exampleIDs(t, store, f)
			if a := f.Arguments.ForName("first"); a != nil && a.Type.Name() == "Int" {
				// A short page keeps the query within the cost limit.
				w.examples[field+".first"] = "3"
			}
			sel, err := w.field("Query", f, 1, false)
			if err != nil {
				t.Fatalf("%s: %v", field, err)
			}
			query := "{ " + sel + " }"
			r := post(t, srv, query, nil)
			if len(r.Errors) == 1 && r.Errors[0].Extensions["code"] == "LIMIT_EXCEEDED" {
				// Over the cost limit (the seats of co-members are costly): the field
				// and the reads right below it.
				sel, _ = w.field("Query", f, 1, true)
				query = "{ " + sel + " }"
				r = post(t, srv, query, nil)
			}
			if len(r.Errors) > 0 {
				t.Fatalf("%s: errors %+v\nquery: %s", field, r.Errors, query)
			}
			if s := stats(); s.Misses != 0 {
				t.Errorf("%s is not planned below: %d resolver reads were not fetched ahead (%d store calls)\nquery: %s", field, s.Misses, s.StoreCalls, query)
			}
		})
	}
}

// readingTypes are the types whose values lead to a store read: the node types (read by
// id, and holding relationship fields), and every type with a field of such a type.
func readingTypes(s *ast.Schema) map[string]bool {
	reads := map[string]bool{}
	for name, def := range s.Types {
		if isNode(s, def) {
			reads[name] = true
		}
	}
	for grown := true; grown; {
		grown = false
		for name, def := range s.Types {
			if reads[name] || def.BuiltIn || (def.Kind != ast.Object && def.Kind != ast.Interface) {
				continue
			}
			for _, f := range def.Fields {
				if reads[f.Type.Name()] {
					reads[name], grown = true, true
					break
				}
			}
		}
	}
	return reads
}

func isNode(s *ast.Schema, def *ast.Definition) bool {
	if def.Name == "Node" {
		return true
	}
	for _, i := range s.GetImplements(def) {
		if i.Name == "Node" {
			return true
		}
	}
	return false
}

// nodeTypes are the object types implementing Node, in schema order.
func nodeTypes(s *ast.Schema) []*ast.Definition {
	var out []*ast.Definition
	for _, def := range s.Types {
		if def.Kind == ast.Object && isNode(s, def) {
			out = append(out, def)
		}
	}
	slices.SortFunc(out, func(a, b *ast.Definition) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// seededIDs lists up to ten seeded nodes of the GraphQL type typ.
func seededIDs(t *testing.T, store atlas.Store, typ string) []string {
	t.Helper()
	var kind strings.Builder
	for i, r := range typ {
		if i > 0 && r >= 'A' && r <= 'Z' {
			kind.WriteByte('_')
		}
		kind.WriteRune(r)
	}
	page, err := store.List(context.Background(), atlas.ListQuery{Kind: atlas.NodeKind(strings.ToUpper(kind.String())), First: 10})
	if err != nil {
		t.Fatalf("listing %s: %v", typ, err)
	}
	ids := make([]string, len(page.Nodes))
	for i, n := range page.Nodes {
		ids[i] = n.NodeID()
	}
	return ids
}

// queryWriter writes queries from the schema.
type queryWriter struct {
	schema *ast.Schema
	// reads are the types leading to a store read (readingTypes).
	reads map[string]bool
	// examples are values of required arguments, by "Type.field.argument", where the
	// argument's type alone does not give one.
	examples map[string]string
}

// field writes field f of type parent with a selection of every field below it that
// leads to a read, crossing depth node types (the levels of the plan). On the last node
// type it crosses it probes (one read of the node); below, and where a type would repeat
// itself (a derived chair's derivedFrom), only __typename, which still runs the field. A
// shallow field selects only the reads right below it (a query within the cost limit).
func (w *queryWriter) field(parent string, f *ast.FieldDefinition, depth int, shallow bool, path ...string) (string, error) {
	args, err := w.requiredArgs(parent, f)
	if err != nil {
		return "", err
	}
	out := f.Name + args
	def := w.schema.Types[f.Type.Name()]
	if def.Kind == ast.Scalar || def.Kind == ast.Enum {
		return out, nil
	}
	parts := []string{"__typename"}
	expand := depth > 0 || !isNode(w.schema, def)
	if isNode(w.schema, def) {
		depth--
		if depth == 0 {
			parts = append(parts, w.probe(def))
		}
		expand = depth > 0
	}
	if expand && !slices.Contains(path, def.Name) && (!shallow || len(path) == 0) {
		for _, sub := range def.Fields {
			if strings.HasPrefix(sub.Name, "__") || !w.reads[sub.Type.Name()] {
				continue
			}
			part, err := w.field(def.Name, sub, depth, shallow, append(path, def.Name)...)
			if err != nil {
				return "", err
			}
			parts = append(parts, part)
		}
	}
	return out + " { " + strings.Join(parts, " ") + " }", nil
}

// probe selects one read on a node of type def: the first relationship field of each
// type it may be, so the query shows whether the plan reached the node.
func (w *queryWriter) probe(def *ast.Definition) string {
	types := []*ast.Definition{def}
	if def.Kind == ast.Interface {
		types = slices.Clone(w.schema.GetPossibleTypes(def))
		slices.SortFunc(types, func(a, b *ast.Definition) int { return strings.Compare(a.Name, b.Name) })
	}
	var parts []string
	for _, typ := range types {
		for _, f := range typ.Fields {
			if f.Type.Name() == "Relationship" && !hasRequiredArgs(f) {
				parts = append(parts, "... on "+typ.Name+" { "+f.Name+" { __typename } }")
				break
			}
		}
	}
	return strings.Join(parts, " ")
}

func hasRequiredArgs(f *ast.FieldDefinition) bool {
	for _, a := range f.Arguments {
		if a.Type.NonNull && a.DefaultValue == nil {
			return true
		}
	}
	return false
}

// exampleIDs adds examples for root field f's required ids without one: a seeded record
// of the node type f returns, else a person.
func (w *queryWriter) exampleIDs(t *testing.T, store atlas.Store, f *ast.FieldDefinition) {
	for _, a := range f.Arguments {
		key := "Query." + f.Name + "." + a.Name
		if _, ok := w.examples[key]; ok || a.Type.Name() != "ID" || !a.Type.NonNull || a.Type.Elem != nil {
			continue
		}
		kind := f.Type.Name()
		if def := w.schema.Types[kind]; def == nil || def.Kind != ast.Object || !isNode(w.schema, def) {
			kind = "Person"
		}
		if ids := seededIDs(t, store, kind); len(ids) > 0 {
			w.examples[key] = fmt.Sprintf("%q", ids[0])
		}
	}
}

// requiredArgs fills the arguments f cannot go without (and those with an example): from
// the examples, else by type.
func (w *queryWriter) requiredArgs(parent string, f *ast.FieldDefinition) (string, error) {
	var args []string
	for _, a := range f.Arguments {
		v, ok := w.examples[parent+"."+f.Name+"."+a.Name]
		if !ok && (!a.Type.NonNull || a.DefaultValue != nil) {
			continue
		}
		if !ok {
			v, ok = map[string]string{"ID": `"person/xi-jinping"`, "String": `"foreign"`, "Int": "2012", "Boolean": "false",
				"PartialDate": `"2015"`, "Period": `{from: "2012", to: "2014"}`}[a.Type.Name()]
		}
		if def := w.schema.Types[a.Type.Name()]; !ok && def != nil && def.Kind == ast.Enum && len(def.EnumValues) > 0 {
			v, ok = def.EnumValues[0].Name, true
		}
		if !ok {
			return "", fmt.Errorf("no value for the required argument %s: %s (add an example)", a.Name, a.Type)
		}
		if a.Type.Elem != nil {
			v = "[" + v + "]"
		}
		args = append(args, a.Name+": "+v)
	}
	if len(args) == 0 {
		return "", nil
	}
	return "(" + strings.Join(args, ", ") + ")", nil
}
