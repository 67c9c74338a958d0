package neo4j

import (
	"context"
	"fmt"
	"slices"

	"lsgatlas/atlas"
)

// Relations implements atlas.Store in one round trip: for each id, in the order given, the
// relationships that pass q's filters (evaluated in Cypher, see relations_of.cypher),
// ordered by atlas.CompareRelations. A malformed query is EINVALID.
func (s *Store) Relations(ctx context.Context, q atlas.RelationQuery) ([][]atlas.Relation, error) {
	q, err := q.Normalized()
	if err != nil {
		return nil, err
	}
	if len(q.IDs) == 0 {
		if err := s.check(ctx); err != nil {
			return nil, err
		}
		return make([][]atlas.Relation, 0), nil
	}
	var got relationRows
	err = s.read(ctx, "relations", func(tx runner) error {
		got, err = s.relationsIn(ctx, tx, q)
		return err
	})
	if err != nil {
		return nil, err
	}
	return got.answer(0, s, q.IDs), nil
}

// relationsIn runs relations_of for a normalised query in tx, its rows gathered as ask 0.
func (s *Store) relationsIn(ctx context.Context, tx runner, q atlas.RelationQuery) (relationRows, error) {
	recs, err := tx.run(ctx, stmtRelationsOf, s.relationParams(q))
	if err != nil {
		return nil, err
	}
	got := relationRows{}
	for _, rec := range recs {
		key, _ := rec["key"].(string)
		typ, _ := rec["type"].(string)
		outgoing, _ := rec["outgoing"].(bool)
		far, _ := rec["far"].(string)
		if err := got.add(s, 0, key, typ, outgoing, rec["props"], far); err != nil {
			return nil, err
		}
	}
	return got, nil
}

// RelationsOf implements atlas.RelationBatcher: the relations of several queries with one
// statement (relations_of_asks), each answered as Relations answers it; with asks.Ends the
// nodes at their far ends, read with those properties; and with follow-ups the relations
// of the far ends of their kinds, in the same statement.
func (s *Store) RelationsOf(ctx context.Context, asks atlas.RelationAsks) (atlas.RelationAnswers, error) {
	qs, params, then, err := s.relationAsksParams(asks)
	if err != nil {
		return atlas.RelationAnswers{}, err
	}
	var rr *relationReader
	err = s.read(ctx, "relations", func(tx runner) error {
		rr = s.newRelationReader(len(qs), asks.Ends, then)
		recs, err := tx.run(ctx, stmtRelationsOfAsks, map[string]any{"ns": s.ns, "asks": params, "ends": propsParam(rr.props)})
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("relations_of_asks returned %d rows, want 1", len(recs))
		}
		return rr.entries(recs[0]["relations"], recs[0]["next"], func(ask int, at int64) (string, error) {
			keys, _ := params[ask]["keys"].([]string)
			if at < 0 || int(at) >= len(keys) {
				return "", fmt.Errorf("a relation entry is of key %d of an ask of %d", at, len(keys))
			}
			return keys[at], nil
		})
	})
	if err != nil {
		return atlas.RelationAnswers{}, err
	}
	return rr.answers(qs), nil
}

// relationAsksParams normalises asks' queries and returns them with the parameters of
// relations_of_asks (and of a list's $asks: the keys aside, the same) and the follow-ups,
// normalised, one per query when asks has any.
func (s *Store) relationAsksParams(asks atlas.RelationAsks) ([]atlas.RelationQuery, []map[string]any, []*atlas.FollowUp, error) {
	if asks.Then != nil && len(asks.Then) != len(asks.Queries) {
		return nil, nil, nil, atlas.Errorf(atlas.EINVALID, "%d follow-ups for %d relation queries", len(asks.Then), len(asks.Queries))
	}
	qs := slices.Clone(asks.Queries) // normalised in place
	params := make([]map[string]any, len(qs))
	var then []*atlas.FollowUp
	if asks.Then != nil {
		then = make([]*atlas.FollowUp, len(qs))
	}
	for i, q := range qs {
		q, err := q.Normalized()
		if err != nil {
			return nil, nil, nil, err
		}
		qs[i] = q
		params[i] = s.relationParams(q)
		delete(params[i], "ns")
		params[i]["then"] = nil
		if asks.Then == nil || asks.Then[i] == nil {
			continue
		}
		f := *asks.Then[i]
		if f.Query, err = f.Query.Normalized(); err != nil {
			return nil, nil, nil, err
		}
		then[i] = &f
		p := s.relationParams(f.Query)
		delete(p, "ns")
		delete(p, "keys")
		p["kinds"] = strs(f.Kinds)
		params[i]["then"] = p
	}
	return qs, params, then, nil
}

