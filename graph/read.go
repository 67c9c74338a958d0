package graph

// Helpers the resolvers delegate to: turning GraphQL arguments into loader and store
// calls. They hold no domain rules; those live in atlas.

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"lsgatlas/atlas"
	"lsgatlas/graph/loader"
	"lsgatlas/graph/model"
)

// relationField is what a relationship field of a node type reads.
type relationField struct {
	types []atlas.RelType
	dir   atlas.Direction
}

func rf(dir atlas.Direction, types ...atlas.RelType) relationField { return relationField{types, dir} }

type fieldKey struct{ object, field string }

// relationFields maps each relationship field of the schema to the relationships it
// reads. The resolvers and the planner both read it, so a plan fetches exactly what the
// resolvers will ask for.
var relationFields = map[fieldKey]relationField{
	{"Group", "members"}:               rf(atlas.Incoming, atlas.MemberOf),
	{"Group", "offices"}:               rf(atlas.Outgoing, atlas.HasOffice),
	{"Group", "supervisors"}:           rf(atlas.Incoming, atlas.Supervises),
	{"Group", "supervises"}:            rf(atlas.Outgoing, atlas.Supervises),
	{"Group", "reportsTo"}:             rf(atlas.Outgoing, atlas.ReportsTo),
	{"Group", "predecessors"}:          rf(atlas.Incoming, atlas.SucceededBy),
	{"Group", "successors"}:            rf(atlas.Outgoing, atlas.SucceededBy),
	{"Group", "partyGroupOf"}:          rf(atlas.Outgoing, atlas.PartyGroupOf),
	{"Group", "positions"}:             rf(atlas.Incoming, atlas.PositionIn),
	{"Institution", "seats"}:           rf(atlas.Outgoing, atlas.MemberOf),
	{"Institution", "supervisors"}:     rf(atlas.Incoming, atlas.Supervises),
	{"Institution", "reportingGroups"}: rf(atlas.Incoming, atlas.ReportsTo),
	{"Institution", "hostedOffices"}:   rf(atlas.Incoming, atlas.HostedBy),
	{"Institution", "partyGroups"}:     rf(atlas.Incoming, atlas.PartyGroupOf),
	{"Institution", "positions"}:       rf(atlas.Incoming, atlas.PositionIn),
	{"Office", "groups"}:               rf(atlas.Incoming, atlas.HasOffice),
	{"Office", "hostedBy"}:             rf(atlas.Outgoing, atlas.HostedBy),
	{"Office", "directors"}:            rf(atlas.Incoming, atlas.Directs),
	{"Office", "supervisors"}:          rf(atlas.Incoming, atlas.Supervises),
	{"Person", "memberships"}:          rf(atlas.Outgoing, atlas.MemberOf),
	{"Person", "positions"}:            rf(atlas.Outgoing, atlas.Holds),
	{"Person", "directs"}:              rf(atlas.Outgoing, atlas.Directs),
	{"Position", "holders"}:            rf(atlas.Incoming, atlas.Holds),
	{"Position", "memberships"}:        rf(atlas.Outgoing, atlas.MemberOf),
	{"Position", "directs"}:            rf(atlas.Outgoing, atlas.Directs),
	{"Position", "belongsTo"}:          rf(atlas.Outgoing, atlas.PositionIn),
	// Statements, topics and documents, and what is said about the other nodes.
	{"Document", "issuedBy"}:      rf(atlas.Outgoing, atlas.IssuedBy),
	{"Document", "concerns"}:      rf(atlas.Outgoing, atlas.Concerns),
	{"Document", "basedOn"}:       rf(atlas.Outgoing, atlas.BasedOn),
	{"Document", "basisOf"}:       rf(atlas.Incoming, atlas.BasedOn),
	{"Statement", "about"}:        rf(atlas.Outgoing, atlas.About),
	{"Group", "statements"}:       rf(atlas.Incoming, atlas.About),
	{"Group", "documents"}:        rf(atlas.Incoming, atlas.Concerns, atlas.IssuedBy),
	{"Institution", "statements"}: rf(atlas.Incoming, atlas.About),
	{"Institution", "documents"}:  rf(atlas.Incoming, atlas.Concerns, atlas.IssuedBy),
	{"Office", "statements"}:      rf(atlas.Incoming, atlas.About),
	{"Office", "documents"}:       rf(atlas.Incoming, atlas.Concerns),
	{"Person", "statements"}:      rf(atlas.Incoming, atlas.About),
	{"Person", "documents"}:       rf(atlas.Incoming, atlas.Concerns),
	{"Position", "statements"}:    rf(atlas.Incoming, atlas.About),
	{"Position", "documents"}:     rf(atlas.Incoming, atlas.Concerns),
	{"Topic", "statements"}:       rf(atlas.Incoming, atlas.About),
	{"Topic", "documents"}:        rf(atlas.Incoming, atlas.Concerns),
}

