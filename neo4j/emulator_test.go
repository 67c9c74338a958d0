package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// emulator is a backend that carries out each embedded statement in Go, over an
// in-memory graph, with the semantics the statement has in Cypher. It lets the whole
// conformance suite run through the store's Go code (parameters, decoding, ordering,
// the import diff) without a server. It is strict where Neo4j is: a parameter list that
// differs from the statement's header, or a property value Neo4j could not store, fails.
// What it cannot prove is that the Cypher text means what the emulation does; the lint
// and the live suite (store_test.go) cover that.
type emulator struct {
	mu    sync.Mutex
	nodes []*emuNode
	rels  []*emuRel
	meta  map[string]int64
	down  bool // verify and transactions fail with a connectivity error
}

type emuNode struct {
	labels map[string]bool
	props  map[string]any
}

type emuRel struct {
	typ      string
	from, to *emuNode
	props    map[string]any
}

func newEmulator() *emulator { return &emulator{meta: map[string]int64{}} }

func (e *emulator) setDown(down bool) { e.mu.Lock(); e.down = down; e.mu.Unlock() }

var errEmuDown = &driver.ConnectivityError{Inner: fmt.Errorf("emulator: connection refused")}

func (e *emulator) verify(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.down {
		return errEmuDown
	}
	return ctx.Err()
}

func (e *emulator) close(context.Context) error { return nil }

func (e *emulator) read(ctx context.Context, work func(runner) error) error {
	return e.write(ctx, work)
}

