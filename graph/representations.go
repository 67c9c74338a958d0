package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
)

// CheckRepresentations is a root field interceptor that reads an _entities field's
// representations before gqlgen's federation runtime does. That runtime reports a
// representation without a __typename, of a type that is no entity, or without a key
// field at ["_entities"], with no index a gateway could attach it to, and in its own
// words; and it reads a key given as a number as a string. Here each such mistake is
// INVALID at ["_entities", "representations", i] (where gqlgen puts a representation
// that is not an object), and the field resolves nothing: the request is malformed, so
// no part of it is answered, as with any other invalid argument. A representation that
// is well formed but names nothing is the resolvers' to answer, NOT_FOUND at its index.
// More representations than nodes(ids:) takes ids are INVALID at
// ["_entities", "representations"].
func CheckRepresentations(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	fc := graphql.GetRootFieldContext(ctx)
	if fc == nil || fc.Field.Name != "_entities" {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	var reps []any
	switch v := fc.Field.ArgumentMap(oc.Variables)["representations"].(type) {
	case []any:
		reps = v
	case []map[string]any: // a variable gqlgen has already coerced
		for _, m := range v {
			reps = append(reps, m)
		}
	case nil:
		return next(ctx) // gqlgen's argument coercion says what is missing
	default:
		reps = []any{v} // a single value is a list of one (GraphQL's input coercion)
	}
	// Each representation is a node to read, as each of nodes' ids is, so the same
	// bound keeps one request from sending the store an unbounded batch.
	if len(reps) > maxRootIDs {
		path := ast.Path{ast.PathName(fc.Field.Alias), ast.PathName("representations")}
		graphql.AddError(ctx, gqlerror.WrapPath(path, atlas.Errorf(atlas.EINVALID, "_entities takes at most %d representations, got %d", maxRootIDs, len(reps))))
		return graphql.Null
	}
	mistakes := 0
	for i, rep := range reps {
		msg := representationMistake(rep)
		if msg == "" {
			continue
		}
		mistakes++
		path := ast.Path{ast.PathName(fc.Field.Alias), ast.PathName("representations"), ast.PathIndex(i)}
		graphql.AddError(ctx, gqlerror.WrapPath(path, atlas.Errorf(atlas.EINVALID, "invalid entity representation %d: %s", i, msg)))
	}
	if mistakes > 0 || !keysAgree(ctx, fc.Field.Alias, reps) {
		return graphql.Null
	}
	return next(ctx)
}

// keysAgree reports whether every representation that gives both an id and a QID names
// one entity by them, reporting each that does not. gqlgen resolves a representation by
// its first key and reads no other, so an id given with another entity's QID was
// answered as the id's entity, silently. The nodes are read in one batch, which the
// resolvers then find cached.
func keysAgree(ctx context.Context, alias string, reps []any) bool {
	var ids []string
	var both []int
	for i, rep := range reps {
		m := rep.(map[string]any) // representationMistake has checked each
		id, hasID := m["id"].(string)
		_, hasQID := m["wikidata"].(string)
		if _, err := atlas.KindOfID(id); hasID && hasQID && err == nil {
			ids = append(ids, id)
			both = append(both, i)
		}
	}
	if len(both) == 0 {
		return true
	}
	nodes, err := loader.For(ctx).Nodes(ctx, ids)
	if err != nil {
		return true // the resolvers meet the error again, at their representations
	}
	agree := true
	for j, i := range both {
		m, n := reps[i].(map[string]any), nodes[j]
		given := m["wikidata"].(string)
		if n == nil || m["__typename"] != graphQLTypeOf(n.NodeKind()) || wikidataOf(n) == given {
			continue // nothing to compare with, or nothing to say
		}
		has := "no Wikidata QID"
		if qid := wikidataOf(n); qid != "" {
			has = fmt.Sprintf("Wikidata QID %q", qid)
		}
		path := ast.Path{ast.PathName(alias), ast.PathName("representations"), ast.PathIndex(i)}
		graphql.AddError(ctx, gqlerror.WrapPath(path, atlas.Errorf(atlas.EINVALID,
			"invalid entity representation %d: its keys name two entities: %s has %s, not %q; give one key, or the keys of one %s",
			i, ids[j], has, given, strings.ToLower(string(n.NodeKind())))))
		agree = false
	}
	return agree
}

// representationMistake says what is wrong with one representation, or "".
func representationMistake(rep any) string {
	m, ok := rep.(map[string]any)
	if !ok {
		return fmt.Sprintf("want an object with __typename and a key field, got %s", jsonKind(rep))
	}
	typeName, ok := m["__typename"].(string)
	if !ok {
		return "__typename must be a string naming an entity type"
	}
	keys, ok := entityKeys()[typeName]
	if !ok {
		return fmt.Sprintf("%q is not an entity type here; entity types: %s", typeName, strings.Join(entityTypeNames(), ", "))
	}
	for _, key := range keys {
		v, present := m[key]
		if !present {
			continue
		}
		s, ok := v.(string)
		if !ok {
			return fmt.Sprintf("the key field %q of %s must be a string, got %s", key, typeName, jsonKind(v))
		}
		if key == "wikidata" && !atlas.ValidIdentifier(atlas.Wikidata, s) {
			return fmt.Sprintf("the key field \"wikidata\" of %s must be a Wikidata QID such as Q123, got %q", typeName, s)
		}
		return ""
	}
	return fmt.Sprintf("a representation of %s needs one of its key fields: %s", typeName, strings.Join(keys, ", "))
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	case json.Number, float64, int, int64:
		return "a number"
	default:
		return fmt.Sprintf("a %T", v)
	}
}

