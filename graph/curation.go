package graph

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
	"lsgatlas/graph/model"
)

// This file turns the curation mutations' arguments into atlas.Change values and
// back; the workflow itself is atlas.Curator.

func (r *Resolver) curator() (*atlas.Curator, error) {
	if r.Curator == nil {
		return nil, atlas.Errorf(atlas.EUNAVAILABLE, "this store does not take changes")
	}
	return r.Curator, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// changeOf builds a change of kind from the arguments every mutation shares.
func changeOf(kind atlas.RecordKind, op atlas.ChangeOp, target *string, citation *model.CitationInput) (atlas.Change, error) {
	ch := atlas.Change{Op: op, Kind: kind, Target: deref(target)}
	if citation == nil {
		return ch, nil // Apply refuses it, naming the rule
	}
	ch.Citation = &atlas.Citation{Source: deref(citation.Source), Locator: deref(citation.Locator)}
	if citation.NewSource != nil {
		n, err := atlas.DecodeNode(json.RawMessage(*citation.NewSource))
		if err != nil {
			return ch, err
		}
		src, ok := n.(*atlas.Source)
		if !ok {
			return ch, atlas.Errorf(atlas.EINVALID, "newSource %s is not a source", n.NodeID())
		}
		ch.NewSource = src
	}
	return ch, nil
}

func claimChangeOf(kind atlas.RecordKind, op atlas.ChangeOp, target *string, in *model.ClaimInput, alias *model.AliasInput, citation *model.CitationInput) (atlas.Change, error) {
	ch, err := changeOf(kind, op, target, citation)
	if err != nil {
		return ch, err
	}
	switch {
	case in != nil:
		c := &atlas.ClaimChange{Node: deref(in.Node), PropertyClaim: atlas.PropertyClaim{Value: in.Value, Confidence: in.Confidence, Rank: in.Rank, Note: deref(in.Note)}}
		if in.Property != nil {
			c.Property = *in.Property
		}
		ch.Claim = c
	case alias != nil:
		// No rank is the rank the alias has (atlas.Change.Apply): a NORMAL here
		// un-deprecated every alias edited.
		ch.Claim = &atlas.ClaimChange{Node: deref(alias.Node), PropertyClaim: atlas.PropertyClaim{Property: atlas.PropAlias, Value: alias.Name, Confidence: alias.Confidence, Note: deref(alias.Note)}}
		if alias.Rank != nil {
			ch.Claim.Rank = *alias.Rank
		}
	}
	return ch, nil
}

func relationChangeOf(op atlas.ChangeOp, target *string, in *model.RelationshipInput, citation *model.CitationInput) (atlas.Change, error) {
	ch, err := changeOf(atlas.RecordRelationship, op, target, citation)
	if err != nil || in == nil {
		return ch, err
	}
	r := &atlas.Relation{From: deref(in.From), To: deref(in.To), Role: in.Role, Succession: in.Succession, Start: in.Start, End: in.End,
		Attested: in.Attested, Confidence: in.Confidence, DateConfidence: in.DateConfidence, Note: deref(in.Note)}
	if in.Type != nil {
		r.Type = *in.Type
	}
	if in.Rank != nil {
		r.Rank = *in.Rank
	}
	if in.IncompleteList != nil {
		r.IncompleteList = *in.IncompleteList
	}
	ch.Relation = r
	return ch, nil
}

func nodeChangeOf(kind atlas.RecordKind, op atlas.ChangeOp, target *string, record *string, citation *model.CitationInput) (atlas.Change, error) {
	ch, err := changeOf(kind, op, target, citation)
	if record != nil {
		ch.Record = json.RawMessage(*record)
	}
	return ch, err
}

func (r *Resolver) propose(ctx context.Context, ch atlas.Change, err error, reason *string) (*atlas.Proposal, error) {
	if err != nil {
		return nil, err
	}
	cur, err := r.curator()
	if err != nil {
		return nil, err
	}
	p, err := cur.Propose(ctx, ch, deref(reason))
	if err != nil {
		return nil, err
	}
	return &p, nil
}

func (r *Resolver) edit(ctx context.Context, ch atlas.Change, err error, reason *string, expected int) (*atlas.AuditEntry, error) {
	if err != nil {
		return nil, err
	}
	cur, err := r.curator()
	if err != nil {
		return nil, err
	}
	e, err := cur.Edit(ctx, ch, int64(expected), deref(reason))
	if err != nil {
		return nil, err
	}
	return &e, nil
}

func (r *Resolver) review(ctx context.Context, id, reason string, accept bool) (*atlas.Proposal, error) {
	cur, err := r.curator()
	if err != nil {
		return nil, err
	}
	review := cur.Reject
	if accept {
		review = cur.Accept
	}
	p, err := review(ctx, id, reason)
	if err != nil {
		return nil, err
	}
	return &p, nil
}

func citationOf(ch atlas.Change) *atlas.Citation {
	if ch.Citation == nil {
		return &atlas.Citation{}
	}
	c := *ch.Citation
	return &c
}

// findRelationship returns the relationship with a permalink id, seen from its from end.
// A derived chair's id names its two premises (atlas.DerivedChairID): it resolves to the
// chair they derive, or to nothing when they no longer derive one. A person's chair of a
// group is given as the chairs list shows it (asListed).
func findRelationship(ctx context.Context, store atlas.Store, id string) (*atlas.Edge, error) {
	var e *atlas.Edge
	if premises, ok := strings.CutPrefix(id, atlas.DerivedIDPrefix); ok {
		d, err := findDerivedChair(ctx, store, premises)
		if d == nil || err != nil {
			return nil, err
		}
		e = d
	} else {
		rel, err := findStoredRelation(ctx, store, id)
		if rel == nil || err != nil {
			return nil, err
		}
		edges := atlas.EdgesFrom(rel.From, []atlas.Relation{*rel}, nil)
		if len(edges) == 0 {
			return nil, nil
		}
		e = &edges[0]
	}
	return asListed(ctx, e)
}

// asListed returns a person's chair of a group as the group's chairs list, asked no
// date, shows it: one relationship with every line of evidence, so that a permalink
// gives what the list gave. A stored chair comes with the chairs derived through posts
// merged into it, and a derived chair's permalink resolves to the stored chair it was
// merged into (the list's one relationship for the fact, with the stored id). Any other
// relationship is returned as it is.
func asListed(ctx context.Context, e *atlas.Edge) (*atlas.Edge, error) {
	l := loader.For(ctx)
	if k, _ := atlas.KindOfID(e.From); e.Type != atlas.Chairs || k != atlas.PersonNode || l == nil {
		return e, nil
	}
	list, err := l.Chairs(ctx, e.To, atlas.When{}, atlas.IncludeDerived, nil, false)
	if err != nil {
		return nil, err
	}
	for _, c := range list {
		if c.ID == e.ID || slices.ContainsFunc(c.Derivations, func(d atlas.Derivation) bool {
			return atlas.DerivedChairID(d.Holds.ID, d.Chairs.ID) == e.ID
		}) {
			c.Self, c.Direction = c.From, atlas.Outgoing
			return &c, nil
		}
	}
	return e, nil
}

// findStoredRelation returns the stored relation id, nil when there is none. A default
// id (type/from/to) names its ends, so one Relations call finds it; another id is
// looked up in a snapshot.
func findStoredRelation(ctx context.Context, store atlas.Store, id string) (*atlas.Relation, error) {
	if from, typ, ok := relationEnds(id); ok {
		rels, err := store.Relations(ctx, atlas.RelationQuery{IDs: []string{from}, Types: []atlas.RelType{typ}, Direction: atlas.Outgoing})
		if err != nil {
			return nil, err
		}
		for i := range rels[0] {
			if rels[0][i].ID == id {
				return &rels[0][i], nil
			}
		}
		return nil, nil
	}
	ds, err := store.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	return ds.Relation(id), nil
}

// findDerivedChair returns the chair derived from the premises "<holds id>+<chairs id>".
// A stored id may itself hold a "+", so each place the two could meet is tried.
func findDerivedChair(ctx context.Context, store atlas.Store, premises string) (*atlas.Edge, error) {
	for i := strings.IndexByte(premises, '+'); i >= 0; {
		holds, err := findStoredRelation(ctx, store, premises[:i])
		if err != nil {
			return nil, err
		}
		if holds != nil {
			chairs, err := findStoredRelation(ctx, store, premises[i+1:])
			if err != nil {
				return nil, err
			}
			if chairs != nil {
				if e, ok := atlas.DeriveChairWhen(holds.From, *holds, *chairs, atlas.When{}); ok {
					return &e, nil
				}
			}
		}
		next := strings.IndexByte(premises[i+1:], '+')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return nil, nil
}

// relationEnds reads the from end and type of a default relationship id.
func relationEnds(id string) (from string, typ atlas.RelType, ok bool) {
	parts := strings.Split(id, "/")
	if len(parts) != 5 {
		return "", "", false
	}
	typ = atlas.RelType(strings.ToUpper(parts[0]))
	from, to := parts[1]+"/"+parts[2], parts[3]+"/"+parts[4]
	if atlas.DefaultRelationID(typ, from, to) != id {
		return "", "", false
	}
	if _, err := atlas.KindOfID(from); err != nil {
		return "", "", false
	}
	return from, typ, true
}

func rawOrNil(raw json.RawMessage) *string {
	if len(raw) == 0 {
		return nil
	}
	s := string(raw)
	return &s
}

func baseVersions(m map[string]int64) []model.RecordVersion {
	out := make([]model.RecordVersion, 0, len(m))
	for k, v := range m {
		out = append(out, model.RecordVersion{Record: k, Version: int(v)})
	}
	slices.SortFunc(out, func(a, b model.RecordVersion) int { return strings.Compare(a.Record, b.Record) })
	return out
}

func (r *Resolver) claimRecord(ctx context.Context, id string) (*model.ClaimRecord, error) {
	owner, ok := atlas.ClaimOwner(id)
	if !ok {
		return nil, atlas.Errorf(atlas.EINVALID, "%q is not a claim id (<node id>/claims/<property>/<digest>)", id)
	}
	if _, err := atlas.KindOfID(owner); err != nil {
		return nil, err
	}
	nodes, err := r.Store.Nodes(ctx, []string{owner})
	if err != nil || nodes[0] == nil {
		return nil, err
	}
	for _, c := range atlas.ClaimsOf(nodes[0]) {
		if atlas.ClaimID(owner, c.Property, c.Value) != id {
			continue
		}
		claim := c.Clone()
		claim.ID = id
		rec := &model.ClaimRecord{ID: id, Node: nodes[0], Claim: claim, Version: 1}
		if r.Curator != nil {
			v, err := r.Curator.Version(ctx, id)
			if err != nil {
				return nil, err
			}
			rec.Version = int(v)
		}
		return rec, nil
	}
	return nil, nil
}

// historyMemo is one request's audit log by record key: the history fields of a list of
// nodes, relationships or claims cost one store call per request, whatever the size of
// the list (a field that never asks costs none).
type historyMemo struct {
	once  sync.Once
	byKey map[string][]atlas.AuditEntry
	err   error
}

type historyMemoKey struct{}

// historyOf is the history of one record through the request's memo; empty for a store
// that takes no changes, or a record without an id (a derived chair's parts).
func (r *Resolver) historyOf(ctx context.Context, key string) ([]atlas.AuditEntry, error) {
	memo, _ := ctx.Value(historyMemoKey{}).(*historyMemo)
	if r.Curator == nil || key == "" {
		return []atlas.AuditEntry{}, nil
	}
	if memo == nil {
		return r.Curator.History(ctx, key)
	}
	memo.once.Do(func() { memo.byKey, memo.err = r.Curator.HistoryIndex(ctx) })
	if memo.err != nil {
		return nil, memo.err
	}
	return slices.Clone(memo.byKey[key]), nil
}

// maxHistoryItems bounds auditLog and proposals pages, as every other list is bounded.
const maxHistoryItems = 1000

// historyLimit reads the first argument of auditLog and proposals: 1 to
// maxHistoryItems, the schema's default for an explicit null. The stores read a limit
// of 0 as "no limit", so 0, a negative count or null used to return everything.
func historyLimit(ctx context.Context, first *int) (int, error) {
	n := intOrSchema(ctx, "first", first)
	if n < 1 || n > maxHistoryItems {
		return 0, atlas.Errorf(atlas.EINVALID, "first must be 1 to %d, got %d", maxHistoryItems, n)
	}
	return n, nil
}

// auditQueryOf reads auditLog's filters. An empty actor or record was read as no
// filter, and a negative revision or an empty time range as a filter keeping nothing:
// each is the caller's mistake, said as such.
func auditQueryOf(ctx context.Context, actor, record *string, since, until *time.Time, afterRevision, first *int) (atlas.AuditQuery, error) {
	q := atlas.AuditQuery{Actor: deref(actor), Key: deref(record), Since: since, Until: until}
	if actor != nil && strings.TrimSpace(*actor) == "" {
		return q, atlas.Errorf(atlas.EINVALID, "actor must name someone; leave it out to keep every actor")
	}
	if record != nil && strings.TrimSpace(*record) == "" {
		return q, atlas.Errorf(atlas.EINVALID, "record must be the id of a node, relationship or claim; leave it out to keep every record")
	}
	if record != nil {
		if err := atlas.CheckRecordID(*record); err != nil {
			return q, err
		}
	}
	if since != nil && until != nil && !since.Before(*until) {
		return q, atlas.Errorf(atlas.EINVALID, "since (%s) must be before until (%s)", since.Format(time.RFC3339Nano), until.Format(time.RFC3339Nano))
	}
	if afterRevision != nil {
		if *afterRevision < 0 {
			return q, atlas.Errorf(atlas.EINVALID, "afterRevision must be 0 or more, got %d", *afterRevision)
		}
		q.AfterRevision = int64(*afterRevision)
	}
	var err error
	q.Limit, err = historyLimit(ctx, first)
	return q, err
}
