package seed_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"
)

// workingNote matches what reads as a curator's instruction or open question rather
// than an explanation for readers: to-dos, "check", "attach only if…", "do not join
// them", "replace it when…".
var workingNote = regexp.MustCompile(`(?i)\b(todo|to-do|fixme|tbd|xxx)\b|\bcheck\b|\bverify\b|\battach only\b|` +
	`\bdo not (join|merge|attach|add|link|use)\b|\bdon't (join|merge|attach|add|link|use)\b|\breplace (it|this|them) when\b|` +
	`\bif the lead\b|\bthe lead (accepts|decides|agrees)\b|\?\s*$`)

// publicText are the fields the API shows as prose.
var publicText = map[string]bool{"note": true, "description": true, "text": true, "hedge": true, "scope": true}

// TestNoWorkingNoteIsPublic: notes and descriptions are written for readers; a
// curator's working note in one of them would show in the API and the Explorer.
func TestNoWorkingNoteIsPublic(t *testing.T) {
	raw, err := json.Marshal(bundled(t))
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(raw, &tree); err != nil {
		t.Fatal(err)
	}
	fields := 0
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if id, ok := v["id"].(string); ok && id != "" {
				path = id
			}
			for k, x := range v {
				if s, ok := x.(string); ok && publicText[k] {
					fields++
					if m := workingNote.FindString(s); m != "" {
						t.Errorf("%s %s reads as a working note (%q): %s", path, k, m, s)
					}
					continue
				}
				walk(path, x)
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s[%d]", path, i), x)
			}
		}
	}
	walk("dataset", tree)
	if fields < 500 {
		t.Errorf("only %d public text fields checked", fields)
	}
}

func TestWorkingNotePatternCatchesTheKnownCases(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Wikipedia names an issue area, not a body; attach only if the lead accepts the area list.", true},
		{"No source links it to the LSG; do not join them.", true},
		{"The existing README does — check.", true},
		{"Kind NEWS; replace it when an encyclopaedia page is at hand.", true},
		{"TODO: date", true},
		{"SIPRI only 'presumed' Dai to be the office's director: a hedge, not a confirmed post.", false},
		{"No source links it to the LSG, so the dataset keeps them apart.", false},
	} {
		if got := workingNote.MatchString(tc.text); got != tc.want {
			t.Errorf("%q: matched %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestPartialMemberListsMakeTheGroupIncomplete: a group whose member edges come from a
// list its source calls partial does not claim a complete member list.
func TestPartialMemberListsMakeTheGroupIncomplete(t *testing.T) {
	ds := bundled(t)
	incomplete := map[string]bool{}
	for _, g := range ds.Groups {
		incomplete[g.ID] = g.MembersIncomplete
	}
	checked := 0
	for _, r := range ds.Relations {
		if r.Type != "MEMBER_OF" || !r.IncompleteList {
			continue
		}
		checked++
		if !incomplete[r.To] {
			t.Errorf("%s: its member %s comes from a partial list, but the group is not membersIncomplete", r.To, r.From)
		}
	}
	if checked == 0 {
		t.Error("no member edge from a partial list checked")
	}
}
