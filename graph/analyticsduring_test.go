package graph_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The analytics over a period answer over the union of the asOf networks of its days:
// a relationship counts when it may hold on some day of the period.
func TestAnalyticsDuringIsOverTheUnionOfAsOf(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type rel struct {
		ID   string
		From struct{ ID string }
		To   struct{ ID string }
	}
	relsOf := func(query string) []rel {
		var got struct{ Network struct{ Relationships []rel } }
		data(t, srv, query, nil, &got)
		return got.Network.Relationships
	}
	// The relationships of the network over 2017-2019 are those of its years together.
	during := relsOf(`{ network(during: {from: "2017", to: "2019"}) { relationships { id from { id } to { id } } } }`)
	ids := func(rs []rel) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	var union []rel
	for _, y := range []string{"2017", "2018", "2019"} {
		union = append(union, relsOf(fmt.Sprintf(`{ network(asOf: %q) { relationships { id from { id } to { id } } } }`, y))...)
	}
	if got, want := ids(during), ids(union); !slices.Equal(got, want) {
		t.Fatalf("network during 2017-2019: %d relationships, the union of its years %d", len(got), len(want))
	}
	// DEGREE over the period is the number of distinct neighbours in that union.
	neighbours := map[string]map[string]bool{}
	for _, r := range union {
		for _, pair := range [][2]string{{r.From.ID, r.To.ID}, {r.To.ID, r.From.ID}} {
			if neighbours[pair[0]] == nil {
				neighbours[pair[0]] = map[string]bool{}
			}
			neighbours[pair[0]][pair[1]] = true
		}
	}
	var scores struct {
		Centrality []struct {
			Node  struct{ ID string }
			Value float64
		}
	}
	data(t, srv, `{ centrality(metric: DEGREE, rank: [GROUP], during: {from: "2017", to: "2019"}, first: 100) { node { id } value } }`, nil, &scores)
	if len(scores.Centrality) == 0 {
		t.Fatal("no centrality scores during 2017-2019")
	}
	for _, s := range scores.Centrality {
		if want := float64(len(neighbours[s.Node.ID])); s.Value != want {
			t.Errorf("DEGREE of %s during 2017-2019 = %v, want %v neighbours in the union of the years", s.Node.ID, s.Value, want)
		}
	}
	top := fmt.Sprint(scores.Centrality[:3])
	if want := "[{{group/central-foreign-affairs-commission} 9} {{group/leading-party-members-groups} 9} {{group/foreign-affairs-leading-small-group} 7}]"; top != want {
		t.Errorf("top DEGREE during 2017-2019 = %s, want %s", top, want)
	}
}

