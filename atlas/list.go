package atlas

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Normalized checks q and fills in defaults, returning EINVALID for a page size out of
// range, an unknown kind, order or enum value, or a filter that does not apply to the
// kind (asking for the "system" of a person is a mistake worth telling the caller).
func (q ListQuery) Normalized() (ListQuery, error) {
	if !Valid(q.Kind, NodeKinds) {
		return q, Errorf(EINVALID, "unknown node kind %q", q.Kind)
	}
	var err error
	if q.First, err = pageSizeOrDefault("first", q.First); err != nil {
		return q, err
	}
	if q.Order.Field == "" {
		q.Order.Field = OrderByName
	}
	switch q.Order.Field {
	case OrderByName, OrderByID:
	case OrderByEstablished:
		if q.Kind != GroupNode {
			return q, Errorf(EINVALID, "only groups can be ordered by ESTABLISHED")
		}
	default:
		return q, Errorf(EINVALID, "unknown order field %q", q.Order.Field)
	}
	if q.After != "" {
		c, err := DecodeCursor(q.After)
		if err != nil {
			return q, err
		}
		if c.Order != q.Order.key() {
			return q, Errorf(EINVALID, "cursor %q belongs to a list in another order: use cursors with the order they came from", q.After)
		}
	}
	f := q.Filter
	applies := map[string]bool{
		"kinds":       len(f.GroupKinds) > 0,
		"levels":      len(f.Levels) > 0,
		"horizons":    len(f.Horizons) > 0,
		"categories":  len(f.Categories) > 0,
		"crossSystem": f.CrossSystem != nil,
		"activeAsOf":  f.ActiveAsOf != nil,
	}
	for name, set := range applies {
		if set && q.Kind != GroupNode {
			return q, Errorf(EINVALID, "filter %s applies to groups only", name)
		}
	}
	if len(f.Systems) > 0 && q.Kind != GroupNode && q.Kind != InstitutionNode {
		return q, Errorf(EINVALID, "filter systems applies to groups and institutions only")
	}
	if len(f.InstitutionKinds) > 0 && q.Kind != InstitutionNode {
		return q, Errorf(EINVALID, "institution kinds apply to institutions only")
	}
	if len(f.OfficeKinds) > 0 && q.Kind != OfficeNode {
		return q, Errorf(EINVALID, "office kinds apply to offices only")
	}
	if len(f.SourceKinds) > 0 && q.Kind != SourceNode {
		return q, Errorf(EINVALID, "source kinds apply to sources only")
	}
	for _, err := range []error{
		allValid("kind", f.GroupKinds, GroupKinds), allValid("level", f.Levels, Levels),
		allValid("horizon", f.Horizons, Horizons), allValid("category", f.Categories, Categories),
		allValid("system", f.Systems, Systems), allValid("institution kind", f.InstitutionKinds, InstitutionKinds),
		allValid("office kind", f.OfficeKinds, OfficeKinds), allValid("source kind", f.SourceKinds, SourceKinds),
		CheckSourceFilter("filter sources", f.CitedBy, f.IncludeRelayed), allValid("tier", f.Tiers, SourceTiers),
	} {
		if err != nil {
			return q, err
		}
	}
	if utf8.RuneCountInString(f.NameContains) > MaxSearchText {
		return q, Errorf(EINVALID, "nameContains may be at most %d characters", MaxSearchText)
	}
	if f.NameContains != "" && NormalizeName(f.NameContains) == "" {
		return q, Errorf(EINVALID, "nameContains %q has no letters or digits to match", f.NameContains)
	}
	if AllTiers(f.Tiers) {
		q.Filter.Tiers = nil // every tier is no filter
	}
	return q, nil
}

func allValid[T ~string](what string, vals, allowed []T) error {
	for _, v := range vals {
		if !Valid(v, allowed) {
			return Errorf(EINVALID, "unknown %s %q", what, v)
		}
	}
	return nil
}

// SortKey is the string a node sorts by under field; ties are broken by id.
func SortKey(n Node, field OrderField) string {
	switch field {
	case OrderByID:
		return n.NodeID()
	case OrderByEstablished:
		if g, ok := n.(*Group); ok && g.Established != nil {
			return fmt.Sprintf("%08d", g.Established.Earliest())
		}
		return "99999999" // unknown dates sort after every known one
	default:
		return strings.ToLower(n.Label())
	}
}

