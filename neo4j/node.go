package neo4j

import (
	"context"
	"fmt"
	"maps"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
)

// Nodes implements atlas.Store in one round trip: the nodes with the given ids in the
// order given, nil for an id that names nothing. A malformed id is EINVALID; a database
// that cannot be reached is EUNAVAILABLE.
func (s *Store) Nodes(ctx context.Context, ids []string) ([]atlas.Node, error) {
	return s.nodes(ctx, ids, nil)
}

// nodes reads the nodes with the stored properties props (nil: all of them).
func (s *Store) nodes(ctx context.Context, ids []string, props []string) ([]atlas.Node, error) {
	for _, id := range ids {
		if _, err := atlas.KindOfID(id); err != nil {
			return nil, err
		}
	}
	out := make([]atlas.Node, len(ids))
	if len(ids) == 0 {
		if err := s.check(ctx); err != nil {
			return nil, err
		}
		return out, nil
	}
	var byID map[string]atlas.Node
	err := s.read(ctx, "nodes", func(tx runner) error {
		var err error
		byID, err = s.nodesByID(ctx, tx, ids, props)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		if n, ok := byID[id]; ok {
			// Repeated ids get copies of their own.
			out[i] = atlas.CloneNode(n)
		}
	}
	return out, nil
}

// nodesByID reads the stored nodes among ids (asked once each), by id, with the stored
// properties props (nil: all of them).
func (s *Store) nodesByID(ctx context.Context, tx runner, ids []string, props []string) (map[string]atlas.Node, error) {
	keys := s.scopedKeys(ids)
	recs, err := tx.run(ctx, stmtNodesByKey, map[string]any{"ns": s.ns, "keys": keys, "props": propsParam(props)})
	if err != nil {
		return nil, err
	}
	out := make(map[string]atlas.Node, len(recs))
	for _, rec := range recs {
		n, err := decodeRow(rec["props"], props)
		if err != nil {
			return nil, err
		}
		out[n.NodeID()] = n
	}
	return out, nil
}

// List implements atlas.Store in one round trip: the filters, the order, the keyset
// cursor and the total count are all evaluated in Cypher (list_by_<order>_<direction>);
// Go makes the cursors from the nodes with atlas.SortKey. A bad query is EINVALID.
func (s *Store) List(ctx context.Context, q atlas.ListQuery) (atlas.Page, error) {
	page, _, err := s.list(ctx, q, atlas.RelationAsks{})
	return page, err
}

// ListWithRelations implements atlas.RelationBatcher: List, with the relations asks asks
// of the page's nodes read by the same statement (the list statement's $asks), answered
// as RelationsOf answers them.
func (s *Store) ListWithRelations(ctx context.Context, q atlas.ListQuery, asks atlas.RelationAsks) (atlas.Page, atlas.RelationAnswers, error) {
	return s.list(ctx, q, asks)
}

// list answers List and ListWithRelations.
func (s *Store) list(ctx context.Context, q atlas.ListQuery, asks atlas.RelationAsks) (atlas.Page, atlas.RelationAnswers, error) {
	q, err := q.Normalized()
	if err != nil {
		return atlas.Page{}, atlas.RelationAnswers{}, err
	}
	levels, err := s.twoLevelParams(asks)
	if err != nil {
		return atlas.Page{}, atlas.RelationAnswers{}, err
	}
	sts, ok := listStatements[q.Order.Field]
	if !ok { // Normalized admits only the fields listStatements has
		return atlas.Page{}, atlas.RelationAnswers{}, atlas.Errorf(atlas.EINTERNAL, "no list statement orders by %s", q.Order.Field)
	}
	st := sts[0]
	if q.Order.Desc {
		st = sts[1]
	}
	// A projected page still needs what its cursors are made of (atlas.SortKey).
	var props []string
	switch q.Order.Field {
	case atlas.OrderByName:
		props = storedProps(q.Projection, atlas.LabelProperty(q.Kind))
	case atlas.OrderByEstablished:
		props = storedProps(q.Projection, "established")
	default:
		props = storedProps(q.Projection)
	}
	var page atlas.Page
	var rr *relationReader
	var nextIDs []string
	err = s.read(ctx, "list", func(tx runner) error {
		page = atlas.Page{}
		rr = levels.reader(s)
		params := map[string]any{"asks": levels.params, "nextKinds": levels.nextKinds, "ends": propsParam(rr.props), "props": propsParam(props)}
		// Tiers alone are answered from the tiers import stored on each node (the
		// statement's $tiers); with sources named they are resolved through the
		// sources, in this transaction.
		stored := q.Filter.StoredTiersDecide()
		rec, err := s.listPage(ctx, tx, st, q, params, !stored)
		if err != nil {
			return err
		}
		// A node stored by an earlier release has no tiers: the statement keeps it and
		// says so, and the list is decided through the sources as before, so such a store
		// answers alike, only slower, until it is imported again.
		if untiered, _ := rec["untiered"].(bool); stored && untiered {
			if rec, err = s.listPage(ctx, tx, st, q, params, true); err != nil {
				return err
			}
		}
		if total, _ := rec["total"].(int64); !q.WithoutCount {
			page.TotalCount = int(total)
		}
		page.HasNextPage, _ = rec["hasNextPage"].(bool)
		for _, v := range asList(rec["page"]) {
			n, err := decodeRow(v, props)
			if err != nil {
				return err
			}
			page.Nodes = append(page.Nodes, n)
			if !q.WithoutCursors {
				page.Cursors = append(page.Cursors, q.Cursor(atlas.SortKey(n, q.Order.Field), n.NodeID()))
			}
		}
		nextIDs, err = levels.read(s, rr, rec, func(at int64) (string, error) {
			if at < 0 || int(at) >= len(page.Nodes) {
				return "", fmt.Errorf("a list's relation entry is of node %d of a page of %d", at, len(page.Nodes))
			}
			return s.scopedID(page.Nodes[at].NodeID()), nil
		})
		return err
	})
	if err != nil {
		return atlas.Page{}, atlas.RelationAnswers{}, err
	}
	return page, levels.answers(rr, page.IDs(), nextIDs), nil
}

// listPage runs list statement st for q, with params (its $asks, $ends and $props), and
// returns its one row. resolve reads the sources a filter by tiers or relayed works needs
// (atlas.NodeFilter.Resolved) first; without it the statement filters by the tiers stored
// on the nodes.
func (s *Store) listPage(ctx context.Context, tx runner, st statement, q atlas.ListQuery, extra map[string]any, resolve bool) (record, error) {
	needed := stmtRelayedSources
	if len(q.Filter.Tiers) > 0 {
		needed = stmtTieredSources
	}
	if resolve && (len(q.Filter.Tiers) > 0 || q.Filter.IncludeRelayed && len(q.Filter.CitedBy) > 0) {
		sources, err := filterSources(ctx, tx, s.ns, needed)
		if err != nil {
			return nil, err
		}
		q.Filter = q.Filter.Resolved(sources)
	}
	params := listParams(s.ns, q)
	maps.Copy(params, extra)
	recs, err := tx.run(ctx, st, params)
	if err != nil {
		return nil, err
	}
	if len(recs) != 1 {
		return nil, fmt.Errorf("list returned %d rows, want 1", len(recs))
	}
	return recs[0], nil
}

// listParams turns a normalised list query into the parameters of the list statements.
// Every list parameter is a list, never null, so the statements can test size() = 0.
func listParams(ns string, q atlas.ListQuery) map[string]any {
	f := q.Filter
	// Normalized allows at most one kind filter, the one of q.Kind.
	kinds := strs(f.GroupKinds)
	for _, k := range [][]string{strs(f.InstitutionKinds), strs(f.OfficeKinds), strs(f.SourceKinds)} {
		kinds = append(kinds, k...)
	}
	p := map[string]any{
		"ns": ns, "nodeKind": string(q.Kind), "kinds": kinds,
		"systems": strs(f.Systems), "levels": strs(f.Levels), "horizons": strs(f.Horizons), "categories": strs(f.Categories),
		"crossSystem": nil, "activeFrom": nil, "activeTo": nil, "nameContains": nil, "sources": nonNil(f.CitedBy), "tiers": strs(f.Tiers),
		"afterKey": nil, "afterId": nil, "limit": int64(q.First),
		// untiered comes from the count: a filter by tiers needs it even when the
		// caller does not read the total.
		"count": !q.WithoutCount || len(f.Tiers) > 0,
	}
	if f.CrossSystem != nil {
		p["crossSystem"] = *f.CrossSystem
	}
	if f.ActiveAsOf != nil {
		p["activeFrom"], p["activeTo"] = int64(f.ActiveAsOf.Earliest()), int64(f.ActiveAsOf.Latest())
	}
	if f.NameContains != "" {
		p["nameContains"] = searchkey.Query(f.NameContains)
	}
	if q.After != "" {
		c, _ := atlas.DecodeCursor(q.After) // checked by Normalized
		p["afterKey"], p["afterId"] = storedSortKey(q.Order.Field, c.Key), c.ID
	}
	return p
}

// storedSortKey is the form in which the statements compare a sort key (see props.go).
func storedSortKey(field atlas.OrderField, key string) string {
	switch field {
	case atlas.OrderByID, atlas.OrderByEstablished:
		return key
	}
	return sortName(key)
}

// strs converts enum values to the strings the database holds; never nil, so that the
// parameter is a list.
func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// asMap and asList read driver values; anything else reads as empty, and the decoders
// then report the missing properties.
func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// filterSources reads the sources a list filter needs to resolve its sources (see
// atlas.NodeFilter.Resolved): with st = stmtTieredSources every source with its tier and
// the work relaying it; with stmtRelayedSources only those read second-hand, enough for
// atlas.NodeFilter.WithRelayed (a source without a citedVia relays nothing).
func filterSources(ctx context.Context, tx runner, ns string, st statement) ([]*atlas.Source, error) {
	recs, err := tx.run(ctx, st, map[string]any{"ns": ns})
	if err != nil {
		return nil, err
	}
	out := make([]*atlas.Source, 0, len(recs))
	for _, rec := range recs {
		id, _ := rec["id"].(string)
		tier, _ := rec["tier"].(string)
		via, _ := rec["citedVia"].(string)
		out = append(out, &atlas.Source{ID: id, Tier: atlas.SourceTier(tier), CitedVia: via})
	}
	return out, nil
}