// write runs work under the lock and rolls the graph back when it fails.
func (e *emulator) write(ctx context.Context, work func(runner) error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.down {
		return errEmuDown
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	nodes, rels, meta := slices.Clone(e.nodes), slices.Clone(e.rels), maps.Clone(e.meta)
	for i, n := range nodes {
		nodes[i] = &emuNode{labels: maps.Clone(n.labels), props: maps.Clone(n.props)}
	}
	for i, r := range rels {
		rels[i] = &emuRel{typ: r.typ, from: r.from, to: r.to, props: maps.Clone(r.props)}
	}
	if err := work(emuTx{e}); err != nil {
		e.nodes, e.rels, e.meta = nodes, rels, meta
		return err
	}
	return nil
}

type emuTx struct{ e *emulator }

func (t emuTx) run(ctx context.Context, st statement, params map[string]any) ([]record, error) {
	if err := checkParams(st, params); err != nil {
		return nil, err
	}
	statementsRun.add(st.name)
	if strings.HasPrefix(st.name, "schema_") {
		return nil, nil
	}
	fn, ok := emulations[st.name]
	if !ok {
		return nil, fmt.Errorf("emulator: no emulation of %s", st.name)
	}
	return fn(t.e, params)
}

var emulations = map[string]func(e *emulator, p map[string]any) ([]record, error){
	"nodes_by_key": func(e *emulator, p map[string]any) ([]record, error) {
		var out []record
		for _, key := range p["keys"].([]string) {
			if n := e.node(p["ns"], key); n != nil {
				out = append(out, record{"key": key, "props": copyProps(n.props)})
			}
		}
		return out, nil
	},
	"relations_of": func(e *emulator, p map[string]any) ([]record, error) {
		var out []record
		for _, key := range p["keys"].([]string) {
			n := e.node(p["ns"], key)
			for _, r := range e.rels {
				if n == nil || (r.from != n && r.to != n) || r.props["ns"] != p["ns"] || !relationMatches(r, n, p) {
					continue
				}
				out = append(out, record{"key": key, "type": r.typ, "from": r.from.props["id"], "to": r.to.props["id"], "props": copyProps(r.props)})
			}
		}
		return out, nil
	},
	"list_asc":  func(e *emulator, p map[string]any) ([]record, error) { return e.list(p, false), nil },
	"list_desc": func(e *emulator, p map[string]any) ([]record, error) { return e.list(p, true), nil },
	"search": func(e *emulator, p map[string]any) ([]record, error) {
		var out []record
		for _, n := range e.nodes {
			if n.props["ns"] == p["ns"] && strings.Contains(n.props["searchText"].(string), p["text"].(string)) && slices.Contains(p["kinds"].([]string), n.props["nodeKind"].(string)) {
				out = append(out, record{"props": copyProps(n.props)})
			}
		}
		return out, nil
	},
	"reported_counts": func(e *emulator, p map[string]any) ([]record, error) {
		var ns []*emuNode
		for _, n := range e.nodes {
			y := n.props["year"]
			if n.labels["ReportedCount"] && n.props["ns"] == p["ns"] && (p["fromYear"] == nil || y.(int64) >= p["fromYear"].(int64)) && (p["toYear"] == nil || y.(int64) <= p["toYear"].(int64)) {
				ns = append(ns, n)
			}
		}
		slices.SortFunc(ns, func(a, b *emuNode) int {
			return cmp.Or(cmp.Compare(a.props["year"].(int64), b.props["year"].(int64)), strings.Compare(a.props["id"].(string), b.props["id"].(string)))
		})
		var out []record
		for _, n := range ns {
			out = append(out, record{"props": copyProps(n.props)})
		}
		return out, nil
	},
	"snapshot_nodes": func(e *emulator, p map[string]any) ([]record, error) {
		var out []record
		for _, n := range e.nodes {
			if n.props["ns"] == p["ns"] {
				out = append(out, record{"props": copyProps(n.props)})
			}
		}
		return out, nil
	},
	"snapshot_relations": func(e *emulator, p map[string]any) ([]record, error) {
		var out []record
		for _, r := range e.rels {
			if r.from.props["ns"] == p["ns"] && r.props["ns"] == p["ns"] {
				out = append(out, record{"type": r.typ, "from": r.from.props["id"], "to": r.to.props["id"], "props": copyProps(r.props)})
			}
		}
		return out, nil
	},
	"supports_nodes": func(e *emulator, p map[string]any) ([]record, error) {
		var out []record
		for _, n := range e.nodes {
			if n.props["ns"] == p["ns"] && citesAny(n.props, p["sources"]) {
				out = append(out, record{"props": copyProps(n.props)})
			}
		}
		return out, nil
	},
	"supports_relations": func(e *emulator, p map[string]any) ([]record, error) {
		var out []record
		for _, r := range e.rels {
			if r.from.props["ns"] == p["ns"] && r.props["ns"] == p["ns"] && citesAny(r.props, p["sources"]) {
				out = append(out, record{"type": r.typ, "from": r.from.props["id"], "to": r.to.props["id"], "props": copyProps(r.props)})
			}
		}
		return out, nil
	},
	"revision": func(e *emulator, p map[string]any) ([]record, error) {
		return []record{{"revision": e.meta[p["ns"].(string)]}}, nil
	},
	"bump_revision": func(e *emulator, p map[string]any) ([]record, error) {
		e.meta[p["ns"].(string)]++
		return []record{{"revision": e.meta[p["ns"].(string)]}}, nil
	},
	"upsert_nodes": func(e *emulator, p map[string]any) ([]record, error) {
		rows := p["rows"].([]map[string]any)
		for _, row := range rows {
			props, err := storeProps(row["props"].(map[string]any))
			if err != nil {
				return nil, err
			}
			props["scopedId"], props["ns"] = row["scopedId"], p["ns"]
			n := e.node(p["ns"], row["scopedId"].(string))
			if n == nil {
				n = &emuNode{labels: map[string]bool{"Entity": true}}
				e.nodes = append(e.nodes, n)
			}
			n.props = props
			n.labels[labelOf[row["nodeKind"].(string)]] = true
		}
		return []record{{"upserted": int64(len(rows))}}, nil
	},
	"delete_relations": func(e *emulator, p map[string]any) ([]record, error) {
		deleted := 0
		for _, row := range p["rows"].([]map[string]any) {
			e.rels = slices.DeleteFunc(e.rels, func(r *emuRel) bool {
				ok := r.from.props["scopedId"] == row["from"] && r.to.props["scopedId"] == row["to"] && r.props["ns"] == p["ns"] && r.props["id"] == row["id"]
				if ok {
					deleted++
				}
				return ok
			})
		}
		return []record{{"deleted": int64(deleted)}}, nil
	},
	"create_relations": func(e *emulator, p map[string]any) ([]record, error) {
		created := 0
		for _, row := range p["rows"].([]map[string]any) {
			a, b := e.node(nil, row["from"].(string)), e.node(nil, row["to"].(string))
			if a == nil || b == nil {
				continue
			}
			props, err := storeProps(row["props"].(map[string]any))
			if err != nil {
				return nil, err
			}
			props["ns"] = p["ns"]
			e.rels = append(e.rels, &emuRel{typ: row["type"].(string), from: a, to: b, props: props})
			created++
		}
		return []record{{"created": int64(created)}}, nil
	},
	"drop_namespace": func(e *emulator, p map[string]any) ([]record, error) {
		delete(e.meta, p["ns"].(string))
		before := len(e.nodes)
		e.nodes = slices.DeleteFunc(e.nodes, func(n *emuNode) bool { return n.props["ns"] == p["ns"] })
		e.rels = slices.DeleteFunc(e.rels, func(r *emuRel) bool { return r.from.props["ns"] == p["ns"] || r.to.props["ns"] == p["ns"] })
		return []record{{"deleted": int64(before - len(e.nodes))}}, nil
	},
}

var labelOf = map[string]string{"GROUP": "Group", "OFFICE": "Office", "INSTITUTION": "Institution", "POSITION": "Position", "PERSON": "Person", "SOURCE": "Source", "REPORTED_COUNT": "ReportedCount"}

// node finds a node by scopedId (and namespace, unless ns is nil).
func (e *emulator) node(ns any, key string) *emuNode {
	for _, n := range e.nodes {
		if n.props["scopedId"] == key && (ns == nil || n.props["ns"] == ns) {
			return n
		}
	}
	return nil
}

// relationMatches is the WHERE clause of relations_of.cypher.
func relationMatches(r *emuRel, n *emuNode, p map[string]any) bool {
	types, roles := p["types"].([]string), p["roles"].([]string)
	switch {
	case len(types) > 0 && !slices.Contains(types, r.typ):
		return false
	case !(p["outgoing"].(bool) && r.from == n) && !(p["incoming"].(bool) && r.to == n):
		return false
	case len(roles) > 0 && r.typ == "MEMBER_OF" && (r.props["role"] == nil || !slices.Contains(roles, r.props["role"].(string))):
		return false
	case len(p["sources"].([]string)) > 0 && !citesAny(r.props, p["sources"]):
		return false
	case p["asOfFrom"] == nil:
		return true
	}
	lo, hi := p["asOfFrom"].(int64), p["asOfTo"].(int64)
	if r.props["attestedOnly"].(bool) {
		from, to := r.props["attestedFrom"].([]any), r.props["attestedTo"].([]any)
		for i := range from {
			if from[i].(int64) <= hi && to[i].(int64) >= lo {
				return true
			}
		}
		return false
	}
	return r.props["validFrom"].(int64) <= hi && r.props["validTo"].(int64) >= lo
}

// list is list_asc.cypher / list_desc.cypher.
func (e *emulator) list(p map[string]any, desc bool) []record {
	type row struct {
		n   *emuNode
		key string
	}
	var rows []row
	for _, n := range e.nodes {
		str := func(k string) (string, bool) { s, ok := n.props[k].(string); return s, ok }
		inList := func(k, param string) bool {
			allowed := p[param].([]string)
			v, ok := str(k)
			return len(allowed) == 0 || (ok && slices.Contains(allowed, v))
		}
		cats, _ := n.props["categories"].([]any)
		catOK := len(p["categories"].([]string)) == 0 || slices.ContainsFunc(cats, func(c any) bool { return slices.Contains(p["categories"].([]string), c.(string)) })
		if n.props["ns"] != p["ns"] || n.props["nodeKind"] != p["nodeKind"] || !inList("kind", "kinds") || !inList("system", "systems") ||
			!inList("level", "levels") || !inList("horizon", "horizons") || !catOK ||
			(p["crossSystem"] != nil && n.props["crossSystem"] != p["crossSystem"]) ||
			(p["activeFrom"] != nil && !(n.props["validFrom"].(int64) <= p["activeTo"].(int64) && n.props["validTo"].(int64) >= p["activeFrom"].(int64))) ||
			(p["nameContains"] != nil && !strings.Contains(n.props["searchText"].(string), p["nameContains"].(string))) ||
			(len(p["sources"].([]string)) > 0 && !citesAny(n.props, p["sources"])) {
			continue
		}
		field := map[string]string{"ID": "id", "ESTABLISHED": "sortEstablished"}[p["orderBy"].(string)]
		if field == "" {
			field = "sortName"
		}
		key, _ := str(field)
		rows = append(rows, row{n, key})
	}
	sign := 1
	if desc {
		sign = -1
	}
	compare := func(aKey, aID, bKey, bID string) int {
		return sign * cmp.Or(strings.Compare(aKey, bKey), strings.Compare(aID, bID))
	}
	slices.SortFunc(rows, func(a, b row) int { return compare(a.key, a.n.props["id"].(string), b.key, b.n.props["id"].(string)) })
	var rest []row
	for _, r := range rows {
		if p["afterId"] == nil || compare(r.key, r.n.props["id"].(string), p["afterKey"].(string), p["afterId"].(string)) > 0 {
			rest = append(rest, r)
		}
	}
	limit := int(p["limit"].(int64))
	page := []any{}
	for _, r := range rest[:min(limit, len(rest))] {
		page = append(page, copyProps(r.n.props))
	}
	return []record{{"total": int64(len(rows)), "hasNextPage": len(rest) > limit, "page": page}}
}

// storeProps converts parameter values into what Neo4j stores and gives back: null
// removes the property, lists come back as []any, integers as int64. A value Neo4j could
// not store as a property is an error, as it would be on a server.
func storeProps(in map[string]any) (map[string]any, error) {
	out := map[string]any{}
	for k, v := range in {
		switch v := v.(type) {
		case nil:
		case string, bool, int64:
			out[k] = v
		case []string:
			l := make([]any, len(v))
			for i, s := range v {
				l[i] = s
			}
			out[k] = l
		case []int64:
			l := make([]any, len(v))
			for i, n := range v {
				l[i] = n
			}
			out[k] = l
		default:
			return nil, fmt.Errorf("emulator: property %s: Neo4j cannot store a %T", k, v)
		}
	}
	return out, nil
}

// copyProps copies stored properties as the driver hands them out: fresh maps and lists.
func copyProps(in map[string]any) map[string]any {
	out := make(map[string]any, len(in))
	for k, v := range in {
		if l, ok := v.([]any); ok {
			v = slices.Clone(l)
		}
		out[k] = v
	}
	return out
}

// citesAny is any(s IN props.citedSources WHERE s IN sources).
func citesAny(props map[string]any, sources any) bool {
	want, _ := sources.([]string)
	cited, _ := props["citedSources"].([]any) // stored lists come back as []any
	for _, c := range cited {
		if s, ok := c.(string); ok && slices.Contains(want, s) {
			return true
		}
	}
	return false
}
