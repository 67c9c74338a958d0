package neo4j

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
)

// TestRelationRecordMemo: every relationship of the fixture decodes to itself the first
// time (from the text) and the second (from the memo); what a caller does to one decoded
// relationship never shows in another; the memo keeps one entry per record.
func TestRelationRecordMemo(t *testing.T) {
	saved := relationRecords
	defer func() { relationRecords = saved }()
	relationRecords = newRecordMemo(1 << 20)
	rels := conformance.Fixture().Prepared().Relations
	for _, r := range rels {
		text := recordText(r)
		for _, pass := range []string{"from the text", "from the memo"} {
			got, err := decodeRelation(string(r.Type), r.From, r.To, text)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, *r) {
				t.Fatalf("%s, %s:\n got %#v\nwant %#v", r.ID, pass, got, *r)
			}
			// Scribble over what was handed out; the next decode must not see it.
			got.Note, got.Confidence = "scribbled", "scribbled"
			for i := range got.Sources {
				got.Sources[i].Locator = "scribbled"
			}
			for i := range got.DateClaims {
				got.DateClaims[i].Note = "scribbled"
				for k := range got.DateClaims[i].Sources {
					got.DateClaims[i].Sources[k].Source = "scribbled"
				}
			}
			for i := range got.HolderDeaths {
				got.HolderDeaths[i].Tier = "scribbled"
			}
			for i := range got.Relays {
				got.Relays[i].Via = "scribbled"
			}
			if got.Start != nil {
				got.Start.Year = 1
			}
			for i := range got.Tiers {
				got.Tiers[i] = "scribbled"
			}
		}
	}
	if got := relationRecords.size(); got != len(rels) {
		t.Errorf("the memo keeps %d texts, want %d", got, len(rels))
	}
}

// TestRelationRecordMemoIsBounded: past its limit the memo starts again empty, and still
// decodes right.
func TestRelationRecordMemoIsBounded(t *testing.T) {
	saved := relationRecords
	defer func() { relationRecords = saved }()
	r := &atlas.Relation{ID: "member_of/a/b", Type: atlas.MemberOf, From: "person/a", To: "group/b",
		Sources: []atlas.Citation{{Source: "source/alpha", Locator: "p. 1"}}}
	for _, tc := range []struct {
		name  string
		limit int
		want  int
	}{
		{"room for both", 1 << 10, 2},
		{"room for one", 300, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			relationRecords = newRecordMemo(tc.limit)
			for _, locator := range []string{"p. 1", "p. 2"} {
				r.Sources[0].Locator = locator
				got, err := decodeRelation(string(r.Type), r.From, r.To, recordText(r))
				if err != nil {
					t.Fatal(err)
				}
				if got.Sources[0].Locator != locator {
					t.Errorf("decoded locator %q, want %q", got.Sources[0].Locator, locator)
				}
			}
			if got := relationRecords.size(); got != tc.want {
				t.Errorf("the memo keeps %d texts, want %d", got, tc.want)
			}
		})
	}
}

// TestRelationRecordErrors: a record that is not one, or holds a bad date, or a
// relationship of an unknown type, is an error naming what is wrong; nothing is
// remembered for it.
func TestRelationRecordErrors(t *testing.T) {
	saved := relationRecords
	defer func() { relationRecords = saved }()
	relationRecords = newRecordMemo(1 << 20)
	for _, tc := range []struct {
		name, typ string
		stored    any
		want      string
	}{
		{"not JSON", "HOLDS", "{", "decode relation record"},
		{"a bad date", "HOLDS", `{"id":"x","start":"20xx"}`, "decode relation record"},
		{"an unknown type", "LIKES", `{"id":"x"}`, `unknown relationship type "LIKES"`},
		{"neither record nor properties", "HOLDS", int64(1), "want a record or properties, got int64"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodeRelation(tc.typ, "a", "b", tc.stored)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one saying %q", err, tc.want)
			}
		})
	}
	if got := relationRecords.size(); got != 1 { // the unknown type's record decodes; the check is after
		t.Errorf("the memo keeps %d texts, want 1", got)
	}
}

// TestEarlierReleaseRelations: a relationship an earlier release stored as one property per
// field, without a record, decodes to the same relation as its record does.
func TestEarlierReleaseRelations(t *testing.T) {
	for _, r := range conformance.Fixture().Prepared().Relations {
		p, err := storeProps(EarlierReleaseRelationProps(r))
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeRelation(string(r.Type), r.From, r.To, p)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, *r) {
			t.Errorf("%s:\n got %#v\nwant %#v", r.ID, got, *r)
		}
	}
}

// size reports how many texts the memo keeps.
func (c *recordMemo) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.byText)
}

// EarlierReleaseRelationProps is how releases before the record stored a relationship:
// one property per field, citations, date claims, births, deaths and relays as JSON text.
// Kept to test that such relationships still read (here, and live in
// TestLiveEarlierReleaseRelations).
func EarlierReleaseRelationProps(r *atlas.Relation) map[string]any {
	p := relationProps(r)
	delete(p, "record")
	var attested []string
	if r.Attested != nil {
		attested = make([]string, len(r.Attested))
		for i, a := range r.Attested {
			attested[i] = a.String()
		}
	}
	var rank any
	if r.Rank != "" {
		rank = string(r.Rank)
	}
	for k, v := range map[string]any{
		"succession": optEnum(r.Succession), "start": optDate(r.Start), "end": optDate(r.End), "attested": strList(attested),
		"incompleteList": r.IncompleteList, "confidence": string(r.Confidence), "dateConfidence": optEnum(r.DateConfidence), "note": r.Note,
		"sources": earlierJSON(r.Sources), "lifetimeStart": optDate(r.LifetimeStart), "lifetimeEnd": optDate(r.LifetimeEnd),
		"observedUntil": optDate(r.ObservedUntil), "holderDeaths": earlierJSON(r.HolderDeaths), "holderBirths": earlierJSON(r.HolderBirths),
		"citationTiers": strList(r.CitationTiers), "nextHolderFrom": optDate(r.NextHolderFrom), "relays": earlierJSON(r.Relays),
		"rank": rank, "dateClaims": earlierJSON(r.DateClaims),
	} {
		p[k] = v
	}
	return p
}

func earlierJSON[T any](vs []T) any {
	if vs == nil {
		return nil
	}
	b, err := json.Marshal(vs)
	if err != nil {
		panic(err)
	}
	return string(b)
}
