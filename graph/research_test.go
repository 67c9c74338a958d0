package graph_test

// The research questions (internal/research/questions: those of seed/questions.md,
// numbered after them, and the trust and tier examples), asked through the GraphQL API
// of a store loaded with the real dataset (seed/atlas.json).
//
// Each question asserts on paths into the response data, one per want line:
//
//	path = json     the value is exactly json
//	path ~ json     the list has exactly these elements, in any order
//	path has json   the object has these fields, themselves compared with has (a
//	                list element by element, a string contains the string); with *
//	                or a filter, every value selected must
//
// A path is dot-separated: a field name, a list index (0), * for every element of a
// list, a filter [field.path=value] or [field.path!=value] keeping the elements of a
// list whose field prints as value (null for null), and a final # for the length of
// the list selected. As soon as * or a filter is used the path selects a flat list
// (lists selected at its end are concatenated).

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"lsgatlas/internal/research"
)

// rel selects every field of a relationship the research cases look at.
const rel = edgeFields + ` succession incompleteList`

// TestResearchQuestions asks every research question and checks its answer.
func TestResearchQuestions(t *testing.T) {
	topics, err := research.Topics()
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, seedStore(t))
	for _, topic := range topics {
		t.Run(topic.Name, func(t *testing.T) {
			for _, q := range topic.Questions {
				t.Run(q.Name, func(t *testing.T) {
					var got map[string]any
					data(t, srv, q.Query, nil, &got)
					for _, line := range q.Want {
						checkPath(t, got, strings.TrimSpace(line))
					}
				})
			}
		})
	}
}

func checkPath(t *testing.T, root any, line string) {
	t.Helper()
	path, rest := cutPath(line)
	op, text, _ := strings.Cut(rest, " ")
	var want any
	if err := json.Unmarshal([]byte(text), &want); err != nil {
		t.Fatalf("bad expectation %q: %v", line, err)
	}
	count := strings.HasSuffix(path, ".#")
	segs := splitPath(strings.TrimSuffix(path, ".#"))
	multi := strings.ContainsAny(path, "*[")
	var vals []any
	err := walk(root, segs, func(v any) {
		if l, ok := v.([]any); ok && multi {
			vals = append(vals, l...) // a list of lists selects their elements
		} else {
			vals = append(vals, v)
		}
	})
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	got := any(vals)
	if !multi {
		got = vals[0]
	} else if vals == nil {
		got = []any{}
	}
	if count {
		l, ok := got.([]any)
		if !ok {
			t.Errorf("%s: not a list: %s", path, show(got))
			return
		}
		got = float64(len(l))
	}
	ok := false
	switch op {
	case "=":
		ok = reflect.DeepEqual(got, want)
	case "~":
		g, gok := sortedJSON(got)
		w, wok := sortedJSON(want)
		ok = gok && wok && slices.Equal(g, w)
	case "has":
		each := []any{got}
		if multi {
			each = vals
		}
		ok = len(each) > 0
		for _, v := range each {
			ok = ok && contains(v, want)
		}
	default:
		t.Fatalf("bad operator in %q", line)
	}
	if !ok {
		t.Errorf("%s %s\n  got  %s\n  want %s", path, op, show(got), show(want))
	}
}

// cutPath cuts line at its first space outside a filter.
func cutPath(line string) (path, rest string) {
	depth := 0
	for i, c := range line {
		switch {
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == ' ' && depth == 0:
			return line[:i], line[i+1:]
		}
	}
	return line, ""
}

// splitPath splits at the dots outside filters: "a[b.c=d].e" is "a", "[b.c=d]", "e".
func splitPath(p string) []string {
	var out []string
	depth, start := 0, 0
	flush := func(end int) {
		if end > start {
			out = append(out, p[start:end])
		}
		start = end
	}
	for i, c := range p {
		switch {
		case c == '[':
			flush(i)
			depth++
		case c == ']':
			depth--
			flush(i + 1)
		case c == '.' && depth == 0:
			flush(i)
			start = i + 1
		}
	}
	flush(len(p))
	return out
}

