package neo4j

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"lsgatlas/atlas"
	"lsgatlas/searchkey"
)

// How atlas values are stored, and why:
//
//   - Strings, booleans and enums are stored as they are; optional enums and dates (Go
//     pointers) are absent when nil. Integers are INTEGER (int64).
//   - A partial date is stored as its string form ("2018-03"), which round-trips exactly,
//     plus the ordinals of atlas.Span.Bounds (validFrom, validTo, attestedOnly,
//     attestedFrom, attestedTo), so that "as of" filters run in Cypher on plain integers.
//   - Lists of strings (categories, authors, attested dates) are native lists, absent for a
//     nil slice and [] for an empty one, so nil and empty survive the round trip.
//   - Aliases and citations are stored as JSON text written with atlas's own JSON tags.
//     They are records (an alias has four fields); parallel lists would need four lists
//     kept in step, could not hold an absent field, and no statement filters on them. JSON
//     round-trips them exactly, nil ("absent") and empty ("[]") included. Alias names are
//     also stored as the list aliasNames, which the full-text index covers.
//   - Property claims are JSON text too, for the same reasons: records with a list of
//     citations inside, read whole with their node and never filtered on in Cypher.
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
	}
	if claims := atlas.ClaimsOf(n); claims != nil {
		p["claims"] = jsonText(claims)
	}
	aliases := func(as []atlas.Alias) {
		p["aliases"] = jsonText(as)
		var an []string
		for _, a := range as {
			an = append(an, a.Name)
		}
		p["aliasNames"] = strList(an)
	}
	switch n := n.(type) {
	case *atlas.Group:
		b := n.Span().Bounds()
		p["name"], p["nameZh"], p["kind"], p["system"], p["level"] = n.Name, n.NameZh, string(n.Kind), optEnum(n.System), optEnum(n.Level)
		p["jurisdiction"], p["horizon"], p["categories"], p["crossSystem"] = n.Jurisdiction, optEnum(n.Horizon), strList(n.Categories), n.CrossSystem
		p["established"], p["abolished"], p["description"], p["sources"] = optDate(n.Established), optDate(n.Abolished), n.Description, jsonText(n.Sources)
		p["observedUntil"], p["validFrom"], p["validTo"] = optDate(n.ObservedUntil), int64(b.From), int64(b.To)
		p["identifiers"] = jsonText(n.Identifiers)
		p["chairNotKnown"], p["membersIncomplete"], p["endedDateUnknown"] = n.ChairNotKnown, n.MembersIncomplete, n.EndedDateUnknown
		aliases(n.Aliases)
	case *atlas.Office:
		p["name"], p["nameZh"], p["kind"], p["staffing"], p["placement"] = n.Name, n.NameZh, string(n.Kind), optEnum(n.Staffing), optEnum(n.Placement)
		p["description"], p["sources"] = n.Description, jsonText(n.Sources)
		aliases(n.Aliases)
	case *atlas.Institution:
		p["name"], p["nameZh"], p["kind"], p["system"] = n.Name, n.NameZh, string(n.Kind), optEnum(n.System)
		p["description"], p["sources"], p["identifiers"] = n.Description, jsonText(n.Sources), jsonText(n.Identifiers)
		aliases(n.Aliases)
	case *atlas.Position:
		p["title"], p["titleZh"], p["description"], p["sources"] = n.Title, n.TitleZh, n.Description, jsonText(n.Sources)
		if n.Seats != nil {
			p["seats"] = int64(*n.Seats)
		}
		p["identifiers"] = jsonText(n.Identifiers)
		aliases(n.Aliases)
	case *atlas.Person:
		p["name"], p["nameZh"], p["description"], p["sources"] = n.Name, n.NameZh, n.Description, jsonText(n.Sources)
		p["born"], p["died"], p["identifiers"] = optDate(n.Born), optDate(n.Died), jsonText(n.Identifiers)
		aliases(n.Aliases)
	case *atlas.Source:
		p["key"], p["title"], p["authors"], p["publisher"], p["date"] = n.Key, n.Title, strList(n.Authors), n.Publisher, optDate(n.Date)
		p["url"], p["kind"], p["citedVia"], p["note"], p["tier"] = n.URL, string(n.Kind), n.CitedVia, n.Note, string(n.Tier)
		p["dateSources"] = jsonText(n.DateSources)
	case *atlas.Statement:
		p["text"], p["textZh"], p["date"], p["until"] = n.Text, n.TextZh, optDate(n.Date), optDate(n.Until)
		p["confidence"], p["hedge"], p["note"], p["sources"] = string(n.Confidence), n.Hedge, n.Note, jsonText(n.Sources)
	case *atlas.Topic:
		p["name"], p["nameZh"], p["description"], p["sources"] = n.Name, n.NameZh, n.Description, jsonText(n.Sources)
		aliases(n.Aliases)
	case *atlas.Document:
		p["title"], p["titleZh"], p["kind"], p["issued"] = n.Title, n.TitleZh, string(n.Kind), optDate(n.Issued)
		p["description"], p["sources"] = n.Description, jsonText(n.Sources)
		aliases(n.Aliases)
	case *atlas.ReportedCount:
		p["year"], p["value"], p["qualifier"], p["scope"] = int64(n.Year), int64(n.Value), string(n.Qualifier), n.Scope
		p["system"], p["level"], p["confidence"], p["note"], p["sources"] = optEnum(n.System), optEnum(n.Level), string(n.Confidence), n.Note, jsonText(n.Sources)
	}
	return p
}