func (f relationField) spec(w atlas.When, roles []atlas.MemberRole, sources []string, relayed bool, tiers []atlas.SourceTier) loader.Spec {
	return loader.Spec{Types: f.types, Direction: f.dir, Roles: roles, AsOf: w.AsOf, During: w.During, Known: w.Known, Sources: sources, IncludeRelayed: relayed && len(sources) > 0,
		Tiers: storeTiers(w, tiers)}
}

// storeTiers is the tier filter a relationship field hands the store (RelationQuery.Tiers,
// the tiers import stored on each relation): the field's tiers, unless a knownBy date
// withholds some evidence, since the evidence left then decides the tier (keepTiers).
func storeTiers(w atlas.When, tiers []atlas.SourceTier) []atlas.SourceTier {
	if w.Known != nil || atlas.AllTiers(tiers) {
		return nil
	}
	return tiers
}

// fieldEdges serves a relationship field listed in relationFields: the field it serves
// is the one being resolved. Dates are read as the facts of tiers give them (a death
// known only from reference pages does not end a tenure in the corpus).
func fieldEdges(ctx context.Context, id string, asOf *atlas.PartialDate, during *atlas.Period, knownBy *atlas.PartialDate, roles []atlas.MemberRole, sources []string, relayed bool, tiers []atlas.SourceTier) ([]atlas.Edge, error) {
	w, err := whenOf(ctx, asOf, during, knownBy)
	if err == nil {
		err = knownSources(ctx, sources, relayed)
	}
	if err != nil {
		return nil, err
	}
	fc := graphql.GetFieldContext(ctx)
	f, ok := relationFields[fieldKey{fc.Object, listField(fc.Field.Name)}]
	if !ok {
		return nil, atlas.Errorf(atlas.EINTERNAL, "%s.%s is not a relationship field", fc.Object, fc.Field.Name)
	}
	return loader.For(ctx).Edges(ctx, id, f.spec(w, roles, sources, relayed, tiers), tiers...)
}

// listField is the list field a field reads: membersConnection pages members.
func listField(name string) string { return strings.TrimSuffix(name, "Connection") }

// relationshipsSpec is what the generic `relationships` field of every entity reads.
func relationshipsSpec(types []atlas.RelType, dir *atlas.Direction, roles []atlas.MemberRole, w atlas.When, sources []string, relayed bool, tiers []atlas.SourceTier) loader.Spec {
	spec := loader.Spec{Types: types, Roles: roles, AsOf: w.AsOf, During: w.During, Known: w.Known, Direction: atlas.Both, Sources: sources, IncludeRelayed: relayed && len(sources) > 0,
		Tiers: storeTiers(w, tiers)}
	if dir != nil {
		spec.Direction = *dir
	}
	return spec
}

// relationships serves the generic `relationships` field of every entity.
func relationships(ctx context.Context, id string, types []atlas.RelType, dir *atlas.Direction, roles []atlas.MemberRole, asOf *atlas.PartialDate, during *atlas.Period, knownBy *atlas.PartialDate, sources []string, relayed bool, tiers []atlas.SourceTier) ([]atlas.Edge, error) {
	w, err := whenOf(ctx, asOf, during, knownBy)
	if err == nil {
		err = knownSources(ctx, sources, relayed)
	}
	if err != nil {
		return nil, err
	}
	return loader.For(ctx).Edges(ctx, id, relationshipsSpec(types, dir, roles, w, sources, relayed, tiers), tiers...)
}

