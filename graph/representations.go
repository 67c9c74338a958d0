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
	if mistakes > 0 {
		return graphql.Null
	}
	return next(ctx)
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