// relationProps returns the stored properties of r, without ns; type and end nodes are
// the relationship's own.
func relationProps(r *atlas.Relation) map[string]any {
	b := r.StoreBounds()
	var attested []string
	if r.Attested != nil {
		attested = make([]string, len(r.Attested))
		for i, a := range r.Attested {
			attested[i] = a.String()
		}
	}
	return map[string]any{
		"id": r.ID, "role": optEnum(r.Role), "succession": optEnum(r.Succession),
		"start": optDate(r.Start), "end": optDate(r.End), "attested": strList(attested),
		"incompleteList": r.IncompleteList, "confidence": string(r.Confidence), "dateConfidence": optEnum(r.DateConfidence), "note": r.Note,
		"sources": jsonText(r.Sources), "lifetimeStart": optDate(r.LifetimeStart), "lifetimeEnd": optDate(r.LifetimeEnd),
		"observedUntil": optDate(r.ObservedUntil), "holderDeaths": jsonText(r.HolderDeaths), "citedSources": atlas.CitedSources(nil, r),
		"holderBirths": jsonText(r.HolderBirths), "citationTiers": strList(r.CitationTiers), "nextHolderFrom": optDate(r.NextHolderFrom), "relays": jsonText(r.Relays), "relayedBy": strList(r.RelayedBy()), "rank": optEnum(optRank(r.Rank)), "dateClaims": jsonText(r.DateClaims),
		"tiers": strList(r.Tiers), "validFrom": int64(b.From), "validTo": int64(b.To), "attestedOnly": b.AttestedOnly,
		"attestedFrom": ints(b.AttestedFrom), "attestedTo": ints(b.AttestedTo),
		"searchTerms": searchkey.TermText(atlas.RelationSearchFields(r)),
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

// jsonText encodes aliases, citations or a holder's deaths; nil stays absent.
func jsonText[T any](vs []T) any {
	if vs == nil {
		return nil
	}
	b, err := json.Marshal(vs)
	if err != nil {
		panic(err) // aliases, citations and identifiers hold only strings and booleans
	}
	return string(b)
}

// decodeNode rebuilds a node from its stored properties.
func decodeNode(m map[string]any) (atlas.Node, error) {
	p := props{m: m}
	id := p.str("id")
	var n atlas.Node
	switch kind := atlas.NodeKind(p.str("nodeKind")); kind {
	case atlas.GroupNode:
		n = &atlas.Group{ID: id, Name: p.str("name"), NameZh: p.str("nameZh"), Aliases: aliasesOf(&p), Kind: atlas.GroupKind(p.str("kind")),
			System: optEnumOf[atlas.System](&p, "system"), Level: optEnumOf[atlas.Level](&p, "level"), Jurisdiction: p.str("jurisdiction"),
			Horizon: optEnumOf[atlas.Horizon](&p, "horizon"), Categories: strListOf[atlas.Category](&p, "categories"), CrossSystem: p.boolean("crossSystem"),
			Established: p.date("established"), Abolished: p.date("abolished"), Description: p.str("description"),
			Sources: citationsOf(&p), Claims: claimsOf(&p), ObservedUntil: p.date("observedUntil"),
			ChairNotKnown: p.boolean("chairNotKnown"), MembersIncomplete: p.boolean("membersIncomplete"), EndedDateUnknown: p.boolean("endedDateUnknown"),
			Identifiers: jsonOf[atlas.Identifier](&p, "identifiers")}
	case atlas.OfficeNode:
		n = &atlas.Office{ID: id, Name: p.str("name"), NameZh: p.str("nameZh"), Aliases: aliasesOf(&p), Kind: atlas.OfficeKind(p.str("kind")),
			Staffing: optEnumOf[atlas.Staffing](&p, "staffing"), Placement: optEnumOf[atlas.Placement](&p, "placement"),
			Description: p.str("description"), Sources: citationsOf(&p), Claims: claimsOf(&p)}
	case atlas.InstitutionNode:
		n = &atlas.Institution{ID: id, Name: p.str("name"), NameZh: p.str("nameZh"), Aliases: aliasesOf(&p), Kind: atlas.InstitutionKind(p.str("kind")),
			System: optEnumOf[atlas.System](&p, "system"), Description: p.str("description"), Sources: citationsOf(&p), Claims: claimsOf(&p),
			Identifiers: jsonOf[atlas.Identifier](&p, "identifiers")}
	case atlas.PositionNode:
		n = &atlas.Position{ID: id, Title: p.str("title"), TitleZh: p.str("titleZh"), Aliases: aliasesOf(&p), Description: p.str("description"), Sources: citationsOf(&p), Claims: claimsOf(&p),
			Identifiers: jsonOf[atlas.Identifier](&p, "identifiers")}
		if _, ok := m["seats"]; ok {
			seats := p.integer("seats")
			n.(*atlas.Position).Seats = &seats
		}
	case atlas.PersonNode:
		n = &atlas.Person{ID: id, Name: p.str("name"), NameZh: p.str("nameZh"), Aliases: aliasesOf(&p), Description: p.str("description"), Sources: citationsOf(&p), Claims: claimsOf(&p), Born: p.date("born"), Died: p.date("died"),
			Identifiers: jsonOf[atlas.Identifier](&p, "identifiers")}
	case atlas.SourceNode:
		n = &atlas.Source{ID: id, Key: p.str("key"), Title: p.str("title"), Authors: strListOf[string](&p, "authors"), Publisher: p.str("publisher"),
			Date: p.date("date"), URL: p.str("url"), Kind: atlas.SourceKind(p.str("kind")), Tier: atlas.SourceTier(p.str("tier")), CitedVia: p.str("citedVia"), Note: p.str("note"),
			DateSources: jsonOf[atlas.Citation](&p, "dateSources")}
	case atlas.ReportedCountNode:
		n = &atlas.ReportedCount{ID: id, Year: p.integer("year"), Value: p.integer("value"), Qualifier: atlas.CountQualifier(p.str("qualifier")),
			Scope: p.str("scope"), System: optEnumOf[atlas.System](&p, "system"), Level: optEnumOf[atlas.Level](&p, "level"),
			Confidence: atlas.Confidence(p.str("confidence")), Note: p.str("note"), Sources: citationsOf(&p)}
	case atlas.StatementNode:
		n = &atlas.Statement{ID: id, Text: p.str("text"), TextZh: p.str("textZh"), Date: p.date("date"), Until: p.date("until"),
			Confidence: atlas.Confidence(p.str("confidence")), Hedge: p.str("hedge"), Note: p.str("note"), Sources: citationsOf(&p)}
	case atlas.TopicNode:
		n = &atlas.Topic{ID: id, Name: p.str("name"), NameZh: p.str("nameZh"), Aliases: aliasesOf(&p), Description: p.str("description"),
			Sources: citationsOf(&p), Claims: claimsOf(&p)}
	case atlas.DocumentNode:
		n = &atlas.Document{ID: id, Title: p.str("title"), TitleZh: p.str("titleZh"), Aliases: aliasesOf(&p), Kind: atlas.DocumentKind(p.str("kind")),
			Issued: p.date("issued"), Description: p.str("description"), Sources: citationsOf(&p), Claims: claimsOf(&p)}
	default:
		p.fail("nodeKind", fmt.Errorf("unknown node kind %q", kind))
	}
	if p.err != nil {
		return nil, fmt.Errorf("decode node %q: %w", id, p.err)
	}
	return n, nil
}

// decodeRelation rebuilds a relation from its type, end ids and stored properties.
func decodeRelation(typ, from, to string, m map[string]any) (atlas.Relation, error) {
	p := props{m: m}
	r := atlas.Relation{ID: p.str("id"), Type: atlas.RelType(typ), From: from, To: to,
		Role: optEnumOf[atlas.MemberRole](&p, "role"), Succession: optEnumOf[atlas.SuccessionKind](&p, "succession"),
		Start: p.date("start"), End: p.date("end"), Attested: p.dates("attested"), IncompleteList: p.boolean("incompleteList"),
		Confidence: atlas.Confidence(p.str("confidence")), DateConfidence: optEnumOf[atlas.Confidence](&p, "dateConfidence"), Note: p.str("note"), Sources: citationsOf(&p),
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

func aliasesOf(p *props) []atlas.Alias      { return jsonOf[atlas.Alias](p, "aliases") }
func citationsOf(p *props) []atlas.Citation { return jsonOf[atlas.Citation](p, "sources") }
func claimsOf(p *props) []atlas.PropertyClaim {
	return jsonOf[atlas.PropertyClaim](p, "claims")
}

// optRank is nil for an unset rank, so that it is stored as no property.
func optRank(r atlas.Rank) *atlas.Rank {
	if r == "" {
		return nil
	}
	return &r
}
