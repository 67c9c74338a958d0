package neo4j

import (
	"encoding/json"
	"fmt"
	"sync"

	"lsgatlas/atlas"
)

// A relationship is stored as two things (relationProps):
//
//   - the properties Cypher reads (ns, id, role, tiers, citedSources, relayedBy,
//     searchTerms and the ordinals validFrom, validTo, attestedOnly, attestedFrom,
//     attestedTo), copies derived at write time for filters and indexes;
//   - record, one JSON text of everything the relation says (relationRecord), which is
//     what every read decodes.
//
// Why one text: a read used to return properties(r), a map of some twenty-five values.
// Producing that map per row was Neo4j's largest cost per request (about a quarter of its
// CPU for the two-level query's three statements), and the driver then hydrated the map
// and the store decoded five JSON texts out of it. One string property is one short
// read for Neo4j, one value for the driver, and one memo lookup here (relationRecords):
// the same relationships are read again and again, and the memo is keyed by the text
// itself, so it cannot go stale.
//
// A relationship written by an earlier release has no record; the read statements then
// return properties(r) (coalesce(r.record, properties(r))), which decodeRelation still
// reads, so no migration is needed and the next import that rewrites it writes a record.

// relationRecord is the stored form of an atlas.Relation beyond its type and ends, which
// are the relationship's own. Unlike atlas.Relation's dataset JSON, it keeps the fields
// the import computes, and its lists are never omitted: nil is null and empty is [], so
// both survive the round trip (TestRelationRoundTrip).
type relationRecord struct {
	ID             string                `json:"id"`
	Role           *atlas.MemberRole     `json:"role,omitempty"`
	Succession     *atlas.SuccessionKind `json:"succession,omitempty"`
	Start          *atlas.PartialDate    `json:"start,omitempty"`
	End            *atlas.PartialDate    `json:"end,omitempty"`
	Attested       []atlas.PartialDate   `json:"attested"`
	IncompleteList bool                  `json:"incompleteList,omitempty"`
	Confidence     atlas.Confidence      `json:"confidence"`
	DateConfidence *atlas.Confidence     `json:"dateConfidence,omitempty"`
	Note           string                `json:"note,omitempty"`
	Sources        []atlas.Citation      `json:"sources"`
	Rank           atlas.Rank            `json:"rank,omitempty"`
	DateClaims     []atlas.DateClaim     `json:"dateClaims"`
	LifetimeStart  *atlas.PartialDate    `json:"lifetimeStart,omitempty"`
	LifetimeEnd    *atlas.PartialDate    `json:"lifetimeEnd,omitempty"`
	ObservedUntil  *atlas.PartialDate    `json:"observedUntil,omitempty"`
	HolderDeaths   []atlas.Death         `json:"holderDeaths"`
	HolderBirths   []atlas.Death         `json:"holderBirths"`
	CitationTiers  []atlas.SourceTier    `json:"citationTiers"`
	NextHolderFrom *atlas.PartialDate    `json:"nextHolderFrom,omitempty"`
	Relays         []atlas.Relay         `json:"relays"`
	Tiers          []atlas.SourceTier    `json:"tiers"`
}

// recordText encodes r's record.
func recordText(r *atlas.Relation) string {
	b, err := json.Marshal(relationRecord{ID: r.ID, Role: r.Role, Succession: r.Succession, Start: r.Start, End: r.End,
		Attested: r.Attested, IncompleteList: r.IncompleteList, Confidence: r.Confidence, DateConfidence: r.DateConfidence,
		Note: r.Note, Sources: r.Sources, Rank: r.Rank, DateClaims: r.DateClaims, LifetimeStart: r.LifetimeStart,
		LifetimeEnd: r.LifetimeEnd, ObservedUntil: r.ObservedUntil, HolderDeaths: r.HolderDeaths, HolderBirths: r.HolderBirths,
		CitationTiers: r.CitationTiers, NextHolderFrom: r.NextHolderFrom, Relays: r.Relays, Tiers: r.Tiers})
	if err != nil {
		panic(err) // a relation holds only strings, booleans and dates, which always encode
	}
	return string(b)
}

// decodeRecord rebuilds a relation from its type, ends and record text.
func decodeRecord(typ, from, to, text string) (atlas.Relation, error) {
	r, err := relationRecords.decode(text)
	if err != nil {
		return atlas.Relation{}, fmt.Errorf("decode relation record: %w", err)
	}
	r.Type, r.From, r.To = atlas.RelType(typ), from, to
	if !atlas.Valid(r.Type, atlas.RelTypes) {
		return r, fmt.Errorf("decode relation %q: unknown relationship type %q", r.ID, typ)
	}
	return r, nil
}

// recordMemo remembers what each record text decoded to. What it hands out is always a
// copy (atlas.Relation.Clone), never shared with the memo or another caller.
type recordMemo struct {
	limit  int // the bytes of text kept at most; past it, the memo starts again empty
	mu     sync.Mutex
	byText map[string]atlas.Relation
	bytes  int
}

// relationRecords is the process's memo. Records average about 570 bytes (2.7 MB for the
// 10x dataset's 4,710 relationships), so 32 MiB holds the 100x dataset's; what they
// decode to takes about 1.6 times their text again (measured on the 10x dataset), so the
// memo stays under about 85 MB.
var relationRecords = newRecordMemo(32 << 20)

func newRecordMemo(limit int) *recordMemo {
	return &recordMemo{limit: limit, byText: map[string]atlas.Relation{}}
}

// decode returns a copy of what text decodes to, from the memo when it was decoded
// before. A text that does not decode is not remembered.
func (c *recordMemo) decode(text string) (atlas.Relation, error) {
	c.mu.Lock()
	r, ok := c.byText[text]
	c.mu.Unlock()
	if ok {
		return r.Clone(), nil
	}
	var rec relationRecord
	if err := json.Unmarshal([]byte(text), &rec); err != nil {
		return atlas.Relation{}, err
	}
	r = atlas.Relation{ID: rec.ID, Role: rec.Role, Succession: rec.Succession, Start: rec.Start, End: rec.End,
		Attested: rec.Attested, IncompleteList: rec.IncompleteList, Confidence: rec.Confidence, DateConfidence: rec.DateConfidence,
		Note: rec.Note, Sources: rec.Sources, Rank: rec.Rank, DateClaims: rec.DateClaims, LifetimeStart: rec.LifetimeStart,
		LifetimeEnd: rec.LifetimeEnd, ObservedUntil: rec.ObservedUntil, HolderDeaths: rec.HolderDeaths, HolderBirths: rec.HolderBirths,
		CitationTiers: rec.CitationTiers, NextHolderFrom: rec.NextHolderFrom, Relays: rec.Relays, Tiers: rec.Tiers}
	c.mu.Lock()
	if c.bytes+len(text) > c.limit {
		c.byText, c.bytes = map[string]atlas.Relation{}, 0
	}
	c.byText[text] = r
	c.bytes += len(text)
	c.mu.Unlock()
	return r.Clone(), nil
}
