package atlas

import (
	"context"
)

// Store is the port every storage backend implements: the in-process store and the
// Neo4j store. It is shaped for batching: methods take many ids and answer in key order,
// so a GraphQL request costs one call per depth level whatever the size of its lists.
//
// Every method may return EUNAVAILABLE when the backend cannot be reached and EINTERNAL
// for anything unexpected. Stores hand out copies: callers may keep what they get.
type Store interface {
	// Nodes returns the nodes with the given ids, in the order given; an id that names
	// nothing gives nil at its place. A malformed id is EINVALID.
	Nodes(ctx context.Context, ids []string) ([]Node, error)

	// Relations returns, for each id in q.IDs and in that order, the relationships of
	// that node that match q, ordered by CompareRelations. Unknown ids get no relations.
	// A malformed id, type, role or direction is EINVALID.
	Relations(ctx context.Context, q RelationQuery) ([][]Relation, error)

	// List returns a page of nodes of one kind that match q.Filter, in q.Order. A filter
	// that does not apply to the kind, a bad cursor or a bad page size is EINVALID.
	List(ctx context.Context, q ListQuery) (Page, error)

	// Search finds nodes by their names, pinyin, descriptions, notes, locators, authors,
	// publishers and the notes and locators of their relationships, best matches first
	// (see SearchQuery). Empty text, text longer than MaxSearchText, a bad limit or kind
	// is EINVALID.
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)

	// Supports returns, for each source id in q.Sources and in that order, one page of
	// what that source supports: relationships, property claims, statements, documents,
	// other nodes and reported counts citing it, each with its locators, in the order
	// and pages of atlas.Supports. An unknown source gets an empty page. A malformed or
	// non-source id, an unknown kind, a bad page size or a foreign cursor is EINVALID.
	Supports(ctx context.Context, q SupportQuery) ([]SupportPage, error)

	// ReportedCounts returns the counts of groups that sources report, ordered by year,
	// then id, keeping those within q's years.
	ReportedCounts(ctx context.Context, q CountQuery) ([]ReportedCount, error)

	// Snapshot returns the whole graph, for analytics and exports.
	Snapshot(ctx context.Context) (*Dataset, error)

	// Revision is a number that changes whenever the stored data changes, so derived
	// data (the analytics projection) knows when to rebuild.
	Revision(ctx context.Context) (int64, error)

	// Import validates ds and makes the store hold exactly ds: every record is upserted
	// by id (a changed record is updated, never duplicated) and every stored record ds
	// no longer has is deleted. Running it twice changes nothing; imports running at once
	// take effect one after the other, and a read that starts after Import returns sees
	// it. An invalid dataset is EINVALID and nothing is written.
	Import(ctx context.Context, ds *Dataset) (ImportReport, error)

	// Ping returns nil when the store can serve requests, EUNAVAILABLE otherwise.
	Ping(ctx context.Context) error

	// Close releases the store's resources.
	Close(ctx context.Context) error
}

// RelationQuery selects relationships of many nodes at once.
type RelationQuery struct {
	IDs []string
	// Types keeps only these types; empty means all.
	Types []RelType
	// Direction is seen from each node in IDs; empty means Both.
	Direction Direction
	// Roles keeps MEMBER_OF relations with one of these roles (other types pass); empty means all.
	Roles []MemberRole
	// AsOf keeps relations whose validity may include the date (Bounds.MayHoldAt).
	AsOf *PartialDate
	// During keeps relations whose validity may include some day of the period (the
	// union of AsOf over its days); giving both AsOf and During is EINVALID.
	During *Period
	// Sources keeps relations that cite at least one of these sources; empty means all.
	Sources []string
	// IncludeRelayed also keeps, with Sources, relations citing a work one of them relays
	// (Relation.CitesRelayed).
	IncludeRelayed bool
	// Tiers keeps relations whose evidence lies in one of these tiers, by the tiers
	// import stored on each (Relation.BelongsToTiers, the rule of RelationInTiers), and
	// those stored without tiers by an earlier release (Relation.MayBelongToTiers); empty
	// or every tier means all. An unknown tier is EINVALID.
	Tiers []SourceTier
}