func walk(v any, segs []string, emit func(any)) error {
	if len(segs) == 0 {
		emit(v)
		return nil
	}
	seg, rest := segs[0], segs[1:]
	if seg == "*" || strings.HasPrefix(seg, "[") {
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s applied to %s", seg, show(v))
		}
		field, value, neg := "", "", false
		if seg != "*" {
			cond := strings.Trim(seg, "[]")
			if field, value, neg = strings.Cut(cond, "!="); !neg {
				field, value, _ = strings.Cut(cond, "=")
			}
		}
		for _, e := range list {
			if seg != "*" && (lookup(e, field) == value) == neg {
				continue
			}
			if err := walk(e, rest, emit); err != nil {
				return err
			}
		}
		return nil
	}
	switch x := v.(type) {
	case map[string]any:
		f, ok := x[seg]
		if !ok {
			return fmt.Errorf("no field %q in %s", seg, show(v))
		}
		return walk(f, rest, emit)
	case []any:
		var i int
		if _, err := fmt.Sscan(seg, &i); err != nil || i < 0 || i >= len(x) {
			return fmt.Errorf("no element %q in a list of %d", seg, len(x))
		}
		return walk(x[i], rest, emit)
	}
	return fmt.Errorf("cannot select %q in %s", seg, show(v))
}

// lookup prints the value at a dotted path inside v, "null" when absent or null.
func lookup(v any, path string) string {
	for _, k := range strings.Split(path, ".") {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	if v == nil {
		return "null"
	}
	return fmt.Sprint(v)
}

func contains(got, want any) bool {
	switch w := want.(type) {
	case string:
		s, ok := got.(string)
		return ok && strings.Contains(s, w)
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return false
		}
		for k, wv := range w {
			if gv, ok := g[k]; !ok || !contains(gv, wv) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !contains(g[i], w[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(got, want)
}

// sortedJSON returns the elements of a list as sorted JSON texts; ok is false for a
// value that is not a list.
func sortedJSON(v any) (out []string, ok bool) {
	list, ok := v.([]any)
	for _, e := range list {
		out = append(out, show(e))
	}
	slices.Sort(out)
	return out, ok
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestResearchDerivedChairs reads Xi Jinping's chairs, direct and through posts, in the
// typed form of the other graph tests.
func TestResearchDerivedChairs(t *testing.T) {
	srv := newServer(t, seedStore(t))
	var got struct {
		X struct{ Chairs []edge }
	}
	data(t, srv, `{ x: person(id: "person/xi-jinping") { chairs(asOf: "2020") { `+edgeFields+` } } }`, nil, &got)
	// A stored chair and a chair derived through the General Secretary of the same group
	// are one relationship carrying both (finance, Taiwan affairs); Thomas's table attests
	// the General Secretary's chairs over 2018-03..2023-03 only, and the groups replaced
	// in 2018-03 have no chair in 2020.
	want := []string{
		"group/central-commission-for-comprehensively-deepening-reform POSSIBLE",
		"group/central-cybersecurity-and-informatization-commission POSSIBLE",
		"group/central-foreign-affairs-commission POSSIBLE",
		"group/cross-system-foreign-affairs-leading-small-group POSSIBLE",
		"group/cross-system-national-security-leading-small-group POSSIBLE",
		"group/cross-system-political-legal-leading-small-group POSSIBLE",
		"group/finance-and-economy-leading-small-group (via position/general-secretary) POSSIBLE",
		"group/taiwan-affairs-leading-small-group (via position/general-secretary) POSSIBLE",
		"group/national-security-commission KNOWN",
		"group/state-security-leading-small-group (via position/general-secretary) POSSIBLE",
	}
	if g := nodeIDs(got.X.Chairs); !reflect.DeepEqual(g, want) {
		t.Errorf("Xi's chairs as of 2020 = %q, want %q", g, want)
	}
	for _, e := range got.X.Chairs {
		// A stored chair keeps its own start (Thomas: since 2012); one only derived starts
		// where every premise holds: Xi's holding and the rule Thomas's table attests from 2018-03.
		wantStart := "2012"
		derivedOnly := strings.HasPrefix(e.ID, "derived/")
		if derivedOnly {
			wantStart = "2018-03"
		}
		if e.Derived && (len(e.DerivedFrom) != 2 || e.DerivedFrom[0].Type != "HOLDS" || e.DerivedFrom[1].Type != "CHAIRS" || *e.Start != wantStart || derivedOnly && e.Confidence != "INFERRED") {
			t.Errorf("derived chair %s = %+v", e.ID, e)
		}
	}
}
