package atlas

import (
	"context"
	"slices"
)

// RelationBatcher is implemented by a store for which every call is a round trip to a
// server (Neo4j): it answers several relation queries with one statement, and can bring
// back with them the nodes at the relations' far ends and the relations of those nodes.
// A level of a GraphQL request asks for relationships of several kinds at once (a group's
// chairs and members), then for the nodes they lead to, and each statement costs the
// server about a millisecond whatever it returns. It is optional, like ReadScoper;
// callers go through RelationsOf.
type RelationBatcher interface {
	// RelationsOf answers asks in one call, as the function RelationsOf does.
	RelationsOf(ctx context.Context, asks RelationAsks) (RelationAnswers, error)
	// ListWithRelations answers q and asks in one call, as the function
	// ListWithRelations does.
	ListWithRelations(ctx context.Context, q ListQuery, asks RelationAsks) (Page, RelationAnswers, error)
	// NodesWithRelations answers ids, p and asks in one call, as the function
	// NodesWithRelations does.
	NodesWithRelations(ctx context.Context, ids []string, p *Projection, asks RelationAsks) ([]Node, RelationAnswers, error)
}

// RelationAsks are relation queries asked at once.
type RelationAsks struct {
	Queries []RelationQuery
	// Then, when not nil, holds for each query a follow-up (nil for none).
	Then []*FollowUp
	// Ends, when not nil, asks for the nodes at the far ends of the relations found
	// (follow-ups' and the next level's included), with these properties.
	Ends *Projection
	// Next, when not nil, asks for a second level (ListWithRelations and
	// NodesWithRelations only: the level below the nodes they read).
	Next *NextAsks
}

// NextAsks asks, with a level's queries, for the relations of the nodes they lead to: of
// every node of one of Kinds at the far end of a relation any of the level's queries
// finds, what each of Queries asks (its IDs are those nodes), with the follow-ups Then.
// A list of groups with their members and the members' memberships and chairs is then
// read at once by a store for which each call is a round trip.
type NextAsks struct {
	Kinds   []NodeKind
	Queries []RelationQuery
	Then    []*FollowUp
}

// NextAnswers are the answers to NextAsks: IDs are the far ends asked, once each, in no
// particular order; Relations and Then are as RelationAnswers' for those ids.
type NextAnswers struct {
	IDs       []string
	Relations [][][]Relation
	Then      []map[string][]Relation
}

// FollowUp asks, with a relation query, for the relations of the nodes it leads to: of
// every node of one of Kinds at the far end of a relation the query finds, the relations
// Query asks (its IDs are those nodes). A chairs list derived through posts reads a
// group's chairs, then the holders of the posts among them: with a follow-up, a store
// for which each call is a round trip reads both at once.
type FollowUp struct {
	Kinds []NodeKind
	Query RelationQuery
}

// RelationAnswers are the answers to RelationAsks.
type RelationAnswers struct {
	// Relations holds, per query, per id, what Store.Relations answers.
	Relations [][][]Relation
	// Ends holds the far ends' nodes by id, partial as ProjectedNodes returns them with
	// RelationAsks.Ends; nil when the store cannot read those properties.
	Ends map[string]Node
	// Then holds, per query with a follow-up, the far ends of its kinds by id, each with
	// what Store.Relations answers for it with the follow-up's query (an empty list for
	// one with none); nil for a query without one.
	Then []map[string][]Relation // Next answers RelationAsks.Next; nil without it.
	Next *NextAnswers
}

// RelationsOf answers asks as Store.Relations would answer each query and each
// follow-up: with one call when the store batches (RelationBatcher), which may also
// return the far ends' nodes with the properties of asks.Ends; else with one call per
// query and per follow-up, and no nodes.
func RelationsOf(ctx context.Context, store Store, asks RelationAsks) (RelationAnswers, error) {
	if asks.Then != nil && len(asks.Then) != len(asks.Queries) {
		return RelationAnswers{}, Errorf(EINVALID, "%d follow-ups for %d relation queries", len(asks.Then), len(asks.Queries))
	}
	if b, ok := store.(RelationBatcher); ok && (len(asks.Queries) > 1 || asks.Ends != nil || asks.Then != nil) {
		return b.RelationsOf(ctx, asks)
	}
	out := RelationAnswers{Relations: make([][][]Relation, len(asks.Queries))}
	if asks.Then != nil {
		out.Then = make([]map[string][]Relation, len(asks.Queries))
	}
	for i, q := range asks.Queries {
		rels, err := store.Relations(ctx, q)
		if err != nil {
			return RelationAnswers{}, err
		}
		out.Relations[i] = rels
		if asks.Then == nil || asks.Then[i] == nil {
			continue
		}
		if out.Then[i], err = followUp(ctx, store, q, rels, asks.Then[i]); err != nil {
			return RelationAnswers{}, err
		}
	}
	return out, nil
}

// CheckUnkeyed is EINVALID when asks, asked with a read of nodes (ListWithRelations,
// NodesWithRelations), cannot be: a query, of the first level or the next, names ids of
// its own (it is asked of the nodes read), or the follow-ups do not match the queries.
func (asks RelationAsks) CheckUnkeyed() error {
	check := func(queries []RelationQuery, then []*FollowUp) error {
		for _, rq := range queries {
			if len(rq.IDs) > 0 {
				return Errorf(EINVALID, "a relation query asked with a read of nodes names ids of its own (%d)", len(rq.IDs))
			}
		}
		if then != nil && len(then) != len(queries) {
			return Errorf(EINVALID, "%d follow-ups for %d relation queries", len(then), len(queries))
		}
		return nil
	}
	if err := check(asks.Queries, asks.Then); err != nil {
		return err
	}
	if asks.Next != nil {
		return check(asks.Next.Queries, asks.Next.Then)
	}
	return nil
}

