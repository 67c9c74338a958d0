package gqlhttp

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"lsgatlas/internal/logval"
)

// checkVariables holds the variables of a request to the input coercion rules of the
// GraphQL specification (section 3.5) before gqlgen reads them, because gqlparser's
// coercion is looser: it takes the string "10" for an Int, any string for a Float, an
// enum value in any letter case or as a number, and reports a fractional Int as "value
// 0". Values of custom scalars (PartialDate...) are left to their own parsers, and the
// shapes gqlgen already refuses well (a missing non-null, an unknown input field) to it.
//
// An Int written as a whole JSON number with a fraction or exponent (3.0, 1e2) is the
// integer it equals, and is rewritten in vars as that integer, because gqlparser and
// gqlgen read an Int's digits and refused 3.0 as "cannot use value 0 as Int". JSON has
// one number type, many clients write every number as a double, and the specification's
// Int takes integer values; graphql-js, its reference implementation, takes 3.0 for 3.
func checkVariables(s *ast.Schema, op *ast.OperationDefinition, vars map[string]any) *gqlerror.Error {
	if op == nil {
		return nil
	}
	for _, def := range op.VariableDefinitions {
		v, ok := vars[def.Variable]
		if !ok {
			continue
		}
		path := ast.Path{ast.PathName("variable"), ast.PathName(def.Variable)}
		msg, coerced := coerceInput(s, def.Type, v, &path)
		if msg != "" {
			err := gqlerror.ErrorPathf(path, "Variable \"$%s\" got invalid value %s; %s", def.Variable, quoteValue(v), msg)
			err.Extensions = map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}
			return err
		}
		if coerced != nil {
			vars[def.Variable] = coerced
		}
	}
	return nil
}

// coerceInput checks v against t and returns what is wrong, or "", and when gqlgen is to
// read v otherwise, what it is to read (else nil). path is extended to the offending
// element. A list or input object with such an element is copied, so that v stays as
// sent for the message that quotes it.
func coerceInput(s *ast.Schema, t *ast.Type, v any, path *ast.Path) (msg string, coerced any) {
	if v == nil {
		return "", nil // null: gqlgen refuses it for a non-null type
	}
	if t.Elem != nil {
		list, ok := v.([]any)
		if !ok {
			return coerceInput(s, t.Elem, v, path) // a single value is a list of one
		}
		var out []any
		for i, e := range list {
			*path = append(*path, ast.PathIndex(i))
			msg, c := coerceInput(s, t.Elem, e, path)
			if msg != "" {
				return msg, nil
			}
			if c != nil {
				if out == nil {
					out = slices.Clone(list)
				}
				out[i] = c
			}
			*path = (*path)[:len(*path)-1]
		}
		if out != nil {
			return "", out
		}
		return "", nil
	}
	def := s.Types[t.NamedType]
	if def == nil {
		return "", nil
	}
	switch def.Kind {
	case ast.Scalar:
		return coerceScalar(def.Name, v)
	case ast.Enum:
		name, ok := v.(string)
		if !ok || !slices.ContainsFunc(def.EnumValues, func(e *ast.EnumValueDefinition) bool { return e.Name == name }) {
			return fmt.Sprintf("%s does not name a value of %s: %s", quoteValue(v), def.Name, enumNames(def)), nil
		}
	case ast.InputObject:
		fields, ok := v.(map[string]any)
		if !ok {
			return "", nil
		}
		var out map[string]any
		for _, f := range def.Fields {
			fv, ok := fields[f.Name]
			if !ok {
				continue
			}
			*path = append(*path, ast.PathName(f.Name))
			msg, c := coerceInput(s, f.Type, fv, path)
			if msg != "" {
				return msg, nil
			}
			if c != nil {
				if out == nil {
					out = maps.Clone(fields)
				}
				out[f.Name] = c
			}
			*path = (*path)[:len(*path)-1]
		}
		if out != nil {
			return "", out
		}
	}
	return "", nil
}

// coerceScalar checks v against a built-in scalar: what is wrong, or "", and the whole
// number an Int in other digits is (else nil).
func coerceScalar(name string, v any) (msg string, coerced any) {
	num, isNum := v.(json.Number)
	switch name {
	case "Int":
		if !isNum {
			return "Int cannot represent a non-integer value: " + quoteValue(v), nil
		}
		f, err := num.Float64()
		if err != nil || f != math.Trunc(f) {
			return "Int cannot represent a non-integer value: " + quoteValue(v), nil
		}
		if f < math.MinInt32 || f > math.MaxInt32 {
			return "Int cannot represent a non 32-bit signed integer value: " + quoteValue(v), nil
		}
		if _, err := num.Int64(); err != nil {
			return "", json.Number(strconv.FormatInt(int64(f), 10))
		}
	case "Float":
		if !isNum {
			return "Float cannot represent a non-numeric value: " + quoteValue(v), nil
		}
	case "String":
		if _, ok := v.(string); !ok {
			return "String cannot represent a non-string value: " + quoteValue(v), nil
		}
	case "Boolean":
		if _, ok := v.(bool); !ok {
			return "Boolean cannot represent a non-boolean value: " + quoteValue(v), nil
		}
	case "ID":
		if _, ok := v.(string); ok {
			return "", nil
		}
		if _, err := num.Int64(); !isNum || err != nil {
			return "ID cannot represent a value that is neither a string nor an integer: " + quoteValue(v), nil
		}
	}
	return "", nil
}

// quoteValue writes a variable's value as JSON, clipped, for an error message.
func quoteValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%v", v)
	}
	return logval.Clip(string(b))
}

func enumNames(def *ast.Definition) string {
	names := make([]string, 0, len(def.EnumValues))
	for _, e := range def.EnumValues {
		names = append(names, e.Name)
	}
	return fmt.Sprint(names)
}
