package atlas_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"lsgatlas/atlas"
)

// claimsOf lists the claims of property p of node id as "value RANK [sources]".
func claimsOf(t *testing.T, ds *atlas.Dataset, id string, p atlas.PropertyName) []string {
	t.Helper()
	var out []string
	for _, c := range atlas.ClaimsOf(ds.Node(id)) {
		if c.Property == p {
			out = append(out, fmt.Sprintf("%s %s %v", c.Value, c.Rank, c.Sources))
		}
	}
	return out
}

// TestClaimChangeCitesOnlyTheValueItGives: a CHANGE of a claim's value moved the old
// value's sources onto the new value and deleted the old claim, so sources that give
// 1958 were shown giving 1957. The old value stays with its own sources, ranked below
// the new one (deprecated in a list, where the change replaces it), and the new value
// cites the change alone; a CHANGE that keeps the value keeps its sources and adds the
// citation.
func TestClaimChangeCitesOnlyTheValueItGives(t *testing.T) {
	est1958 := atlas.ClaimID("group/g", atlas.PropEstablished, "1958")
	aliasGG := atlas.ClaimID("group/g", atlas.PropAlias, "GG")
	a1, a2 := atlas.Citation{Source: "source/a", Locator: "p. 1"}, atlas.Citation{Source: "source/a", Locator: "p. 2"}
	b1 := atlas.Citation{Source: "source/b", Locator: "p. 1"}
	alias := func(name string, rank atlas.Rank) *atlas.ClaimChange {
		return &atlas.ClaimChange{PropertyClaim: atlas.PropertyClaim{Value: name, Confidence: atlas.Stated, Rank: rank}}
	}
	for _, tc := range []struct {
		name    string
		change  atlas.Change
		p       atlas.PropertyName
		claims  []string
		records []string
	}{
		{"a new preferred value: the old one kept with its sources, demoted",
			atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: est1958, Citation: &a2, Claim: claimOf("", "1957", atlas.Preferred)},
			atlas.PropEstablished,
			[]string{fmt.Sprintf("1958 NORMAL %v", []atlas.Citation{a1}), fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1957 PREFERRED %v", []atlas.Citation{a2})},
			[]string{est1958, atlas.ClaimID("group/g", atlas.PropEstablished, "1957")}},
		{"a new value from the passage that gave the old one: that passage misread, the old value goes",
			atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: est1958, Citation: &a1, Claim: claimOf("", "1957", atlas.Preferred)},
			atlas.PropEstablished,
			[]string{fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1957 PREFERRED %v", []atlas.Citation{a1})},
			[]string{est1958, atlas.ClaimID("group/g", atlas.PropEstablished, "1957")}},
		{"the same value, another confidence: its sources kept, the citation added",
			atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: est1958, Citation: &a2, Claim: claimOf("", "1958", atlas.Preferred)},
			atlas.PropEstablished,
			[]string{fmt.Sprintf("1954 NORMAL %v", []atlas.Citation{b1}), fmt.Sprintf("1958 PREFERRED %v", []atlas.Citation{a1, a2})},
			[]string{est1958}},
		{"an alias respelled: the old spelling kept, deprecated, with its source",
			atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordAlias, Target: aliasGG, Citation: &a2, Claim: alias("G.G.", "")},
			atlas.PropAlias,
			[]string{fmt.Sprintf("GG DEPRECATED %v", []atlas.Citation{b1}), fmt.Sprintf("G.G. NORMAL %v", []atlas.Citation{a2})},
			[]string{aliasGG, atlas.ClaimID("group/g", atlas.PropAlias, "G.G.")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := changeBase()
			after := before.Clone()
			applied, err := tc.change.Apply(after)
			if err == nil {
				err = atlas.CheckChange(before, after)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := claimsOf(t, after, "group/g", tc.p); !slices.Equal(got, tc.claims) {
				t.Errorf("claims\n got %q\nwant %q", got, tc.claims)
			}
			if got := applied.RecordIDs(); !slices.Equal(got, tc.records) {
				t.Errorf("records %q, want %q", got, tc.records)
			}
		})
	}
}