// Cursor is the position of a node in a sorted list: its sort key and id. Keyset cursors
// stay valid when rows are added before them, unlike offsets.
type Cursor struct {
	Key string `json:"k"`
	ID  string `json:"id"`
	// Order is the order the cursor's list was in: a cursor means nothing in another.
	Order string `json:"o"`
}

// Cursor returns the cursor of the node with sort key key and id id in q's list.
func (q ListQuery) Cursor(key, id string) string {
	return EncodeCursor(Cursor{Key: key, ID: id, Order: q.Order.key()})
}

func (o Order) key() string {
	if o.Desc {
		return string(o.Field) + " DESC"
	}
	return string(o.Field)
}

// EncodeCursor returns the opaque form of c: the base64 of c's JSON. A list page makes
// one for every node, so the JSON of the usual cursor (printable ASCII that JSON
// writes as it is) is put together directly; json.Marshal, which gives the same bytes
// (FuzzEncodeCursor), took 3% of an executed three-level query's CPU.
func EncodeCursor(c Cursor) string {
	if !plainJSON(c.Key) || !plainJSON(c.ID) || !plainJSON(c.Order) {
		b, _ := json.Marshal(c)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	b := make([]byte, 0, len(`{"k":"","id":"","o":""}`)+len(c.Key)+len(c.ID)+len(c.Order))
	b = append(b, `{"k":"`...)
	b = append(b, c.Key...)
	b = append(b, `","id":"`...)
	b = append(b, c.ID...)
	b = append(b, `","o":"`...)
	b = append(b, c.Order...)
	b = append(b, `"}`...)
	return base64.RawURLEncoding.EncodeToString(b)
}

// plainJSON reports whether json.Marshal writes s between quotes unchanged: printable
// ASCII other than the quote, the backslash and the three it escapes for HTML.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b < 0x20 || b >= 0x7f, b == '"', b == '\\', b == '<', b == '>', b == '&':
			return false
		}
	}
	return true
}

// DecodeCursor parses an opaque cursor; anything not made by EncodeCursor is EINVALID.
func DecodeCursor(s string) (Cursor, error) {
	var c Cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil || c.ID == "" {
		return c, Errorf(EINVALID, "invalid cursor %q: use a cursor from a previous page", s)
	}
	return c, nil
}

// After reports whether a node with sort key key and id id comes after c.
func (c Cursor) After(key, id string, desc bool) bool {
	return CompareKeys(key, id, c.Key, c.ID, desc) > 0
}

// CompareKeys orders two (sort key, id) pairs, ascending or descending.
func CompareKeys(aKey, aID, bKey, bID string, desc bool) int {
	cmp := strings.Compare(aKey, bKey)
	if cmp == 0 {
		cmp = strings.Compare(aID, bID)
	}
	if desc {
		return -cmp
	}
	return cmp
}

// MatchesFilter reports whether n passes every filter in f except NameContains, which
// needs search keys (see SearchKeysMatch).
func MatchesFilter(n Node, f NodeFilter) bool {
	if len(f.CitedBy) > 0 && !CitesAny(CitedSources(n, nil), f.CitedBy) {
		return false
	}
	return n.matches(f)
}

func inOrEmpty[T comparable](v T, allowed []T) bool {
	return len(allowed) == 0 || slices.Contains(allowed, v)
}

// optIn: an unknown (nil) value passes no non-empty filter.
func optIn[T comparable](v *T, allowed []T) bool {
	return len(allowed) == 0 || (v != nil && slices.Contains(allowed, *v))
}

// Normalized checks q and fills in defaults.
func (q SearchQuery) Normalized() (SearchQuery, error) {
	if utf8.RuneCountInString(q.Text) > MaxSearchText {
		return q, Errorf(EINVALID, "search text may be at most %d characters", MaxSearchText)
	}
	if NormalizeName(q.Text) == "" {
		return q, Errorf(EINVALID, "search text %q has no letters or digits to match", q.Text)
	}
	var err error
	if q.Limit, err = pageSizeOrDefault("limit", q.Limit); err != nil {
		return q, err
	}
	if len(q.Kinds) == 0 {
		q.Kinds = []NodeKind{GroupNode, OfficeNode, InstitutionNode, PositionNode, PersonNode, SourceNode, StatementNode, TopicNode, DocumentNode}
	}
	if err := allValid("node kind", q.Kinds, NodeKinds); err != nil {
		return q, err
	}
	return q, nil
}

