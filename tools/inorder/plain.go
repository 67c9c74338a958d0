package main

import (
	"fmt"
	"regexp"
	"strings"
)

// A plain field is one gqlgen reads straight from its object (a struct field, or a
// method without arguments or error: no resolver, no directive) whose value marshals as
// a scalar or an enum that cannot be null and reports nothing. gqlgen resolves it like
// any other field: a field context, a context carrying it, a panic handler, the field
// middleware with its closures, the value boxed and unboxed. None of that can change a
// plain field's answer: reading it cannot fail, and its marshaler neither reports an
// error nor looks at the context. (A method that panicked, a bug, would be recovered by
// the list element or the field enclosing the object instead: still an error and a null,
// over more of the answer.) So the field is written directly:
//
//	return graphql.ResolveField(ctx, ec.OperationContext, field, …, func(ctx) (any, error) { return obj.Name, nil },
//		nil, func(…, v string) graphql.Marshaler { return ec.marshalNString2string(ctx, selections, v) }, true, true)
//	                                 → return ec.marshalNString2string(ctx, field.Selections, obj.Name)
//
// and a String or ID struct field as a pointer to it, a nullable enum field as the
// pointer it holds, and a Boolean as a value of a type that writes itself, none of which
// allocates as gqlgen's marshalers' closures do (graph/plainstring.go):
//
//	                                 → return stringAt{&obj.Name}
//	                                 → return optionalString(obj.Role)
//	                                 → return boolAnswer(obj.Derived())
//
// Field middleware therefore never sees a plain field; internal/gqlhttp refuses to
// install any, and checks its limits per object (graph.FieldAdmission).

// plainField is gqlgen's resolution of a field read from obj with no middleware.
var plainField = regexp.MustCompile(`	return graphql\.ResolveField\(
		ctx,
		ec\.OperationContext,
		field,
		func\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{
			return ec\.fieldContext_\w+\(ctx, field\)
		\},
		func\(ctx context\.Context\) \(any, error\) \{
			return (obj\.\w+(?:\(\))?), nil
		\},
		nil,
		func\(ctx context\.Context, selections ast\.SelectionSet, v [^)]*\) graphql\.Marshaler \{
			return ec\.(marshal[^(\s]+)\(ctx, selections, v\)
		\},
		true,
		(?:true|false),
	\)`)

// plainDone is a plain field once rewritten.
var plainDone = regexp.MustCompile(`	return (?:ec\.marshal[^(\s]+\(ctx, field\.Selections, obj\.\w+(?:\(\))?\)|stringAt\{&obj\.\w+\}|(?:optionalString|boolAnswer)\(obj\.\w+(?:\(\))?\)) // plain`)

// stringMarshalers are gqlgen's marshalers of a non-null String and ID: a struct field
// they write is written by graph's stringAt from a pointer to it instead, which
// allocates nothing (graph/plainstring.go).
var stringMarshalers = map[string]bool{"marshalNString2string": true, "marshalNID2string": true}

// optionalStringBody is the body of a generated marshaler of a nullable enum (or
// String) held as a pointer to a string type, its lines trimmed: graph's optionalString
// writes the same.
const optionalStringBody = "if v == nil {\nreturn graphql.Null\n}\n_ = sel\n_ = ctx\nres := graphql.MarshalString(string(*v))\nreturn res"

// optionalStringMarshalers returns the names of src's marshalers of optionalStringBody.
func optionalStringMarshalers(src []byte) map[string]bool {
	names := map[string]bool{}
	for _, m := range marshalFunc.FindAllSubmatch(src, -1) {
		var lines []string
		for line := range strings.SplitSeq(string(m[2]), "\n") {
			lines = append(lines, strings.TrimSpace(line))
		}
		if strings.Join(lines, "\n") == optionalStringBody {
			names[string(m[1])] = true
		}
	}
	return names
}

// marshalFunc is a generated marshaler: its name and body.
var marshalFunc = regexp.MustCompile(`(?ms)^func \(ec \*executionContext\) (marshal[^(\s]+)\(ctx context\.Context, sel ast\.SelectionSet, v [^)]*\) graphql\.Marshaler \{\n(.*?)\n\}$`)

// plainLine is every statement a plain marshaler may have. The graphql marshalers named
// never return Null (main_test.go holds them to it), so the null check after them never
// reports; "return v" is a type that writes itself (graphql.Marshaler, not
// ContextMarshaler, whose errors need the field's context).
var plainLine = regexp.MustCompile(`^(_ = sel|_ = ctx|return v|return res|return graphql\.Null|if v == nil \{|if res == graphql\.Null \{|\}|` +
	`graphql\.AddInvalidNullFromMarshaler\(ctx, "\w+!"\)|` +
	`res := graphql\.(MarshalString|MarshalID|MarshalBoolean|MarshalInt|MarshalInt64|MarshalInt32)\((\*v|v|string\(\*?v\)|int\(\*?v\))\))$`)

// plainMarshalers returns the names of src's plain marshalers.
func plainMarshalers(src []byte) map[string]bool { return everyLine(src, marshalFunc, plainLine) }

// everyLine names src's functions that fn finds (its name, then its body), each true
// when every statement of its body, trimmed, matches line.
func everyLine(src []byte, fn, line *regexp.Regexp) map[string]bool {
	names := map[string]bool{}
	for _, m := range fn.FindAllSubmatch(src, -1) {
		ok := true
		for l := range strings.SplitSeq(string(m[2]), "\n") {
			if !line.MatchString(strings.TrimSpace(l)) {
				ok = false
				break
			}
		}
		names[string(m[1])] = ok
	}
	return names
}

// rewritePlainFields writes src's plain fields directly.
func rewritePlainFields(src []byte) ([]byte, error) {
	plain, optional := plainMarshalers(src), optionalStringMarshalers(src)
	found := plainDone.Match(src)
	src = plainField.ReplaceAllFunc(src, func(call []byte) []byte {
		m := plainField.FindSubmatch(call)
		value, marshal := string(m[1]), string(m[2])
		if !plain[marshal] {
			return call
		}
		found = true
		switch {
		case stringMarshalers[marshal] && !strings.HasSuffix(value, "()"):
			return fmt.Appendf(nil, "\treturn stringAt{&%s} // plain: tools/inorder", value)
		case optional[marshal]:
			return fmt.Appendf(nil, "\treturn optionalString(%s) // plain: tools/inorder", value)
		case marshal == "marshalNBoolean2bool":
			return fmt.Appendf(nil, "\treturn boolAnswer(%s) // plain: tools/inorder", value)
		}
		return fmt.Appendf(nil, "\treturn ec.%s(ctx, field.Selections, %s) // plain: tools/inorder", marshal, value)
	})
	if !found {
		return nil, fmt.Errorf("finds no plain field (%q): has gqlgen changed how it resolves struct fields?", "return obj.Name, nil")
	}
	return src, nil
}
