package neo4j

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"lsgatlas/atlas"
	"lsgatlas/internal/searchkey"
)

// How atlas values are stored, and why (a node's own fields are written and read by
// putFields and readFields, nodefields.go, under their names in the dataset format):
//
//   - Strings, booleans and enums are stored as they are; optional enums and dates (Go
//     pointers) are absent when nil. Integers are INTEGER (int64).
//   - A node's partial date is stored as its string form ("2018-03"), which round-trips
//     exactly; nodes and relationships also store the ordinals of atlas.Span.Bounds
//     (validFrom, validTo, attestedOnly, attestedFrom, attestedTo), so that "as of"
//     filters run in Cypher on plain integers.
//   - Lists of strings (categories, authors, attested dates) are native lists, absent for a
//     nil slice and [] for an empty one, so nil and empty survive the round trip.
//   - Aliases and citations are stored as JSON text written with atlas's own JSON tags.
//     They are records (an alias has four fields); parallel lists would need four lists
//     kept in step, could not hold an absent field, and no statement filters on them. JSON
//     round-trips them exactly, nil ("absent") and empty ("[]") included. Alias names are
//     also stored as the list aliasNames, which the full-text index covers.
//   - Property claims are JSON text too, for the same reasons: records with a list of
//     citations inside, read whole with their node and never filtered on in Cypher.
//   - A relationship's fields are one JSON text, its record (record.go), beside copies of
//     the few that Cypher filters on: a read returns one value per relationship.
//   - tiers (atlas.Tiered, derived at import) lists on every node the tiers of the sources
//     it cites, [] for none, so that a list filters by them (list_by_*); a relationship's
//     tiers are atlas.Relation.Tiers.
//   - citedSources (atlas.CitedSources) lists, on every node and relationship, the ids of
//     the sources it cites anywhere, so that "what does this source say" is one filter.
//   - Every node stores what the queries need: its search keys (searchkey.Of) as a list,
//     the names they came from, and joined with "|" as searchText for the TEXT index; its
//     sort keys (atlas.SortKey) per order field. sortName is the hex of the key's UTF-8
//     bytes: Neo4j orders strings by UTF-16 code units and Go by bytes, which disagree on
//     characters beyond U+FFFF; hex digits order the same way in both.
//   - Nodes and relationships store searchTerms (searchkey.TermText): the index terms of
//     all their searchable fields, separated by spaces, which the full-text indexes
//     (entity_terms, relation_terms, whitespace analyzer) take as they are, so that
//     Lucene's terms are searchkey's.

// nodeProps returns the stored properties of n, without scopedId and ns, which the
// statements set from their own parameters.
func nodeProps(n atlas.Node) map[string]any {
	keys := searchkey.Of(n)
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.Name
	}
	p := map[string]any{
		"id":              n.NodeID(),
		"nodeKind":        string(n.NodeKind()),
		"sortName":        sortName(atlas.SortKey(n, atlas.OrderByName)),
		"sortEstablished": atlas.SortKey(n, atlas.OrderByEstablished),
		"searchKeys":      searchkey.Strings(keys),
		"searchNames":     names,
		"searchText":      strings.Join(searchkey.Strings(keys), "|"),
		"searchTerms":     searchkey.TermText(atlas.SearchFields(n)),
		"citedSources":    atlas.CitedSources(n, nil),
		// Always a list, [] for none, so that only a node stored by an earlier release,
		// which did not derive tiers, has no tiers property (list_by_*).
		"tiers": strs(n.NodeTiers()),
	}
	putFields(p, n)
	var aliasNames []string
	for _, a := range n.NodeAliases() {
		aliasNames = append(aliasNames, a.Name)
	}
	p["aliasNames"] = strList(aliasNames)
	// A group's lifetime is derived (its observedUntil and knownFrom are no fields of the dataset
	// format) and "as of" filters read its bounds.
	if g, ok := n.(*atlas.Group); ok {
		b := g.Span().Bounds()
		p["observedUntil"], p["knownFrom"], p["validFrom"], p["validTo"] = optDate(g.ObservedUntil), optDate(g.KnownFrom), int64(b.From), int64(b.To)
	}
	return p
}