// relationReader gathers what a statement answering relation asks returns
// (relations_of_asks, a list statement, nodes_with_relations): the rows by ask and key,
// the follow-ups' by ask and far end, and the far ends' nodes when they were asked for.
type relationReader struct {
	s     *Store
	asks  int      // how many queries were asked
	props []string // the far ends' properties, nil for none
	then  []*atlas.FollowUp
	got   relationRows
	next  relationRows
	far   map[string]atlas.Node
}

func (s *Store) newRelationReader(asks int, ends *atlas.Projection, then []*atlas.FollowUp) *relationReader {
	return &relationReader{s: s, asks: asks, props: storedProps(ends), then: then, got: relationRows{}, next: relationRows{}}
}

// entries gathers what relations_of_asks or a list statement returns: relations, entries
// [ask, at, type, outgoing, far, props, end], each of the node keyOf names (its scoped id,
// from the ask's keys or the list's page), and next, the follow-ups' entries [ask, start,
// type, outgoing, far, props, end]. A malformed entry fails the read: nothing is made up.
func (rr *relationReader) entries(relations, next any, keyOf func(ask int, at int64) (string, error)) error {
	for _, v := range asList(relations) {
		e := asList(v)
		if len(e) != 7 {
			return fmt.Errorf("a relation entry holds %d values, want 7", len(e))
		}
		ask64, _ := e[0].(int64)
		if ask64 < 0 || ask64 >= int64(rr.asks) {
			return fmt.Errorf("a relation entry of ask %d of %d", ask64, rr.asks)
		}
		ask := int(ask64)
		at, _ := e[1].(int64)
		key, err := keyOf(ask, at)
		if err != nil {
			return err
		}
		typ, _ := e[2].(string)
		outgoing, _ := e[3].(bool)
		far, _ := e[4].(string)
		if far, err = rr.farID(far, e[6]); err != nil {
			return err
		}
		if err := rr.got.add(rr.s, ask, key, typ, outgoing, e[5], far); err != nil {
			return err
		}
	}
	for _, v := range asList(next) {
		e := asList(v)
		if len(e) != 7 {
			return fmt.Errorf("a follow-up entry holds %d values, want 7", len(e))
		}
		ask, _ := e[0].(int64)
		start, _ := e[1].(string)
		far, _ := e[4].(string)
		if err := rr.followUp(int(ask), start, e[2], e[3], far, e[5], e[6]); err != nil {
			return err
		}
	}
	return nil
}

// followUp gathers one relationship ask's follow-up found of the node start: of type typ
// (null when start has none the follow-up asks for), between start and far (or the node
// whose values end holds), which outgoing says start starts, with its record props.
func (rr *relationReader) followUp(ask int, start string, typ, outgoing any, far string, props, end any) error {
	if rr.then == nil || ask < 0 || ask >= len(rr.then) || rr.then[ask] == nil {
		return fmt.Errorf("a follow-up entry of ask %d, which has no follow-up", ask)
	}
	key := rr.s.scopedID(start)
	rr.next.expect(ask, key)
	t, ok := typ.(string)
	if !ok {
		return nil
	}
	farID, err := rr.farID(far, end)
	if err != nil {
		return err
	}
	out, _ := outgoing.(bool)
	return rr.next.add(rr.s, ask, key, t, out, props, farID)
}

// farID keeps the far end whose values end holds, when ends were asked for, and returns
// its id; without ends, far is the id.
func (rr *relationReader) farID(far string, end any) (string, error) {
	if rr.props == nil || end == nil {
		return far, nil
	}
	n, err := decodeRow(end, rr.props)
	if err != nil {
		return "", err
	}
	if rr.far == nil {
		rr.far = map[string]atlas.Node{}
	}
	rr.far[n.NodeID()] = n
	return n.NodeID(), nil
}