// TestRelationDatesNoLaterThanTheirSources: a founding date citing a source published
// before it was refused, while a seat attested after its source's date was accepted.
// Each date of a relationship is held to the sources that give it.
func TestRelationDatesNoLaterThanTheirSources(t *testing.T) {
	b1 := atlas.Citation{Source: "source/b", Locator: "p. 1"}
	seat := func(start, end string, attested ...string) *atlas.Relation {
		r := &atlas.Relation{Type: atlas.MemberOf, From: "person/q", To: "group/g", Confidence: atlas.Stated}
		if start != "" {
			r.Start = atlas.DatePtr(start)
		}
		if end != "" {
			r.End = atlas.DatePtr(end)
		}
		for _, a := range attested {
			r.Attested = append(r.Attested, atlas.MustDate(a))
		}
		return r
	}
	for _, tc := range []struct {
		name string
		rel  *atlas.Relation
		cite *atlas.Citation
		msg  string // "" for none
	}{
		{"an attestation after the source", seat("", "", "2012"), citeA, "cites source/a, dated 2010, for a later attested date 2012"},
		{"a start after the source", seat("2011", ""), citeA, "cites source/a, dated 2010, for a later start date 2011"},
		{"an end after the source", seat("2001", "2011"), citeA, "cites source/a, dated 2010, for a later end date 2011"},
		{"an end in the source's year", seat("2001", "2010"), citeA, ""},
		{"an undated source gives any date", seat("2001", "2020", "2012"), &b1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := changeBase()
			before.People = append(before.People, &atlas.Person{ID: "person/q", Name: "Q", Sources: cite("source/a"), Claims: []atlas.PropertyClaim{
				{Property: atlas.PropName, Value: "Q", Sources: cite("source/a"), Confidence: atlas.Stated, Rank: atlas.Preferred}}})
			_, cur := curatedStore(t, before)
			_, err := cur.Edit(carol, atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: tc.cite, Relation: tc.rel}, 1, "")
			switch {
			case tc.msg == "" && err != nil:
				t.Fatal(err)
			case tc.msg != "" && (atlas.ErrorCode(err) != atlas.EINVALID || !strings.Contains(atlas.ErrorMessage(err), tc.msg)):
				t.Fatalf("err = %v, want INVALID with %q", err, tc.msg)
			}
		})
	}
}

// TestDisputedBirthBoundsFromTheEarliest: with births 1954 (PREFERRED) and 1955
// (NORMAL), an undated holding may possibly hold from 1954, as its span says; the
// lifetime check started the life in 1955 and refused it ("outside the lifetime").
func TestDisputedBirthBoundsFromTheEarliest(t *testing.T) {
	ds := nodeChangeBase()
	ds.People = append(ds.People, &atlas.Person{ID: "person/h", Name: "H", Born: atlas.DatePtr("1954"), Sources: cite("source/a"), Claims: []atlas.PropertyClaim{
		{Property: atlas.PropName, Value: "H", Sources: cite("source/a"), Confidence: atlas.Stated, Rank: atlas.Preferred},
		{Property: atlas.PropBorn, Value: "1954", Sources: cite("source/a"), Confidence: atlas.Disputed, Rank: atlas.Preferred},
		{Property: atlas.PropBorn, Value: "1955", Sources: cite("source/b"), Confidence: atlas.Disputed, Rank: atlas.Normal},
	}})
	_, cur := curatedStore(t, ds)
	rel := &atlas.Relation{Type: atlas.Holds, From: "person/h", To: "position/x", Confidence: atlas.Reported}
	if _, err := cur.Edit(carol, atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: citeA, Relation: rel}, 1, ""); err != nil {
		t.Fatal(err)
	}
}

// TestChangeKeepsAnOmittedRank: an alias or relationship CHANGE that gives no rank
// keeps the one it has; an alias edit un-deprecated the alias, a relationship edit
// dropped its rank.
func TestChangeKeepsAnOmittedRank(t *testing.T) {
	ds := changeBase()
	ds.Groups[0].Claims[3].Rank = atlas.Deprecated // alias GG
	ds.Groups[0].Aliases = nil
	ds.Relations = append(ds.Relations, &atlas.Relation{Type: atlas.MemberOf, From: "person/p", To: "group/g", Start: atlas.DatePtr("1990"), Confidence: atlas.Stated, Rank: atlas.Deprecated, Sources: cite("source/a")})
	store, cur := curatedStore(t, ds)
	aliasGG := atlas.ClaimID("group/g", atlas.PropAlias, "GG")
	if _, err := cur.Edit(carol, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordAlias, Target: aliasGG, Citation: citeA,
		Claim: &atlas.ClaimChange{PropertyClaim: atlas.PropertyClaim{Value: "GG", Confidence: atlas.Reported}}}, 1, ""); err != nil {
		t.Fatal(err)
	}
	relID := atlas.DefaultRelationID(atlas.MemberOf, "person/p", "group/g")
	if _, err := cur.Edit(carol, atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordRelationship, Target: relID, Citation: citeA,
		Relation: &atlas.Relation{Start: atlas.DatePtr("1990"), Confidence: atlas.Reported}}, 1, ""); err != nil {
		t.Fatal(err)
	}
	after, err := store.Snapshot(carol)
	if err != nil {
		t.Fatal(err)
	}
	if got := claimsOf(t, after, "group/g", atlas.PropAlias); !slices.Equal(got, []string{fmt.Sprintf("GG DEPRECATED %v", []atlas.Citation{{Source: "source/b", Locator: "p. 1"}, *citeA})}) {
		t.Errorf("alias claims %q", got)
	}
	if got := after.Relation(relID).Rank; got != atlas.Deprecated {
		t.Errorf("relationship rank %q, want DEPRECATED", got)
	}
}

