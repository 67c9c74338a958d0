package neo4j

import (
	"context"
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
		far, _ := rec["far"].(string)
		if err := got.add(s, 0, rec, far); err != nil {
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
	if asks.Then != nil && len(asks.Then) != len(asks.Queries) {
		return atlas.RelationAnswers{}, atlas.Errorf(atlas.EINVALID, "%d follow-ups for %d relation queries", len(asks.Then), len(asks.Queries))
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
			return atlas.RelationAnswers{}, err
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
			return atlas.RelationAnswers{}, err
		}
		then[i] = &f
		p := s.relationParams(f.Query)
		delete(p, "ns")
		delete(p, "keys")
		p["kinds"] = strs(f.Kinds)
		params[i]["then"] = p
	}
	props := storedProps(asks.Ends)
	var got, next relationRows // next: the follow-ups' relations, by ask and far end
	var far map[string]atlas.Node
	err := s.read(ctx, "relations", func(tx runner) error {
		got, next, far = relationRows{}, relationRows{}, nil
		recs, err := tx.run(ctx, stmtRelationsOfAsks, map[string]any{"ns": s.ns, "asks": params, "ends": propsParam(props)})
		if err != nil {
			return err
		}
		// keepEnd keeps a row's far end, when ends were asked for, and returns its id.
		keepEnd := func(v any) (string, error) {
			if props == nil || v == nil {
				return "", nil
			}
			n, err := decodeRow(v, props)
			if err != nil {
				return "", err
			}
			if far == nil {
				far = map[string]atlas.Node{}
			}
			far[n.NodeID()] = n
			return n.NodeID(), nil
		}
		// farOf is the id of a row's far end: the end's own, or far without ends.
		farOf := func(row map[string]any) (string, error) {
			id, err := keepEnd(row["end"])
			if id == "" {
				id, _ = row["far"].(string)
			}
			return id, err
		}
		for _, rec := range recs {
			ask64, _ := rec["ask"].(int64)
			ask := int(ask64)
			farID, err := farOf(rec)
			if err != nil {
				return err
			}
			if err := got.add(s, ask, rec, farID); err != nil {
				return err
			}
			if rec["next"] == nil || then == nil || then[ask] == nil {
				continue
			}
			key := s.scopedID(farID)
			next.expect(ask, key) // answered even when the follow-up finds nothing
			for _, v := range asList(rec["next"]) {
				m := asMap(v)
				nextFar, err := farOf(m)
				if err != nil {
					return err
				}
				row := record{"key": key, "type": m["type"], "outgoing": m["outgoing"], "props": m["props"]}
				if err := next.add(s, ask, row, nextFar); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return atlas.RelationAnswers{}, err
	}
	out := atlas.RelationAnswers{Relations: make([][][]atlas.Relation, len(qs)), Ends: far}
	if then != nil {
		out.Then = make([]map[string][]atlas.Relation, len(qs))
	}
	for i, q := range qs {
		out.Relations[i] = got.answer(i, s, q.IDs)
		if then == nil || then[i] == nil {
			continue
		}
		ids := make([]string, 0, len(next[i]))
		for key := range next[i] {
			ids = append(ids, s.unscopedID(key))
		}
		rels := next.answer(i, s, ids)
		out.Then[i] = make(map[string][]atlas.Relation, len(ids))
		for j, id := range ids {
			if rels[j] == nil {
				rels[j] = []atlas.Relation{}
			}
			out.Then[i][id] = rels[j]
		}
	}
	return out, nil
}

// relationParams are the parameters of relations_of for a normalised query; each key is
// asked once.
func (s *Store) relationParams(q atlas.RelationQuery) map[string]any {
	var keys []string
	seen := map[string]bool{}
	for _, id := range q.IDs {
		if !seen[id] {
			seen[id] = true
			keys = append(keys, s.scopedID(id))
		}
	}
	params := map[string]any{
		"ns": s.ns, "keys": keys, "types": strs(q.Types), "roles": strs(q.Roles),
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

// add decodes one row, whose relationship joins the node of its key to the node far; the
// row says which of them starts it.
func (g relationRows) add(s *Store, ask int, rec record, far string) error {
	byKey := g.of(ask)
	key, _ := rec["key"].(string)
	typ, _ := rec["type"].(string)
	outgoing, _ := rec["outgoing"].(bool)
	from, to := s.unscopedID(key), far
	if !outgoing {
		from, to = to, from
	}
	r, err := decodeRelation(typ, from, to, rec["props"])
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