// answers returns the answers to qs, the normalised queries with the ids asked.
func (rr *relationReader) answers(qs []atlas.RelationQuery) atlas.RelationAnswers {
	out := atlas.RelationAnswers{Relations: make([][][]atlas.Relation, len(qs)), Ends: rr.far}
	if rr.then != nil {
		out.Then = make([]map[string][]atlas.Relation, len(qs))
	}
	for i, q := range qs {
		out.Relations[i] = rr.got.answer(i, rr.s, q.IDs)
		if rr.then == nil || rr.then[i] == nil {
			continue
		}
		ids := make([]string, 0, len(rr.next[i]))
		for key := range rr.next[i] {
			ids = append(ids, rr.s.unscopedID(key))
		}
		rels := rr.next.answer(i, rr.s, ids)
		out.Then[i] = make(map[string][]atlas.Relation, len(ids))
		for j, id := range ids {
			if rels[j] == nil {
				rels[j] = []atlas.Relation{}
			}
			out.Then[i][id] = rels[j]
		}
	}
	return out
}

// relationParams are the parameters of relations_of for a normalised query; each key is
// asked once.
func (s *Store) relationParams(q atlas.RelationQuery) map[string]any {
	params := map[string]any{
		"ns": s.ns, "keys": s.scopedKeys(q.IDs), "types": strs(q.Types), "roles": strs(q.Roles),
		"outgoing": q.Direction != atlas.Incoming, "incoming": q.Direction != atlas.Outgoing,
		"asOfFrom": nil, "asOfTo": nil, "sources": nonNil(q.Sources), "includeRelayed": q.IncludeRelayed,
		"tiers": strs(q.Tiers),
	}
	if lo, hi, ok := q.When().Days(); ok {
		params["asOfFrom"], params["asOfTo"] = int64(lo), int64(hi)
	}
	return params
}

// relationRows gathers the rows of relations_of (ask 0) or relations_of_asks by ask and
// key.
type relationRows map[int]map[string][]atlas.Relation

// add decodes one row, whose relationship of type typ joins the node of key to the node
// far; outgoing says key's node starts it; props is its record.
func (g relationRows) add(s *Store, ask int, key, typ string, outgoing bool, props any, far string) error {
	byKey := g.of(ask)
	from, to := s.unscopedID(key), far
	if !outgoing {
		from, to = to, from
	}
	r, err := decodeRelation(typ, from, to, props)
	if err != nil {
		return err
	}
	// An undirected pattern may meet a self-loop twice.
	if !slices.ContainsFunc(byKey[key], func(x atlas.Relation) bool { return x.ID == r.ID }) {
		byKey[key] = append(byKey[key], r)
	}
	return nil
}

// expect makes key one of ask's keys even if no row comes for it.
func (g relationRows) expect(ask int, key string) {
	byKey := g.of(ask)
	if _, ok := byKey[key]; !ok {
		byKey[key] = nil
	}
}

// of returns ask's relations by key, made on first use.
func (g relationRows) of(ask int) map[string][]atlas.Relation {
	byKey := g[ask]
	if byKey == nil {
		byKey = map[string][]atlas.Relation{}
		g[ask] = byKey
	}
	return byKey
}

// answer returns the relations of ask for each of ids, in order, sorted by
// atlas.CompareRelations. Each row was decoded into a copy of its own, which the first
// place of an id gets; a repeated id gets copies again, so no two places share anything.
func (g relationRows) answer(ask int, s *Store, ids []string) [][]atlas.Relation {
	byKey := g[ask]
	for _, rels := range byKey {
		slices.SortFunc(rels, func(a, b atlas.Relation) int { return atlas.CompareRelations(&a, &b) })
	}
	out := make([][]atlas.Relation, len(ids))
	handedOut := map[string]bool{}
	for i, id := range ids {
		key := s.scopedID(id)
		for _, r := range byKey[key] {
			if handedOut[key] {
				r = r.Clone()
			}
			out[i] = append(out[i], r)
		}
		handedOut[key] = true
	}
	return out
}

// nonNil gives Cypher an empty list for "no filter", never null.
func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}