// chairs serves the chairs fields; mode nil means atlas.IncludeDerived. With sources,
// only the lines of evidence citing one of them stay (atlas.ChairInputsCiting; a
// derived chair cites the sources of both facts).
// Dates are read as the facts of tiers give them; which facts stay is keepTiers' work.
func chairs(ctx context.Context, id string, asOf *atlas.PartialDate, during *atlas.Period, knownBy *atlas.PartialDate, mode *atlas.DerivedChairs, sources []string, relayed bool, tiers []atlas.SourceTier) ([]atlas.Edge, error) {
	w, err := whenOf(ctx, asOf, during, knownBy)
	if err == nil {
		err = knownSources(ctx, sources, relayed)
	}
	if err != nil {
		return nil, err
	}
	m := atlas.IncludeDerived
	if mode != nil {
		m = *mode
	}
	es, err := loader.For(ctx).Chairs(ctx, id, w, m, sources, relayed, tiers...)
	if err != nil {
		return nil, err
	}
	return atlas.KeepCitingRelayed(es, sources, relayed)
}

// derivedFrom lists the stored facts behind a derived chair, HOLDS then CHAIRS for each
// derivation. Both meet at the position, so they are seen from there: HOLDS comes in from
// the person, CHAIRS goes out to the group.
func derivedFrom(e *atlas.Edge) []atlas.Edge {
	out := make([]atlas.Edge, 0, 2*len(e.Derivations))
	for _, d := range e.Derivations {
		out = append(out, d.Holds, d.Chairs)
	}
	return out
}

// maxRootIDs bounds the ids one nodes(ids:) call may ask for, so one request cannot
// send the store an unbounded batch.
const maxRootIDs = 1000

// rootNodes loads nodes for a root field (node, nodes, group, person, …) with one
// immediate store call. A root field has no siblings to batch with, so going through
// the loader would only add its wait; the loader is primed with what was read.
func rootNodes(ctx context.Context, ids []string) ([]atlas.Node, error) {
	var kind atlas.NodeKind
	oneKind := true
	for i, id := range ids {
		k, err := atlas.KindOfID(id)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			kind = k
		}
		oneKind = oneKind && k == kind
	}
	// Nodes of one kind all get the same asks, known from the query before they are
	// read: a store that batches reads them with the two levels below (rootAsks).
	var asks []loader.Ask
	var next *loader.Next
	var ends, proj *atlas.Projection
	l := loader.For(ctx)
	if oneKind && len(ids) > 0 {
		asks, next, ends = rootAsks(ctx, kind)
		if l.Projects() {
			proj = selectionProjection(graphql.GetOperationContext(ctx), graphql.GetFieldContext(ctx).Field.Selections, kind)
		}
	}
	nodes, err := l.NodesWithRelations(ctx, ids, proj, asks, next, ends)
	return planned(ctx, nodes, err)
}

// rootNodeOfKind loads the node for a root field that names its kind, so that
// `group(id: "person/…")` is a clear error rather than a silent null.
func rootNodeOfKind[T atlas.Node](ctx context.Context, id string, kind atlas.NodeKind) (T, error) {
	var zero T
	if err := checkKind(id, kind); err != nil {
		return zero, err
	}
	nodes, err := rootNodes(ctx, []string{id})
	if err != nil {
		return zero, err
	}
	t, _ := nodes[0].(T)
	return t, nil
}

func checkKind(id string, kind atlas.NodeKind) error {
	k, err := atlas.KindOfID(id)
	if err == nil && k != kind {
		err = atlas.Errorf(atlas.EINVALID, "id %q names a %s, not a %s", id, k, kind)
	}
	return err
}

// graphQLTypeOf is the GraphQL type of a node kind: GROUP → Group, REPORTED_COUNT →
// ReportedCount.
func graphQLTypeOf(kind atlas.NodeKind) string {
	if name, ok := graphQLTypeNames[kind]; ok {
		return name
	}
	return graphQLTypeName(kind)
}

// graphQLTypeNames holds graphQLTypeOf of every kind: projections ask it for every node
// a request resolves.
var graphQLTypeNames = func() map[atlas.NodeKind]string {
	m := map[atlas.NodeKind]string{}
	for _, kind := range atlas.NodeKinds {
		m[kind] = graphQLTypeName(kind)
	}
	return m
}()

func graphQLTypeName(kind atlas.NodeKind) string {
	var b strings.Builder
	for _, word := range strings.Split(strings.ToLower(string(kind)), "_") {
		if word != "" {
			b.WriteString(strings.ToUpper(word[:1]) + word[1:])
		}
	}
	return b.String()
}

