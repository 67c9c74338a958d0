package graph_test

// The research questions of seed/questions.md, asked through the GraphQL API of a
// store loaded with the real dataset (seed/atlas.json). Cases are numbered after the
// questions; research2_test.go holds the rest of the table.
//
// Each case asserts on paths into the response data, one per line:
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
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/inprocess"
	"lsgatlas/seed"
)

// rel selects every field of a relationship the research cases look at.
const rel = edgeFields + ` succession incompleteList`

type researchCase struct{ name, query, want string }

func seedStore(tb testing.TB) atlas.Store {
	tb.Helper()
	ds, err := seed.Dataset()
	if err != nil {
		tb.Fatal(err)
	}
	s := inprocess.New()
	if _, err := s.Import(context.Background(), ds); err != nil {
		tb.Fatal(err)
	}
	return s
}

func runResearch(t *testing.T, cases []researchCase) {
	srv := newServer(t, seedStore(t))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got map[string]any
			data(t, srv, tc.query, nil, &got)
			for _, line := range strings.Split(strings.TrimSpace(tc.want), "\n") {
				checkPath(t, got, strings.TrimSpace(line))
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

func TestResearchSuccessionsAndChairs(t *testing.T) {
	runResearch(t, []researchCase{
		{"Q01 which body replaced the Foreign Affairs LSG, and when",
			`{ g: group(id: "group/foreign-affairs-leading-small-group") { established abolished successors { ` + rel + ` } }
			   c: group(id: "group/central-foreign-affairs-commission") { established } }`, `
			g.established = "1958"
			g.abolished = "2018-03"
			g.successors.*.node.id = ["group/central-foreign-affairs-commission"]
			g.successors.0 has {"id": "succeeded_by/group/foreign-affairs-leading-small-group/group/central-foreign-affairs-commission", "type": "SUCCEEDED_BY", "direction": "OUTGOING", "succession": "REPLACED", "start": "2018-03", "end": null, "confidence": "STATED"}
			g.successors.0.sources.*.source.id = ["source/rana-2021", "source/thomas-fp", "source/thomas-fp"]
			c.established = "2018-03"`},
		{"Q02 what became of the Comprehensively Deepening Reform LSG",
			`{ g: group(id: "group/comprehensively-deepening-reform-leading-small-group") { established abolished
			   successors { ` + rel + ` sources { source { citedVia { id } } } } } }`, `
			g.established = "2013"
			g.abolished = "2018-03"
			g.successors.*.node.id = ["group/central-commission-for-comprehensively-deepening-reform"]
			g.successors.0 has {"succession": "RENAMED", "start": "2018-03", "confidence": "REPORTED"}
			g.successors.0.sources.*.source = [{"id": "source/tsai-zhou-2019", "citedVia": {"id": "source/rana-2021"}}]`},
		{"Q03 what became of the Cybersecurity and Information LSG",
			`{ g: group(id: "group/cybersecurity-and-information-leading-small-group") { successors { ` + rel + ` note
			   node { ... on Group { aliases { name source { id } } } } } } }`, `
			g.successors.*.node.id = ["group/central-cybersecurity-and-informatization-commission"]
			g.successors.0 has {"succession": "RENAMED", "start": "2018-03", "confidence": "REPORTED"}
			g.successors.0.sources.*.source.id = ["source/tsai-zhou-2019"]
			g.successors.0.note has "curator's identification"
			g.successors.0.node.aliases = [{"name": "Central Cyberspace Affairs", "source": {"id": "source/rana-2021"}}]`},
		{"Q04 which group the Central Foreign Affairs Commission succeeded",
			`{ c: group(id: "group/central-foreign-affairs-commission") { predecessors { ` + rel + ` } } }`, `
			c.predecessors.*.node.id = ["group/foreign-affairs-leading-small-group"]
			c.predecessors.* has {"direction": "INCOMING", "succession": "REPLACED", "start": "2018-03"}`},
		{"Q05 the finance LSG did not become the financial commission; 3 successions in all",
			`{ f: group(id: "group/finance-and-economy-leading-small-group") { relationships(types: [SUCCEEDED_BY]) { id } }
			   c: group(id: "group/central-financial-and-economic-affairs-commission") { relationships(types: [SUCCEEDED_BY]) { id } }
			   all: groups(first: 100) { nodes { relationships(types: [SUCCEEDED_BY], direction: OUTGOING) { succession } } } }`, `
			f.relationships = []
			c.relationships = []
			all.nodes.*.relationships.*.succession ~ ["REPLACED", "RENAMED", "RENAMED"]`},
		{"Q06 the 1941 Foreign Affairs Group is no predecessor",
			`{ g: group(id: "group/foreign-affairs-group") { established nameZh relationships(types: [SUCCEEDED_BY]) { id }
			     sources { source { id citedVia { id } } } }
			   s: group(id: "group/central-study-group") { established }
			   l: group(id: "group/foreign-affairs-leading-small-group") { predecessors { id } } }`, `
			g.established = "1941"
			g.nameZh = "外事組"
			g.relationships = []
			g.sources.*.source = [{"id": "source/academy-of-chinese-studies-2020", "citedVia": {"id": "source/rana-2021"}}]
			s.established = "1941"
			l.predecessors = []`},
		{"Q07 who chaired the deepening-reform LSG from its creation",
			`{ g: group(id: "group/comprehensively-deepening-reform-leading-small-group") { established
			   chairs(derived: EXCLUDE) { ` + rel + ` } created: chairs(asOf: "2013") { node { id } holding derived } } }`, `
			g.established = "2013"
			g.chairs.*.node.id = ["person/xi-jinping"]
			g.chairs.0 has {"start": "2013", "confidence": "STATED", "derived": false}
			g.chairs.0.sources.*.source.id = ["source/thomas-fp", "source/thomas-fp"]
			g.created = [{"node": {"id": "person/xi-jinping"}, "holding": "POSSIBLE", "derived": false}]`},
		{"Q08 when the National Security Commission was created, and who chairs it",
			`{ g: group(id: "group/national-security-commission") { established crossSystem nameZh aliases { name source { id } }
			   chairs { ` + rel + ` } y2014: chairs(asOf: "2014") { node { id } holding } } }`, `
			g.established = "2013"
			g.crossSystem = true
			g.nameZh = "中央国家安全委员会"
			g.aliases[name=NSC] = [{"name": "NSC", "source": {"id": "source/thomas-fp"}}]
			g.chairs.*.node.id = ["person/xi-jinping"]
			g.chairs.0 has {"start": "2013", "confidence": "STATED"}
			g.chairs.0.sources.*.source.id = ["source/thomas-fp", "source/lsg-blog-2021"]
			g.y2014 = [{"node": {"id": "person/xi-jinping"}, "holding": "KNOWN"}]`},
		{"Q09 who leads the Central Foreign Affairs Commission, and who is its deputy",
			`{ g: group(id: "group/central-foreign-affairs-commission") { chairs { ` + rel + ` } members { ` + rel + ` }
			   c2017: chairs(asOf: "2017") { id } m2017: members(asOf: "2017") { id } c2019: chairs(asOf: "2019") { holding } } }`, `
			g.chairs.*.node.id = ["person/xi-jinping"]
			g.chairs.0 has {"start": null, "end": null, "confidence": "STATED"}
			g.chairs.0.sources.*.source.id = ["source/thomas-fp", "source/thomas-fp"]
			g.members[role=DEPUTY_LEADER].node = [{"id": "person/li-keqiang", "label": "Li Keqiang", "type": "PERSON"}]
			g.members[role=DEPUTY_LEADER] has {"start": null, "end": null, "confidence": "STATED", "incompleteList": false}
			g.members[role=MEMBER].node.id ~ ["person/yang-jiechi", "person/wang-yi", "position/member-of-the-politburo"]
			g.members[role=MEMBER] has {"incompleteList": true, "confidence": "STATED"}
			g.c2017 = []
			g.m2017 = []
			g.c2019.*.holding = ["POSSIBLE"]`},
		{"Q10 which groups Xi Jinping chairs directly",
			`{ x: person(id: "person/xi-jinping") { chairs(derived: EXCLUDE) { ` + rel + ` } } }`, `
			x.chairs.# = 12
			x.chairs.* has {"derived": false, "type": "CHAIRS", "direction": "OUTGOING"}
			x.chairs[start=2012].node.id ~ ["group/foreign-affairs-leading-small-group", "group/taiwan-affairs-leading-small-group", "group/finance-and-economy-leading-small-group"]
			x.chairs[start=2013].node.id ~ ["group/comprehensively-deepening-reform-leading-small-group", "group/cybersecurity-and-information-leading-small-group", "group/national-security-commission"]
			x.chairs[start=null].node.id ~ ["group/central-foreign-affairs-commission", "group/central-commission-for-comprehensively-deepening-reform", "group/central-cybersecurity-and-informatization-commission", "group/cross-system-national-security-leading-small-group", "group/cross-system-foreign-affairs-leading-small-group", "group/cross-system-political-legal-leading-small-group"]
			x.chairs[confidence=REPORTED].node.id ~ ["group/cross-system-national-security-leading-small-group", "group/cross-system-foreign-affairs-leading-small-group", "group/cross-system-political-legal-leading-small-group"]
			x.chairs[confidence=REPORTED].sources.*.source.id ~ ["source/tsai-zhou-2019", "source/rana-2021", "source/tsai-zhou-2019", "source/rana-2021", "source/tsai-zhou-2019", "source/rana-2021"]
			x.chairs[confidence!=REPORTED].confidence ~ ["STATED", "STATED", "STATED", "STATED", "STATED", "STATED", "STATED", "STATED", "STATED"]`},
		{"Q11 which of Xi's chairmanships hold as of 2015",
			`{ x: person(id: "person/xi-jinping") { chairs(asOf: "2015", derived: EXCLUDE) { node { id } holding } } }`, `
			x.chairs[holding=KNOWN].node.id = ["group/national-security-commission"]
			x.chairs[holding=POSSIBLE].node.id ~ ["group/foreign-affairs-leading-small-group", "group/taiwan-affairs-leading-small-group", "group/finance-and-economy-leading-small-group", "group/comprehensively-deepening-reform-leading-small-group", "group/cybersecurity-and-information-leading-small-group"]
			x.chairs[node.id=group/cross-system-foreign-affairs-leading-small-group] = []
			x.chairs.# = 6`},
		{"Q12 who headed the peak carbon LSG, and since when it exists",
			`{ g: group(id: "group/peak-carbon-and-carbon-neutrality-leading-small-group") { established
			     chairs { ` + rel + ` sources { source { citedVia { id } } } } }
			   h: person(id: "person/han-zheng") { positions(tiers: [CORPUS]) { node { id } attested } } }`, `
			g.established = null
			g.chairs.*.node.id = ["person/han-zheng"]
			g.chairs.0 has {"attested": ["2021-05"], "start": null, "confidence": "REPORTED", "derived": false}
			g.chairs.0.sources.*.source = [{"id": "source/china-tip-sheet-2021", "citedVia": {"id": "source/rana-2021"}}]
			h.positions = [{"node": {"id": "position/executive-vice-premier"}, "attested": ["2021-05"]}]`},
		{"Q13 groups chaired by someone other than Xi, by name",
			`{ p: people(first: 100) { totalCount nodes { id chairs(derived: EXCLUDE) { node { id } confidence attested sources { source { id } } } } } }`, `
			p.totalCount = 42
			p.nodes[id=person/han-zheng].chairs = [{"node": {"id": "group/peak-carbon-and-carbon-neutrality-leading-small-group"}, "confidence": "REPORTED", "attested": ["2021-05"], "sources": [{"source": {"id": "source/china-tip-sheet-2021"}}]}]
			p.nodes[id=person/wang-huning].chairs = [{"node": {"id": "group/overseas-propaganda-leading-small-group"}, "confidence": "STATED", "attested": [], "sources": [{"source": {"id": "source/thomas-fp"}}]}]
			p.nodes[id=person/liu-yunshan].chairs = [{"node": {"id": "group/propaganda-and-ideology-leading-small-group"}, "confidence": "STATED", "attested": [], "sources": [{"source": {"id": "source/thomas-fp"}}]}]
			p.nodes[id=person/zhang-gaoli].chairs = [{"node": {"id": "group/one-belt-one-road-leading-small-group"}, "confidence": "INFERRED", "attested": [], "sources": [{"source": {"id": "source/thomas-fp"}}]}]
			p.nodes[id!=person/xi-jinping].chairs.# = 4`},
		{"Q14 which groups the General Secretary chairs as a title",
			`{ p: position(id: "position/general-secretary") { chairs { ` + rel + ` } } }`, `
			p.chairs.*.node.id ~ ["group/foreign-affairs-leading-small-group", "group/finance-and-economy-leading-small-group", "group/state-security-leading-small-group", "group/taiwan-affairs-leading-small-group"]
			p.chairs.* has {"confidence": "STATED", "start": "2018-03", "attested": []}
			p.chairs.*.end = ["2023-03-10", "2018-03", "2023-03-10", "2023-03-10"]
			p.chairs.*.sources.*.source.id = ["source/thomas-fp", "source/thomas-fp", "source/thomas-fp", "source/thomas-fp"]
			p.chairs.*.sources.*.locator has "Table 1"`},
		{"Q15 who chairs the State Security LSG: derived through the General Secretary",
			`{ g: group(id: "group/state-security-leading-small-group") { direct: chairs(derived: EXCLUDE) { node { id } }
			   chairs(tiers: [CORPUS]) { ` + rel + ` derivedFrom { id } } y2015: chairs(asOf: "2015", tiers: [CORPUS]) { node { id } derived holding } y2020: chairs(asOf: "2020", tiers: [CORPUS]) { node { id } derived holding } } }`, `
			g.direct = [{"node": {"id": "position/general-secretary"}}]
			g.chairs[derived=true].node.id = ["person/xi-jinping"]
			g.chairs[derived=true] has {"via": {"id": "position/general-secretary"}, "start": "2018-03", "end": "2023-03-10", "attested": [], "confidence": "INFERRED"}
			g.chairs[derived=true].id = ["derived/holds/person/xi-jinping/position/general-secretary+chairs/position/general-secretary/group/state-security-leading-small-group"]
			g.chairs[derived=true].derivedFrom = [{"id": "holds/person/xi-jinping/position/general-secretary", "type": "HOLDS"}, {"id": "chairs/position/general-secretary/group/state-security-leading-small-group", "type": "CHAIRS"}]
			g.chairs[derived=true].sources.*.source.id ~ ["source/thomas-fp", "source/zhu-2015", "source/wikipedia-lsg", "source/ref-wikipedia-general-secretary", "source/thomas-fp"]
			g.y2015 = []
			g.y2020 ~ [{"node": {"id": "position/general-secretary"}, "derived": false, "holding": "KNOWN"}, {"node": {"id": "person/xi-jinping"}, "derived": true, "holding": "POSSIBLE"}]`},
		// The dataset does not date Li Keqiang's holding of the premiership, so it derives
		// no chair for him at any date: an undated holding makes nobody a chair.
		{"Q16 which groups the Premier chairs per Thomas's Table 1",
			`{ p: position(id: "position/premier") { chairs { ` + rel + ` } }
			   li: person(id: "person/li-keqiang") { chairs(tiers: [CORPUS]) { node { id } derived via { id } confidence } } }`, `
			p.chairs[confidence=STATED].node.id = ["group/energy-leading-small-group"]
			p.chairs[confidence=DISPUTED].id ~ ["chairs/position/premier/group/foreign-affairs-leading-small-group/thomas-table-1", "chairs/position/premier/group/finance-and-economy-leading-small-group/thomas-table-1"]
			p.chairs.# = 3
			li.chairs = []`},
	})
}