// Normalized checks a relation query.
func (q RelationQuery) Normalized() (RelationQuery, error) {
	if q.Direction == "" {
		q.Direction = Both
	}
	if !Valid(q.Direction, []Direction{Outgoing, Incoming, Both}) {
		return q, Errorf(EINVALID, "unknown direction %q", q.Direction)
	}
	for _, id := range q.IDs {
		if _, err := KindOfID(id); err != nil {
			return q, err
		}
	}
	if err := allValid("relationship type", q.Types, RelTypes); err != nil {
		return q, err
	}
	if err := allValid("role", q.Roles, MemberRoles); err != nil {
		return q, err
	}
	if err := CheckSourceFilter("sources", q.Sources, q.IncludeRelayed); err != nil {
		return q, err
	}
	if err := allValid("tier", q.Tiers, SourceTiers); err != nil {
		return q, err
	}
	if AllTiers(q.Tiers) {
		q.Tiers = nil // every tier is no filter, so stores need not tell the two apart
	}
	if _, err := NewWhen(q.AsOf, q.During); err != nil {
		return q, err
	}
	return q, nil
}

// When is the time q asks about.
func (q RelationQuery) When() When { return When{AsOf: q.AsOf, During: q.During} }

// CheckSourceIDs rejects anything in a source filter (what names it) that is not a
// source id: the one check of every sources argument, the store queries' and
// analytics' alike.
func CheckSourceIDs(what string, ids []string) error { return checkSourceIDs(what, ids) }

// CheckSourceFilter is CheckSourceIDs for a filter that may also keep what its sources
// relay (includeRelayed): relayed without sources widens nothing, and was ignored in
// silence, though the caller surely meant some sources.
func CheckSourceFilter(what string, ids []string, relayed bool) error {
	if relayed && len(ids) == 0 {
		return Errorf(EINVALID, "includeRelayed widens a sources filter to the works those sources relay: give sources with it")
	}
	return checkSourceIDs(what, ids)
}

// checkSourceIDs rejects anything in a source filter that is not a source id.
func checkSourceIDs(what string, ids []string) error {
	for _, id := range ids {
		k, err := KindOfID(id)
		if err != nil {
			return Errorf(EINVALID, "%s: %s", what, ErrorMessage(err))
		}
		if k != SourceNode {
			return Errorf(EINVALID, "%s: %q names a %s, not a SOURCE", what, id, k)
		}
	}
	return nil
}

// KeepCiting returns the edges of es whose relation cites one of sources (all of them when
// sources is empty). A malformed or non-source id in sources is EINVALID, as in
// RelationQuery.
func KeepCiting(es []Edge, sources []string) ([]Edge, error) {
	if len(sources) == 0 {
		return es, nil
	}
	if err := checkSourceIDs("sources", sources); err != nil {
		return nil, err
	}
	return slices.DeleteFunc(slices.Clone(es), func(e Edge) bool { return !CitesAny(CitedSources(nil, &e.Relation), sources) }), nil
}

// CitesAny reports whether cited (a CitedSources list) has one of sources; true when
// sources is empty, the filter that keeps everything.
func CitesAny(cited, sources []string) bool {
	if len(sources) == 0 {
		return true
	}
	return slices.ContainsFunc(cited, func(s string) bool { return slices.Contains(sources, s) })
}

// MatchesRelation reports whether r, seen from node id, passes q's type, direction, role,
// asOf, source and tier filters.
func (q RelationQuery) MatchesRelation(id string, r *Relation) bool {
	switch {
	case q.Direction == Outgoing && r.From != id, q.Direction == Incoming && r.To != id:
		return false
	case len(q.Types) > 0 && !slices.Contains(q.Types, r.Type):
		return false
	case len(q.Roles) > 0 && r.Type == MemberOf && (r.Role == nil || !slices.Contains(q.Roles, *r.Role)):
		return false
	case (q.AsOf != nil || q.During != nil) && !r.StoreBounds().MayHoldWhen(q.When()):
		// A query of no time keeps every relation: its bounds are not worked out.
		return false
	case len(q.Sources) > 0 && !r.CitesRelayed(q.Sources, q.IncludeRelayed):
		return false
	case !r.MayBelongToTiers(q.Tiers):
		return false
	}
	return true
}

// Validate checks a count query.
func (q CountQuery) Validate() error {
	if q.FromYear != 0 && q.ToYear != 0 && q.FromYear > q.ToYear {
		return Errorf(EINVALID, "fromYear %d is after toYear %d", q.FromYear, q.ToYear)
	}
	return nil
}