// TestNoOneAcceptsTheirOwnProposal: a curator's proposal accepted by the same curator
// had a review nobody made.
func TestNoOneAcceptsTheirOwnProposal(t *testing.T) {
	_, cur := curatedStore(t, changeBase())
	p, err := cur.Propose(carol, atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordClaim, Citation: citeA, Claim: claimOf(atlas.PropNameZh, "甲", atlas.Preferred)}, "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = cur.Accept(carol, p.ID, "ok")
	if want := p.ID + " was proposed by carol, who may not accept it: another curator reviews it (or edit directly)"; atlas.ErrorCode(err) != atlas.EINVALID || atlas.ErrorMessage(err) != want {
		t.Fatalf("accept = %v, want INVALID: %s", err, want)
	}
	if _, err := cur.Reject(carol, p.ID, "withdrawn"); err != nil {
		t.Fatalf("withdrawing one's own proposal: %v", err)
	}
}

// TestClaimChangeKeepsAValueShown: a PREFERRED claim changed to NORMAL citing its only
// passage left no value preferred, and the plain field went blank while a source still
// gave it; a change onto a value that has a claim was refused ungrammatically and
// without saying how to undo a change. Another value is preferred first, and the
// refusal says how.
func TestClaimChangeKeepsAValueShown(t *testing.T) {
	a1 := atlas.Citation{Source: "source/a", Locator: "p. 1"}
	zh := atlas.ClaimID("group/g", atlas.PropNameZh, "甲")
	est1954 := atlas.ClaimID("group/g", atlas.PropEstablished, "1954")
	for _, tc := range []struct {
		name   string
		change atlas.Change
		msg    string // the whole INVALID message, "" for none
		zh     []string
	}{
		{"the preferred value demoted", atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: zh, Citation: &a1, Claim: claimOf("", "甲", atlas.Normal)},
			"group/g: the change leaves no NAME_ZH claim PREFERRED, so nameZh would show no value though its claims give one; make another value PREFERRED first (that demotes this one), or DEPRECATE this claim if its source is wrong", nil},
		{"the preferred value replaced by a NORMAL one from its only passage", atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: zh, Citation: &a1, Claim: claimOf("", "乙", atlas.Normal)},
			"group/g: the change leaves no NAME_ZH claim PREFERRED, so nameZh would show no value though its claims give one; make another value PREFERRED first (that demotes this one), or DEPRECATE this claim if its source is wrong", nil},
		{"the preferred value deprecated", atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: zh, Citation: &a1, Claim: claimOf("", "甲", atlas.Deprecated)},
			"", []string{fmt.Sprintf("甲 DEPRECATED %v", []atlas.Citation{a1})}},
		{"the preferred value replaced by a PREFERRED one", atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: zh, Citation: &a1, Claim: claimOf("", "乙", atlas.Preferred)},
			"", []string{fmt.Sprintf("乙 PREFERRED %v", []atlas.Citation{a1})}},
		{"a change onto a value that has a claim", atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: est1954, Citation: &a1, Claim: claimOf("", "1958", atlas.Normal)},
			"group/g already has an ESTABLISHED claim \"1958\" (" + atlas.ClaimID("group/g", atlas.PropEstablished, "1958") + "): change that claim instead; to undo a change from that value, retract the new claim, then change the old one citing the passage", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := changeBase()
			g := before.Groups[0]
			g.NameZh = "甲"
			g.Claims = append(g.Claims, atlas.PropertyClaim{Property: atlas.PropNameZh, Value: "甲", Sources: []atlas.Citation{a1}, Confidence: atlas.Stated, Rank: atlas.Preferred})
			after, err := appliedAndChecked(before, tc.change)
			if tc.msg != "" {
				if atlas.ErrorCode(err) != atlas.EINVALID || atlas.ErrorMessage(err) != tc.msg {
					t.Fatalf("err = %v, want INVALID: %s", err, tc.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := claimsOf(t, after, "group/g", atlas.PropNameZh); !slices.Equal(got, tc.zh) {
				t.Errorf("claims %q, want %q", got, tc.zh)
			}
		})
	}
}