// relationProps returns the stored properties of r, without ns; type and end nodes are
// the relationship's own. Cypher reads only these properties beside the record (see
// record.go), which every read decodes.
func relationProps(r *atlas.Relation) map[string]any {
	b := r.StoreBounds()
	return map[string]any{
		"id": r.ID, "role": optEnum(r.Role), "citedSources": atlas.CitedSources(nil, r), "relayedBy": strList(r.RelayedBy()),
		"tiers": strList(r.Tiers), "validFrom": int64(b.From), "validTo": int64(b.To), "attestedOnly": b.AttestedOnly,
		"attestedFrom": ints(b.AttestedFrom), "attestedTo": ints(b.AttestedTo),
		"searchTerms": searchkey.TermText(atlas.RelationSearchFields(r)),
		"record":      recordText(r),
	}
}

func sortName(key string) string { return hex.EncodeToString([]byte(key)) }

// The encoders return nil (no property) for nil values. A nil of a concrete type inside
// an interface would not be nil, so each returns a plain any.

func optEnum[T ~string](v *T) any {
	if v == nil {
		return nil
	}
	return string(*v)
}

func optDate(d *atlas.PartialDate) any {
	if d == nil {
		return nil
	}
	return d.String()
}

func strList[T ~string](vs []T) any {
	if vs == nil {
		return nil
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func ints(vs []int) any {
	if vs == nil {
		return nil
	}
	out := make([]int64, len(vs))
	for i, v := range vs {
		out[i] = int64(v)
	}
	return out
}

// decodeNode rebuilds a node from its stored properties.
func decodeNode(m map[string]any) (atlas.Node, error) {
	p := props{m: m}
	id := p.str("id")
	kind := atlas.NodeKind(p.str("nodeKind"))
	n, known := atlas.NewNode(kind)
	if known {
		readFields(&p, n)
	} else {
		p.fail("nodeKind", fmt.Errorf("unknown node kind %q", kind))
	}
	if g, ok := n.(*atlas.Group); ok {
		g.ObservedUntil, g.KnownFrom = p.date("observedUntil"), p.date("knownFrom")
	}
	if tiers := strListOf[atlas.SourceTier](&p, "tiers"); known && len(tiers) > 0 {
		n.SetNodeTiers(tiers) // none is nil, as import derives it
	}
	if p.err != nil {
		return nil, fmt.Errorf("decode node %q: %w", id, p.err)
	}
	return n, nil
}

// decodeRelation rebuilds a relation from its type, end ids and what a read statement
// returned for it: its record text, or the properties of a relationship an earlier
// release wrote without one (decodeProperties).
func decodeRelation(typ, from, to string, stored any) (atlas.Relation, error) {
	switch v := stored.(type) {
	case string:
		return decodeRecord(typ, from, to, v)
	case map[string]any:
		return decodeProperties(typ, from, to, v)
	}
	return atlas.Relation{}, fmt.Errorf("decode relation from %s to %s: want a record or properties, got %T", from, to, stored)
}

// decodeProperties rebuilds a relation an earlier release stored as properties, one per
// field, with citations, date claims, holders' births and deaths and relays as JSON text.
func decodeProperties(typ, from, to string, m map[string]any) (atlas.Relation, error) {
	p := props{m: m}
	r := atlas.Relation{ID: p.str("id"), Type: atlas.RelType(typ), From: from, To: to,
		Role: optEnumOf[atlas.MemberRole](&p, "role"), Succession: optEnumOf[atlas.SuccessionKind](&p, "succession"),
		Start: p.date("start"), End: p.date("end"), Attested: p.dates("attested"), IncompleteList: p.boolean("incompleteList"),
		Confidence: atlas.Confidence(p.str("confidence")), DateConfidence: optEnumOf[atlas.Confidence](&p, "dateConfidence"), Note: p.str("note"), Sources: jsonOf[atlas.Citation](&p, "sources"),
		LifetimeStart: p.date("lifetimeStart"), LifetimeEnd: p.date("lifetimeEnd"), ObservedUntil: p.date("observedUntil"),
		HolderDeaths: jsonOf[atlas.Death](&p, "holderDeaths"), HolderBirths: jsonOf[atlas.Death](&p, "holderBirths"),
		DateClaims: jsonOf[atlas.DateClaim](&p, "dateClaims"), CitationTiers: strListOf[atlas.SourceTier](&p, "citationTiers"), NextHolderFrom: p.date("nextHolderFrom"), Relays: jsonOf[atlas.Relay](&p, "relays"),
		Tiers: strListOf[atlas.SourceTier](&p, "tiers")}
	if rank := optEnumOf[atlas.Rank](&p, "rank"); rank != nil {
		r.Rank = *rank
	}
	if !atlas.Valid(r.Type, atlas.RelTypes) {
		p.fail("type", fmt.Errorf("unknown relationship type %q", typ))
	}
	if p.err != nil {
		return r, fmt.Errorf("decode relation %q: %w", r.ID, p.err)
	}
	return r, nil
}

// props reads stored properties, keeping the first type mismatch so that a decoder can
// read every field and check once.
type props struct {
	m   map[string]any
	err error
}

func (p *props) fail(key string, err error) {
	if p.err == nil {
		p.err = fmt.Errorf("property %s: %w", key, err)
	}
}

func get[T any](p *props, key, want string) (T, bool) {
	var zero T
	v, ok := p.m[key]
	if !ok || v == nil {
		return zero, false
	}
	t, ok := v.(T)
	if !ok {
		p.fail(key, fmt.Errorf("want %s, got %T", want, v))
	}
	return t, ok
}

func (p *props) str(key string) string { s, _ := get[string](p, key, "STRING"); return s }

func (p *props) boolean(key string) bool { b, _ := get[bool](p, key, "BOOLEAN"); return b }

func (p *props) integer(key string) int { i, _ := get[int64](p, key, "INTEGER"); return int(i) }

func (p *props) date(key string) *atlas.PartialDate {
	s, ok := get[string](p, key, "STRING")
	if !ok {
		return nil
	}
	d, err := atlas.ParseDate(s)
	if err != nil {
		p.fail(key, err)
		return nil
	}
	return &d
}

func (p *props) dates(key string) []atlas.PartialDate {
	ss := strListOf[string](p, key)
	if ss == nil {
		return nil
	}
	out := make([]atlas.PartialDate, len(ss))
	for i, s := range ss {
		d, err := atlas.ParseDate(s)
		if err != nil {
			p.fail(key, err)
		}
		out[i] = d
	}
	return out
}

func optEnumOf[T ~string](p *props, key string) *T {
	s, ok := get[string](p, key, "STRING")
	if !ok {
		return nil
	}
	v := T(s)
	return &v
}

// strListOf reads a list of strings: nil when absent, empty when stored empty.
func strListOf[T ~string](p *props, key string) []T {
	l, ok := get[[]any](p, key, "LIST<STRING>")
	if !ok {
		return nil
	}
	out := make([]T, len(l))
	for i, v := range l {
		s, ok := v.(string)
		if !ok {
			p.fail(key, fmt.Errorf("want LIST<STRING>, got an element of type %T", v))
		}
		out[i] = T(s)
	}
	return out
}

func jsonOf[T any](p *props, key string) []T {
	s, ok := get[string](p, key, "STRING")
	if !ok {
		return nil
	}
	var out []T
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		p.fail(key, err)
	}
	return out
}