// entityKeys is every entity type's key fields, in the schema's order, read from its
// @key directives (each key here is a single field).
var entityKeys = sync.OnceValue(func() map[string][]string {
	keys := map[string][]string{}
	for name, def := range parsedSchema.Types {
		for _, d := range def.Directives.ForNames("key") {
			if f := d.Arguments.ForName("fields"); f != nil && f.Value != nil {
				keys[name] = append(keys[name], f.Value.Raw)
			}
		}
	}
	return keys
})

func entityTypeNames() []string {
	names := make([]string, 0, len(entityKeys()))
	for name := range entityKeys() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// entity resolves a federation representation: like nodeOfKind, but an id that names
// nothing is a NOT_FOUND error, so the gateway sees why that entity is null.
func entity[T atlas.Node](ctx context.Context, id string, kind atlas.NodeKind) (T, error) {
	var n T
	planEntities(ctx)
	err := checkKind(id, kind)
	if err == nil {
		n, err = loader.NodeOf[T](ctx, loader.For(ctx), id)
	}
	if err == nil && any(n) == any(*new(T)) {
		err = atlas.Errorf(atlas.ENOTFOUND, "no %s has id %q", strings.ToLower(string(kind)), id)
	}
	if err != nil {
		return n, atRepresentation(ctx, kind, id, err)
	}
	return n, nil
}

// wikidataOf is n's Wikidata QID, or "".
func wikidataOf(n atlas.Node) string {
	for _, ident := range n.NodeIdentifiers() {
		if ident.Scheme == atlas.Wikidata {
			return ident.Value
		}
	}
	return ""
}

// entityByWikidata resolves a federation representation keyed by Wikidata QID, through
// the request's cache, which planEntities fills for every such representation at once.
func entityByWikidata[T atlas.Node](ctx context.Context, qid *string, kind atlas.NodeKind) (T, error) {
	var n T
	planEntities(ctx)
	if qid == nil || *qid == "" {
		return n, atlas.Errorf(atlas.EINVALID, "a %s representation needs an id or a wikidata QID", strings.ToLower(string(kind)))
	}
	found, err := loader.For(ctx).ByWikidata(ctx, kind, *qid)
	if err == nil && found == nil {
		err = atlas.Errorf(atlas.ENOTFOUND, "no %s has Wikidata QID %q", strings.ToLower(string(kind)), *qid)
	}
	if err != nil {
		return n, atRepresentationWhere(ctx, kind, func(rep map[string]any) bool { return rep["wikidata"] == *qid }, err)
	}
	n, _ = found.(T)
	return n, nil
}

// atRepresentation puts an entity error at the path of its representation,
// ["_entities", i]: gqlgen's federation runtime would report it at ["_entities"],
// and a gateway can only attach an error to the entity it concerns by its index. The
// representation is the one of this type (kind's GraphQL type) and id; when several are
// alike, each error claims the first one no other error has (the errors of identical
// representations are identical, so any matching is right).
func atRepresentation(ctx context.Context, kind atlas.NodeKind, id string, err error) error {
	return atRepresentationWhere(ctx, kind, func(rep map[string]any) bool { return rep["id"] == id }, err)
}

// atRepresentationWhere puts an entity error at the path of the first representation of
// kind's type that match accepts and no other error has claimed.
func atRepresentationWhere(ctx context.Context, kind atlas.NodeKind, match func(map[string]any) bool, err error) error {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return err
	}
	typeName := graphQLTypeOf(kind)
	reps, _ := fc.Args["representations"].([]map[string]any)
	path := fc.Path()
	for i, rep := range reps {
		if !match(rep) || rep["__typename"] != typeName {
			continue
		}
		claimed := false
		loader.For(ctx).Once(representationClaim{path.String(), i}, func() { claimed = true })
		if claimed {
			return gqlerror.WrapPath(append(path, ast.PathIndex(i)), err)
		}
	}
	return err
}

// representationClaim is an _entities representation an error has been reported at.
type representationClaim struct {
	field string
	index int
}