func TestAnalyticsDuringAndKnownBy(t *testing.T) {
	srv := newServer(t, seedStore(t))
	tests := []struct {
		name, query, want string
	}{
		{"paths over a period join relationships that hold on different days",
			`{ shortestPaths(from: "person/zhou-enlai", to: "person/xi-jinping", during: {from: "1949", to: "2025"}) { length paths { relationships { id } } } }`,
			`{"shortestPaths":{"length":3,"paths":[{"relationships":[{"id":"holds/person/zhou-enlai/position/premier"},{"id":"chairs/position/premier/group/finance-and-economy-leading-small-group/thomas-table-1"},{"id":"chairs/person/xi-jinping/group/finance-and-economy-leading-small-group"}]},{"relationships":[{"id":"holds/person/zhou-enlai/position/premier"},{"id":"chairs/position/premier/group/foreign-affairs-leading-small-group/thomas-table-1"},{"id":"chairs/person/xi-jinping/group/foreign-affairs-leading-small-group"}]}]}}`},
		{"no such path in one year",
			`{ shortestPaths(from: "person/zhou-enlai", to: "person/xi-jinping", asOf: "1970") { length } }`,
			`{"shortestPaths":{"length":0}}`},
		{"paths as known by 2010: SIPRI's 2010 table puts Yang Jiechi and Dai Bingguo on the FALSG",
			`{ shortestPaths(from: "person/yang-jiechi", to: "person/dai-bingguo", knownBy: "2010") { length paths { relationships { id } } } }`,
			`{"shortestPaths":{"length":2,"paths":[{"relationships":[{"id":"member_of/person/yang-jiechi/group/foreign-affairs-leading-small-group"},{"id":"member_of/person/dai-bingguo/group/foreign-affairs-leading-small-group"}]}]}}`},
		{"paths as known by 2009: nothing published yet joins them",
			`{ shortestPaths(from: "person/yang-jiechi", to: "person/dai-bingguo", knownBy: "2009") { length } }`,
			`{"shortestPaths":{"length":0}}`},
		{"centrality as known by 2010",
			`{ known: centrality(metric: DEGREE, rank: [GROUP], knownBy: "2010", first: 2) { node { id } value }
			   now: centrality(metric: DEGREE, rank: [GROUP], first: 1) { node { id } value } }`,
			`{"known":[{"node":{"id":"group/foreign-affairs-leading-small-group"},"value":10},{"node":{"id":"group/taiwan-affairs-leading-small-group"},"value":2}],"now":[{"node":{"id":"group/foreign-affairs-leading-small-group"},"value":17}]}`},
		{"statistics over a period",
			`{ statistics(during: {from: "2017", to: "2019"}) { asOf during { from to } groups { known possible } chairs: relationshipsByType { key known possible } } }`,
			`{"statistics":{"asOf":null,"during":{"from":"2017","to":"2019"},"groups":{"known":15,"possible":19},"chairs":[{"key":"CHAIRS","known":6,"possible":17},{"key":"MEMBER_OF","known":0,"possible":20},{"key":"SUPERVISES","known":2,"possible":6},{"key":"REPORTS_TO","known":0,"possible":2},{"key":"HAS_OFFICE","known":1,"possible":1},{"key":"HOSTED_BY","known":0,"possible":0},{"key":"DIRECTS","known":0,"possible":0},{"key":"HOLDS","known":16,"possible":4},{"key":"POSITION_IN","known":0,"possible":24},{"key":"SUCCEEDED_BY","known":0,"possible":3},{"key":"PARTY_GROUP_OF","known":0,"possible":7},{"key":"ABOUT","known":0,"possible":274},{"key":"ISSUED_BY","known":0,"possible":11},{"key":"CONCERNS","known":0,"possible":21},{"key":"BASED_ON","known":0,"possible":4}]}}`},
		// Zeng Peiyan's vice-premiership: the 2003 page that gives its start is known by
		// 2010; its end is given only by pages that print no date, so as known by 2010 it
		// is not known to have ended (it counted as ended while its end wrongly cited the
		// 2003 page too).
		{"statistics at a date, as known by 2010",
			`{ statistics(asOf: "2017", knownBy: "2010") { asOf during { from } relationshipsByType { key known possible } } }`,
			`{"statistics":{"asOf":"2017","during":null,"relationshipsByType":[{"key":"CHAIRS","known":0,"possible":0},{"key":"MEMBER_OF","known":0,"possible":0},{"key":"SUPERVISES","known":0,"possible":0},{"key":"REPORTS_TO","known":0,"possible":0},{"key":"HAS_OFFICE","known":0,"possible":0},{"key":"HOSTED_BY","known":0,"possible":0},{"key":"DIRECTS","known":0,"possible":0},{"key":"HOLDS","known":0,"possible":1},{"key":"POSITION_IN","known":0,"possible":2},{"key":"SUCCEEDED_BY","known":0,"possible":0},{"key":"PARTY_GROUP_OF","known":0,"possible":0},{"key":"ABOUT","known":0,"possible":10},{"key":"ISSUED_BY","known":0,"possible":0},{"key":"CONCERNS","known":0,"possible":0},{"key":"BASED_ON","known":0,"possible":0}]}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, srv, tt.query, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("errors: %v", r.Errors)
			}
			var got, want any
			if err := json.Unmarshal(r.Data, &got); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(tt.want), &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %s\nwant %s", r.Data, tt.want)
			}
		})
	}
}

func TestAnalyticsDuringRefusals(t *testing.T) {
	srv := newServer(t, seedStore(t))
	tests := []struct{ name, query, message string }{
		{"paths with both", `{ shortestPaths(from: "person/zhou-enlai", to: "person/xi-jinping", asOf: "2017", during: {from: "2017", to: "2019"}) { length } }`, "give asOf or during, not both"},
		{"centrality with both", `{ centrality(metric: DEGREE, asOf: "2017", during: {from: "2017", to: "2019"}) { value } }`, "give asOf or during, not both"},
		{"statistics with both", `{ statistics(asOf: "2017", during: {from: "2017", to: "2019"}) { asOf } }`, "give asOf or during, not both"},
		{"statistics with neither", `{ statistics { asOf } }`, "statistics needs asOf or during"},
		{"a period backwards", `{ centrality(metric: DEGREE, during: {from: "2019", to: "2017"}) { value } }`, "during: from 2019 is after to 2017"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, srv, tt.query, nil)
			if len(r.Errors) != 1 || r.Errors[0].Message != tt.message || r.Errors[0].Extensions["code"] != "INVALID" {
				t.Errorf("errors %v, want one INVALID %q", r.Errors, tt.message)
			}
		})
	}
}

// TestNetworkFramesHoldingsAreThePeriods: networkFrames' network is network with during,
// each relationship with the same holdingDuring (its period is a required argument,
// which the relationships read as network's optional one).
func TestNetworkFramesHoldingsAreThePeriods(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type rel struct{ ID, HoldingDuring string }
	var got struct {
		Network struct{ Relationships []rel }
		Frames  struct{ Network struct{ Relationships []rel } }
	}
	data(t, srv, `{ network(ids: ["person/wang-yi"], during: {from: "2008", to: "2019"}) { relationships { id holdingDuring } }
		frames: networkFrames(ids: ["person/wang-yi"], during: {from: "2008", to: "2019"}) { network { relationships { id holdingDuring } } } }`, nil, &got)
	if len(got.Network.Relationships) == 0 || !slices.Equal(got.Frames.Network.Relationships, got.Network.Relationships) {
		t.Errorf("networkFrames' network %v, network %v", got.Frames.Network.Relationships, got.Network.Relationships)
	}
	for _, r := range got.Frames.Network.Relationships {
		if r.HoldingDuring == "" {
			t.Errorf("%s has no holdingDuring", r.ID)
		}
	}
}

// TestNetworkFramesTakeKnownByAndRelays: networkFrames takes network's knownBy and
// includeRelayed: its network is network's over the period, and each frame network's
// at its year, with the same filters.
func TestNetworkFramesTakeKnownByAndRelays(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type rel struct{ ID, HoldingDuring, Holding string }
	for _, args := range []string{`knownBy: "2016"`, `sources: ["source/rana-2021"], includeRelayed: true`} {
		var got struct {
			Whole  struct{ Relationships []rel }
			At     struct{ Relationships []rel }
			Frames struct {
				Network struct{ Relationships []rel }
				Frames  []struct {
					Year          int
					Relationships []struct{ ID, Holding string }
				}
			}
		}
		data(t, srv, `{ whole: network(ids: ["group/foreign-affairs-leading-small-group"], during: {from: "2008", to: "2012"}, `+args+`) { relationships { id holdingDuring } }
			at: network(ids: ["group/foreign-affairs-leading-small-group"], asOf: "2010", `+args+`) { relationships { id holding } }
			frames: networkFrames(ids: ["group/foreign-affairs-leading-small-group"], during: {from: "2008", to: "2012"}, `+args+`) {
				network { relationships { id holdingDuring } } frames { year relationships { id holding } } } }`, nil, &got)
		if len(got.Whole.Relationships) == 0 || !slices.Equal(got.Frames.Network.Relationships, got.Whole.Relationships) {
			t.Errorf("%s: networkFrames' network %v, network's %v", args, got.Frames.Network.Relationships, got.Whole.Relationships)
		}
		var at2010 []rel
		for _, f := range got.Frames.Frames {
			if f.Year == 2010 {
				for _, r := range f.Relationships {
					at2010 = append(at2010, rel{ID: r.ID, Holding: r.Holding})
				}
			}
		}
		slices.SortFunc(at2010, func(a, b rel) int { return strings.Compare(a.ID, b.ID) })
		want := slices.Clone(got.At.Relationships)
		slices.SortFunc(want, func(a, b rel) int { return strings.Compare(a.ID, b.ID) })
		if !slices.Equal(at2010, want) {
			t.Errorf("%s: the 2010 frame %v, network at 2010 %v", args, at2010, want)
		}
	}
	var all struct {
		Whole struct{ Relationships []struct{ ID string } }
	}
	data(t, srv, `{ whole: network(ids: ["group/foreign-affairs-leading-small-group"], during: {from: "2008", to: "2012"}) { relationships { id } } }`, nil, &all)
	var known struct {
		Frames struct {
			Network struct{ Relationships []struct{ ID string } }
		}
	}
	data(t, srv, `{ frames: networkFrames(ids: ["group/foreign-affairs-leading-small-group"], during: {from: "2008", to: "2012"}, knownBy: "2009") { network { relationships { id } } } }`, nil, &known)
	if len(known.Frames.Network.Relationships) >= len(all.Whole.Relationships) {
		t.Errorf("knownBy 2009 kept %d of the %d relationships: it did nothing", len(known.Frames.Network.Relationships), len(all.Whole.Relationships))
	}
}