// mustNode loads a node that a stored fact refers to; its absence is a broken invariant.
func mustNode(ctx context.Context, id string) (atlas.Node, error) {
	n, err := loader.For(ctx).Node(ctx, id)
	if err == nil && n == nil {
		err = atlas.Errorf(atlas.EINTERNAL, "dangling reference to %s", id)
	}
	return n, err
}

// source loads the source a citation or alias names; nil for an empty id.
func source(ctx context.Context, id string) (*atlas.Source, error) {
	if id == "" {
		return nil, nil
	}
	return loader.NodeOf[*atlas.Source](ctx, loader.For(ctx), id)
}

// nullable turns the empty string, which the domain uses for "unknown", into null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// listQuery builds a store list query from connection arguments. GraphQL's `first: 0`
// asks for no nodes, only the count, while the store reads 0 as "the default page":
// countOnly says to ask for one node and drop it.
func listQuery(kind atlas.NodeKind, filter atlas.NodeFilter, field *atlas.OrderField, dir *model.OrderDirection, first *int, after *string) (q atlas.ListQuery, countOnly bool) {
	q = atlas.ListQuery{Kind: kind, Filter: filter}
	if field != nil {
		q.Order.Field = *field
	}
	q.Order.Desc = dir != nil && *dir == model.OrderDirectionDesc
	if first != nil {
		q.First = *first
		if q.First == 0 {
			q.First, countOnly = 1, true
		}
	}
	if after != nil {
		q.After = *after
	}
	return q, countOnly
}

// fetchPage lists one page of nodes of type T (a domain struct such as atlas.Group).
func fetchPage[T any, P interface {
	*T
	atlas.Node
}](ctx context.Context, r *Resolver, q atlas.ListQuery, countOnly bool) (cursors []string, nodes []T, info model.PageInfo, total int, err error) {
	// The store's cursors go out sealed to this list, filter and order (cursors.go), and
	// come back opened, so a forged cursor or one from another list is INVALID.
	if err := knownSources(ctx, q.Filter.CitedBy, q.Filter.IncludeRelayed); err != nil {
		return nil, nil, info, 0, err
	}
	cur := r.cursors(ctx, "")
	if q.After != "" {
		if q.After, err = cur.open(q.After); err != nil {
			return nil, nil, info, 0, err
		}
	}
	// The page holds what the connection selects of its nodes (projection.go), kept in
	// the request's cache as partial nodes, and a count and cursors only if the
	// connection shows them.
	q.Projection = listProjection(ctx, q.Kind)
	q.WithoutCount = !countOnly && !countSelected(ctx)
	q.WithoutCursors = cur.none()
	var asks []loader.Ask
	var next *loader.Next
	var ends *atlas.Projection
	if !countOnly {
		asks, next, ends = pageAsks(ctx, q.Kind)
	}
	p, err := loader.For(ctx).List(ctx, q, asks, next, ends)
	if err != nil {
		return nil, nil, info, 0, err
	}
	info.HasNextPage = p.HasNextPage
	if countOnly {
		info.HasNextPage = len(p.Nodes) > 0
		return []string{}, []T{}, info, p.TotalCount, nil
	}
	nodes = make([]T, 0, len(p.Nodes))
	for _, n := range p.Nodes {
		t, ok := n.(P)
		if !ok {
			return nil, nil, info, 0, atlas.Errorf(atlas.EINTERNAL, "store listed %s among %s nodes", n.NodeID(), q.Kind)
		}
		nodes = append(nodes, *t)
	}
	if q.Projection != nil {
		partial := make([]atlas.Node, len(nodes))
		for i := range nodes {
			partial[i] = P(&nodes[i])
		}
		loader.For(ctx).PrimeProjected(q.Projection, partial...)
	}
	cursors = cur.seal(len(p.Nodes), func(i int) string { return p.Cursors[i] })
	if len(cursors) > 0 {
		info.StartCursor, info.EndCursor = &cursors[0], &cursors[len(cursors)-1]
	}
	return cursors, nodes, info, p.TotalCount, nil
}

// connectionEdges pairs cursors with nodes in a connection's edge type.
func connectionEdges[T, E any](cursors []string, nodes []T, edge func(string, T) E) []E {
	out := make([]E, len(nodes))
	for i := range nodes {
		out[i] = edge(cursors[i], nodes[i])
	}
	return out
}

func orderOf(o *model.EntityOrder) (*atlas.OrderField, *model.OrderDirection) {
	if o == nil {
		return nil, nil
	}
	return &o.Field, &o.Direction
}