// ListWithRelations lists q's page and answers asks of the page's nodes: each query of
// asks names no ids of its own (EINVALID otherwise) and is asked of the page's nodes, in
// the page's order, so Relations[i][j] are query i's relations of page.Nodes[j]. The
// answers are what List, then RelationsOf with the page's ids, give. A list page's nodes
// are the first level of most requests (a list of groups, their chairs and members): a
// store that batches (RelationBatcher) reads both in one call, else it takes one call
// for the page and those of RelationsOf.
func ListWithRelations(ctx context.Context, store Store, q ListQuery, asks RelationAsks) (Page, RelationAnswers, error) {
	if err := asks.CheckUnkeyed(); err != nil {
		return Page{}, RelationAnswers{}, err
	}
	if b, ok := store.(RelationBatcher); ok {
		return b.ListWithRelations(ctx, q, asks)
	}
	page, err := store.List(ctx, q)
	if err != nil {
		return Page{}, RelationAnswers{}, err
	}
	got, err := relationsOfNodes(ctx, store, page.IDs(), asks)
	if err != nil {
		return Page{}, RelationAnswers{}, err
	}
	return page, got, nil
}

// nextLevel answers next for the relations rels that qs found.
func nextLevel(ctx context.Context, store Store, qs []RelationQuery, rels [][][]Relation, next *NextAsks, ends *Projection) (*NextAnswers, error) {
	var ids []string
	seen := map[string]bool{}
	for i, q := range qs {
		for _, id := range FarEnds(q, rels[i], next.Kinds) {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	out := &NextAnswers{IDs: ids, Relations: make([][][]Relation, len(next.Queries))}
	if len(next.Queries) == 0 {
		return out, nil
	}
	asks := RelationAsks{Queries: slices.Clone(next.Queries), Then: next.Then, Ends: ends}
	for i := range asks.Queries {
		asks.Queries[i].IDs = ids
	}
	got, err := RelationsOf(ctx, store, asks)
	if err != nil {
		return nil, err
	}
	out.Relations, out.Then = got.Relations, got.Then
	return out, nil
}

// NodesWithRelations reads the nodes ids name, as ProjectedNodes does with p (nil: whole
// nodes), and answers asks of them: each query of asks names no ids of its own (EINVALID
// otherwise) and is asked of ids, in their order, so Relations[i][j] are query i's
// relations of ids[j] (none for an id that names nothing). The answers are what
// ProjectedNodes, then RelationsOf with ids, give, and asks.Next is answered as
// ListWithRelations answers it. A root field that names its nodes (nodes(ids:),
// group(id:)) is the other start of most requests: a store that batches reads the nodes
// and the two levels below them in one call.
func NodesWithRelations(ctx context.Context, store Store, ids []string, p *Projection, asks RelationAsks) ([]Node, RelationAnswers, error) {
	if err := asks.CheckUnkeyed(); err != nil {
		return nil, RelationAnswers{}, err
	}
	if b, ok := store.(RelationBatcher); ok {
		return b.NodesWithRelations(ctx, ids, p, asks)
	}
	nodes, err := ProjectedNodes(ctx, store, ids, p)
	if err != nil {
		return nil, RelationAnswers{}, err
	}
	got, err := relationsOfNodes(ctx, store, ids, asks)
	if err != nil {
		return nil, RelationAnswers{}, err
	}
	return nodes, got, nil
}

// relationsOfNodes answers asks, each asked of ids, and their next level, with
// RelationsOf.
func relationsOfNodes(ctx context.Context, store Store, ids []string, asks RelationAsks) (RelationAnswers, error) {
	next := asks.Next
	asks.Next = nil
	asks.Queries = slices.Clone(asks.Queries)
	for i := range asks.Queries {
		asks.Queries[i].IDs = ids
	}
	got, err := RelationsOf(ctx, store, asks)
	if err != nil {
		return RelationAnswers{}, err
	}
	if next != nil {
		if got.Next, err = nextLevel(ctx, store, asks.Queries, got.Relations, next, asks.Ends); err != nil {
			return RelationAnswers{}, err
		}
	}
	return got, nil
}

// followUp answers f for the relations rels that q found, one call to store.
func followUp(ctx context.Context, store Store, q RelationQuery, rels [][]Relation, f *FollowUp) (map[string][]Relation, error) {
	fq := f.Query
	fq.IDs = FarEnds(q, rels, f.Kinds)
	out := map[string][]Relation{}
	if len(fq.IDs) == 0 {
		return out, nil
	}
	got, err := store.Relations(ctx, fq)
	if err != nil {
		return nil, err
	}
	for i, id := range fq.IDs {
		out[id] = got[i]
		if out[id] == nil {
			out[id] = []Relation{}
		}
	}
	return out, nil
}

// FarEnds lists, once each and in order of appearance, the nodes of kinds at the other
// end from q's ids of the relations rels (q's answer) found.
func FarEnds(q RelationQuery, rels [][]Relation, kinds []NodeKind) []string {
	var out []string
	seen := map[string]bool{}
	for i, list := range rels {
		for j := range list {
			far := list[j].Other(q.IDs[i])
			kind, err := KindOfID(far)
			if err != nil || !slices.Contains(kinds, kind) || seen[far] {
				continue
			}
			seen[far] = true
			out = append(out, far)
		}
	}
	return out
}