// OrderField is what a list is sorted by; every order ends with the id as tie-breaker.
type OrderField string

const (
	OrderByName        OrderField = "NAME"
	OrderByID          OrderField = "ID"
	OrderByEstablished OrderField = "ESTABLISHED" // groups only; unknown dates sort after known ones (first when descending)
)

// Order is a sort order for List.
type Order struct {
	Field OrderField
	Desc  bool
}

// Page sizes for List, and the longest text Search and nameContains accept.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
	MaxSearchText   = 200
)

// NodeFilter holds every filter List offers; which apply depends on the kind.
type NodeFilter struct {
	// NameContains keeps nodes with a name, Chinese name, alias or pinyin that contains
	// the text, folded as NormalizeName does (a substring, inside words too: a filter, not
	// a search; see searchkey.NameContains).
	NameContains string
	// Groups.
	GroupKinds  []GroupKind
	Levels      []Level
	Horizons    []Horizon
	Categories  []Category
	CrossSystem *bool
	// ActiveAsOf keeps groups whose lifetime may include the date.
	ActiveAsOf *PartialDate
	// CitedBy keeps nodes that cite at least one of these sources, for themselves, a
	// property claim or an alias (CitedSources); every kind. Empty means all.
	CitedBy []string
	// IncludeRelayed also keeps, with CitedBy, nodes citing a work one of those sources
	// relays (RelayedBy, following Source.CitedVia): the stores widen CitedBy with
	// NodeFilter.WithRelayed before matching.
	IncludeRelayed bool
	// Tiers keeps nodes with a fact citing a source of these tiers, and with CitedBy,
	// citing a source of CitedBy in these tiers (CitedByTiers); every kind. Empty or every
	// tier means all; an unknown tier is EINVALID. The stores narrow CitedBy with
	// NodeFilter.Resolved before matching.
	Tiers []SourceTier
	// Groups and institutions.
	Systems []System
	// Institutions, offices, sources.
	InstitutionKinds []InstitutionKind
	OfficeKinds      []OfficeKind
	SourceKinds      []SourceKind
}

// ListQuery asks for one page of nodes of one kind.
type ListQuery struct {
	Kind   NodeKind
	Filter NodeFilter
	Order  Order
	// First is the page size: 0 means DefaultPageSize; more than MaxPageSize or less than
	// 0 is EINVALID.
	First int
	// After is the cursor of the last node of the previous page, or "".
	After string
	// Projection, when not nil, lets a store that can project (NodeProjector) return
	// partial nodes holding only these properties; cursors are those of the whole nodes.
	Projection *Projection
	// WithoutCount says the caller will not read the page's TotalCount, which is then 0:
	// a store need not count every match (Neo4j reads every node of the kind that passes
	// a filter to count them).
	WithoutCount bool
	// WithoutCursors says the caller will not read the page's Cursors, which are then
	// empty: a store need not make a cursor for every node of a page whose cursors the
	// query does not show.
	WithoutCursors bool
}

// Page is one page of a list.
type Page struct {
	Nodes []Node
	// Cursors[i] is the cursor of Nodes[i]; empty when the query was WithoutCursors.
	Cursors     []string
	TotalCount  int
	HasNextPage bool
}

// IDs are the ids of the page's nodes, in order: those a list's relation queries are
// asked of (ListWithRelations).
func (p Page) IDs() []string {
	ids := make([]string, len(p.Nodes))
	for i, n := range p.Nodes {
		ids[i] = n.NodeID()
	}
	return ids
}

