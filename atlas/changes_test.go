package atlas_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/seed"
)

func TestParseFeedPosition(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"12", "12", true},
		{"12.3", "12.3", true},
		{"0", "0", true},
		// Only the form the feed writes: these name no cursor it gave.
		{" 0 ", "", false},
		{"2.0 ", "", false},
		{"02.0", "", false},
		{"+2", "", false},
		{"2.00", "", false},
		{"12.x", "", false},
		{"-1", "", false},
		{"12.-1", "", false},
		{"", "", false},
		{"a.1", "", false},
	} {
		p, err := atlas.ParseFeedPosition(tc.in)
		if (err == nil) != tc.ok || tc.ok && p.String() != tc.want {
			t.Errorf("%q: %v, %v", tc.in, p, err)
		}
		if !tc.ok && atlas.ErrorCode(err) != atlas.EINVALID {
			t.Errorf("%q: code %s", tc.in, atlas.ErrorCode(err))
		}
	}
	if !atlas.AfterRevision(3).Before(atlas.FeedPosition{Revision: 4}) || (atlas.FeedPosition{Revision: 4, Index: 2}).Before(atlas.FeedPosition{Revision: 4, Index: 1}) {
		t.Error("positions are out of order")
	}
}

func TestChangesOf(t *testing.T) {
	rel := json.RawMessage(`{"type":"CHAIRS","from":"person/a","to":"group/b"}`)
	records := []atlas.RecordChange{
		{ID: "group/b/claims/name/1", Kind: atlas.RecordClaim, Version: 2, Before: json.RawMessage(`{}`), After: json.RawMessage(`{}`)},
		{ID: "chairs/person/a/group/b", Kind: atlas.RecordRelationship, Version: 1, After: rel},
		{ID: "chairs/person/a/group/c", Kind: atlas.RecordRelationship, Version: 3, Before: json.RawMessage(`{"from":"person/a","to":"group/c"}`)},
		{ID: "source/s", Kind: atlas.RecordSource, Version: 1, After: json.RawMessage(`{}`)},
		{ID: "person/a/claims/alias/2", Kind: atlas.RecordAlias, Version: 1, After: json.RawMessage(`{}`)},
	}
	for _, tc := range []struct {
		action atlas.AuditAction
		want   string
	}{
		{atlas.ActionProposed, "[]"},
		{atlas.ActionRejected, "[]"},
		{atlas.ActionAccepted, "[7.0 CLAIM_CHANGED group/b/claims/name/1 v2 [group/b] ACCEPTED 7.1 RELATIONSHIP_CREATED chairs/person/a/group/b v1 [person/a group/b] ACCEPTED " +
			"7.2 RELATIONSHIP_RETRACTED chairs/person/a/group/c v3 [person/a group/c] ACCEPTED 7.3 NODE_CREATED source/s v1 [source/s] ACCEPTED 7.4 CLAIM_CREATED person/a/claims/alias/2 v1 [person/a] ACCEPTED]"},
	} {
		var got []string
		for _, e := range atlas.ChangesOf(atlas.AuditEntry{Revision: 7, Action: tc.action, Actor: "carol", Records: records}) {
			got = append(got, fmt.Sprintf("%s %s %s v%d %v %s", e.Cursor(), e.Type, e.Record, e.Version, e.Nodes, e.Cause))
		}
		if s := fmt.Sprintf("%v", got); s != tc.want && !(tc.want == "[]" && got == nil) {
			t.Errorf("%s: %s\nwant %s", tc.action, s, tc.want)
		}
	}
}

func TestChangeFilter(t *testing.T) {
	e := atlas.ChangeEvent{Type: atlas.RelationshipCreated, Record: "chairs/person/a/group/b", Nodes: []string{"person/a", "group/b"}}
	for _, tc := range []struct {
		f    atlas.ChangeFilter
		want bool
	}{
		{atlas.ChangeFilter{}, true},
		{atlas.ChangeFilter{Types: []atlas.ChangeType{atlas.NodeCreated}}, false},
		{atlas.ChangeFilter{Types: []atlas.ChangeType{atlas.RelationshipCreated}, IDs: []string{"group/b"}}, true},
		{atlas.ChangeFilter{IDs: []string{"chairs/person/a/group/b"}}, true},
		{atlas.ChangeFilter{IDs: []string{"group/c"}}, false},
	} {
		if got := tc.f.Matches(e); got != tc.want {
			t.Errorf("%+v: %v", tc.f, got)
		}
	}
	if err := (atlas.ChangeFilter{Types: []atlas.ChangeType{"NODE_EXPLODED"}}).Check(); atlas.ErrorCode(err) != atlas.EINVALID {
		t.Errorf("unknown type: %v", err)
	}
}

// TestImportChangesIgnoreWhatOtherRecordsDerive: restoring Li Keqiang's premiership
// moves what import derives on Wen Jiabao's (the next holder of the seat), but Wen's
// tenure itself is unchanged: the only events are the restored relations'.
func TestImportChangesIgnoreWhatOtherRecordsDerive(t *testing.T) {
	full, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	without := full.Clone()
	var removed []string
	without.Relations = slices.DeleteFunc(without.Relations, func(r *atlas.Relation) bool {
		if r.Type == atlas.Holds && r.From == "person/li-keqiang" && r.To == "position/premier" {
			removed = append(removed, cmp.Or(r.ID, atlas.DefaultRelationID(r.Type, r.From, r.To)))
			return true
		}
		return false
	})
	var got []string
	for _, c := range atlas.ImportChanges(without.Prepared(), full.Prepared()) {
		got = append(got, string(c.Type)+" "+c.ID)
	}
	var want []string
	for _, id := range removed {
		want = append(want, "RELATIONSHIP_CREATED "+id)
	}
	slices.Sort(want)
	if len(removed) == 0 || !slices.Equal(got, want) {
		t.Errorf("changes = %v, want %v", got, want)
	}
}