// SearchQuery asks for nodes by any of their searchable texts (SearchFields), best
// matches first, ranked by relevance (BM25 over the words of names and texts, names
// weighing most; searchkey implements it for both stores). Every word is optional and
// the order of words does not matter; a hit with more of the query's words ranks higher.
// Case, accents, tone marks and traditional or simplified characters are folded, and
// synonyms ("LSG" = "leading small group" = "领导小组") are one term. A name that equals
// the query (score 4), or starts with it at a word (3), ranks above every other hit;
// a hit is otherwise scored 2 when its best field is a name, 1 when it is another field
// (description, note, author, publisher, locator, a relationship's note or locator).
// Words match whole ("Tibet" is not found inside "Tibetan"), but a word of five or more
// letters also finds words one typo away, ranked below the word as typed.
type SearchQuery struct {
	Text string
	// Kinds keeps only these kinds; empty means all except reported counts.
	Kinds []NodeKind
	// Limit: 0 means 20; more than 100 or less than 0 is EINVALID.
	Limit int
}

// Search scores, best first.
const (
	ScoreExactName  = 4
	ScoreNamePrefix = 3
	ScoreNameWord   = 2
	ScoreOtherField = 1
)

// SearchResult is what Search found: the best hits, and how many there are of each kind
// in all (not only among the hits returned).
type SearchResult struct {
	Hits []SearchHit
	// Counts has one entry per kind with hits, in NodeKinds order.
	Counts []KindCount
	// Total is the number of hits of every kind, the sum of Counts.
	Total int
}

// KindCount is how many hits of one kind a search has.
type KindCount struct {
	Kind  NodeKind
	Count int
}

// SearchHit is a node found by Search, and where the match was.
type SearchHit struct {
	Node Node
	// Matched is the name that matched (for a name field or its pinyin), else the
	// matched words as the field writes them.
	Matched string
	// MatchedField is the SearchField.Field that matched ("name", "description",
	// "relationship.note"…), "pinyin" for the pinyin of a Chinese name.
	MatchedField string
	// Snippet is a short extract of the field with the match between « and ».
	Snippet string
	// Score is how the best field matched (ScoreExactName…ScoreOtherField).
	Score int
	// Relevance is the BM25 relevance of the node to the query, rounded to 3 decimals:
	// hits scored 4 come first, then 3, then the rest by Relevance.
	Relevance float64
	// Relationship is the relationship whose note or locator matched, seen from Node (its
	// subject); nil when the node's own field matched.
	Relationship *Edge
}

// CountQuery selects reported counts by year (inclusive; 0 means open).
type CountQuery struct {
	FromYear, ToYear int
}

// CountQueryOf is the query of optional year bounds, each a year from 1 to 9999 and the
// first no later than the last: EINVALID otherwise, since 0 would read as no bound.
func CountQueryOf(fromYear, toYear *int) (CountQuery, error) {
	var q CountQuery
	for _, y := range []struct {
		name string
		v    *int
		to   *int
	}{{"fromYear", fromYear, &q.FromYear}, {"toYear", toYear, &q.ToYear}} {
		if y.v == nil {
			continue
		}
		if err := CheckRange(y.name, *y.v, 1, 9999); err != nil {
			return CountQuery{}, err
		}
		*y.to = *y.v
	}
	if q.FromYear != 0 && q.ToYear != 0 && q.FromYear > q.ToYear {
		return CountQuery{}, Errorf(EINVALID, "fromYear %d is after toYear %d", q.FromYear, q.ToYear)
	}
	return q, nil
}

// ImportReport says what an import changed, counting nodes and relations alike.
type ImportReport struct {
	Created, Updated, Unchanged int
	// Deleted counts the stored records the dataset no longer has.
	Deleted int
}

// Changed reports whether the import changed any stored record.
func (r ImportReport) Changed() bool { return r.Created+r.Updated+r.Deleted > 0 }

// Count records one record of an import, comparing what was stored (old, if existed)
// with what is imported: created, unchanged when the two are the same (sameStored), updated
// otherwise. It reports whether the record changed. Both stores count with it, so they
// agree on what "unchanged" means.
func (r *ImportReport) Count(old, new any, existed bool) (changed bool) {
	switch {
	case !existed:
		r.Created++
	case sameStored(old, new):
		r.Unchanged++
		return false
	default:
		r.Updated++
	}
	return true
}
