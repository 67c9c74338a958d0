package analytics_test

import (
	"context"
	"reflect"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

func TestNetwork(t *testing.T) {
	p := fixture(t)
	tests := []struct {
		name          string
		ids           []string
		depth, limit  int
		filter        analytics.Filter
		wantNodes     []string
		wantRels      []string
		wantTruncated bool
	}{
		{
			name: "depth 1 from a person", ids: []string{"person/xi-jinping"}, depth: 1, limit: 100,
			wantNodes: []string{"person/xi-jinping", "group/foreign-affairs-commission", "position/general-secretary"},
			wantRels: []string{
				"chairs/person/xi-jinping/group/foreign-affairs-commission",
				"holds/person/xi-jinping/position/general-secretary",
			},
		},
		{
			name: "depth 2, each layer sorted by id", ids: []string{"person/xi-jinping"}, depth: 2, limit: 100,
			wantNodes: []string{
				"person/xi-jinping",
				"group/foreign-affairs-commission", "position/general-secretary",
				"group/foreign-affairs-lsg", "institution/ministry-of-foreign-affairs", "institution/standing-committee",
				"office/commission-general-office", "person/hu-jintao", "person/li-keqiang",
			},
		},
		{
			name: "limit truncates within a layer", ids: []string{"person/xi-jinping"}, depth: 2, limit: 4,
			wantNodes:     []string{"person/xi-jinping", "group/foreign-affairs-commission", "position/general-secretary", "group/foreign-affairs-lsg"},
			wantTruncated: true,
		},
		{
			name: "limit reached exactly with nothing left is not truncated", ids: []string{"person/xi-jinping"}, depth: 1, limit: 3,
			wantNodes: []string{"person/xi-jinping", "group/foreign-affairs-commission", "position/general-secretary"},
		},
		{
			name: "asOf 2010 drops relations that start later", ids: []string{"person/xi-jinping"}, depth: 2, limit: 100,
			filter:    analytics.Filter{AsOf: date("2010")},
			wantNodes: []string{"person/xi-jinping"},
			wantRels:  []string{},
		},
		{
			name: "asOf 2015 keeps the holding only", ids: []string{"person/xi-jinping"}, depth: 1, limit: 100,
			filter:    analytics.Filter{AsOf: date("2015")},
			wantNodes: []string{"person/xi-jinping", "position/general-secretary"},
			wantRels:  []string{"holds/person/xi-jinping/position/general-secretary"},
		},
		{
			name: "relation types", ids: []string{"group/foreign-affairs-commission"}, depth: 1, limit: 100,
			filter:    analytics.Filter{RelTypes: []atlas.RelType{atlas.Supervises, atlas.ReportsTo}},
			wantNodes: []string{"group/foreign-affairs-commission", "institution/ministry-of-foreign-affairs", "institution/standing-committee"},
		},
		{
			// A seed of a kind left out keeps its relations to the kept kinds (not his
			// post), and the hops beyond go through those kinds only.
			name: "node kinds keep seeds of other kinds, with their relations to the kept kinds", ids: []string{"person/xi-jinping"}, depth: 2, limit: 100,
			filter:    analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.GroupNode}},
			wantNodes: []string{"person/xi-jinping", "group/foreign-affairs-commission", "group/foreign-affairs-lsg"},
			wantRels: []string{
				"chairs/person/xi-jinping/group/foreign-affairs-commission",
				"succeeded_by/group/foreign-affairs-lsg/group/foreign-affairs-commission",
			},
		},
		{
			name: "seeds of a kind left out join each other", ids: []string{"person/xi-jinping", "position/general-secretary"}, depth: 1, limit: 100,
			filter:    analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.GroupNode}},
			wantNodes: []string{"person/xi-jinping", "position/general-secretary", "group/foreign-affairs-commission", "group/foreign-affairs-lsg"},
			wantRels: []string{
				"chairs/position/general-secretary/group/foreign-affairs-lsg",
				"chairs/person/xi-jinping/group/foreign-affairs-commission",
				"holds/person/xi-jinping/position/general-secretary",
				"succeeded_by/group/foreign-affairs-lsg/group/foreign-affairs-commission",
			},
		},
		{
			name: "several seeds, duplicates merged", ids: []string{"person/yang-jiechi", "group/guangdong-group", "person/yang-jiechi"}, depth: 1, limit: 100,
			wantNodes: []string{"group/guangdong-group", "person/yang-jiechi",
				"group/deepening-reform", "group/foreign-affairs-lsg", "office/commission-general-office"},
			wantRels: []string{
				"directs/person/yang-jiechi/office/commission-general-office",
				"member_of/person/yang-jiechi/group/foreign-affairs-lsg",
				"supervises/group/deepening-reform/group/guangdong-group",
			},
		},
		{
			name: "parallel relations all appear", ids: []string{"person/li-keqiang"}, depth: 1, limit: 100,
			filter:    analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.PersonNode, atlas.GroupNode}},
			wantNodes: []string{"person/li-keqiang", "group/deepening-reform", "group/foreign-affairs-commission"},
			wantRels: []string{
				"member_of/li-keqiang/deepening-reform/deputy",
				"member_of/li-keqiang/deepening-reform/member",
				"member_of/person/li-keqiang/group/foreign-affairs-commission",
			},
		},
		{
			name: "more seeds than limit", ids: []string{"person/xi-jinping", "person/hu-jintao"}, depth: 1, limit: 1,
			wantNodes: []string{"person/hu-jintao"}, wantRels: []string{}, wantTruncated: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub, err := p.Network(context.Background(), tt.ids, tt.depth, tt.filter, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(t, sub.Nodes); !reflect.DeepEqual(got, tt.wantNodes) {
				t.Errorf("nodes = %q\nwant %q", got, tt.wantNodes)
			}
			if tt.wantRels != nil {
				if got := relIDs(t, sub.Relations); !reflect.DeepEqual(got, tt.wantRels) {
					t.Errorf("relations = %q\nwant %q", got, tt.wantRels)
				}
			}
			if sub.Truncated != tt.wantTruncated {
				t.Errorf("truncated = %v, want %v", sub.Truncated, tt.wantTruncated)
			}
			in := map[string]bool{}
			for _, n := range sub.Nodes {
				in[n.NodeID()] = true
			}
			for _, r := range sub.Relations {
				if !in[r.From] || !in[r.To] {
					t.Errorf("relation %s has an end outside the subgraph", r.ID)
				}
			}
		})
	}
}

func TestNetworkReturnsCopies(t *testing.T) {
	p := fixture(t)
	ctx := context.Background()
	sub, err := p.Network(ctx, []string{"person/xi-jinping"}, 1, analytics.Filter{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	sub.Nodes[0].(*atlas.Person).Name = "changed"
	sub.Relations[0].Sources[0].Source = "changed"
	again, err := p.Network(ctx, []string{"person/xi-jinping"}, 1, analytics.Filter{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if again.Nodes[0].Label() != "Xi Jinping" || again.Relations[0].Sources[0].Source == "changed" {
		t.Error("changing a result changed the projection")
	}
}

// TestNetworkWithoutIDsIsWhole: no seeds ask for the whole network, as the exports do.
func TestNetworkWithoutIDsIsWhole(t *testing.T) {
	p := fixture(t)
	asOf := atlas.MustDate("2016")
	for _, f := range []analytics.Filter{{}, {AsOf: &asOf, RelTypes: []atlas.RelType{atlas.Chairs}}} {
		for _, limit := range []int{3, analytics.DefaultNetworkLimit} {
			got, err := p.Network(context.Background(), nil, 1, f, limit)
			if err != nil {
				t.Fatal(err)
			}
			want, err := p.Whole(context.Background(), f, limit)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("filter %+v, limit %d: Network(no ids) differs from Whole", f, limit)
			}
		}
	}
}

func TestNetworkErrors(t *testing.T) {
	p := fixture(t)
	ok := []string{"person/xi-jinping"}
	tests := []struct {
		name         string
		ids          []string
		depth, limit int
		filter       analytics.Filter
		code, what   string
	}{
		{"no ids, depth 0", nil, 0, 10, analytics.Filter{}, atlas.EINVALID, "depth must be between 1 and 4"},
		{"no ids, limit 0", nil, 1, 0, analytics.Filter{}, atlas.EINVALID, "limit must be between 1 and 2000"},
		{"depth 0", ok, 0, 10, analytics.Filter{}, atlas.EINVALID, "depth must be between 1 and 4"},
		{"depth 5", ok, 5, 10, analytics.Filter{}, atlas.EINVALID, "depth must be between 1 and 4"},
		{"limit 0", ok, 1, 0, analytics.Filter{}, atlas.EINVALID, "limit must be between 1 and 2000"},
		{"limit 2001", ok, 1, 2001, analytics.Filter{}, atlas.EINVALID, "limit must be between 1 and 2000"},
		{"malformed id", []string{"person/Xi Jinping"}, 1, 10, analytics.Filter{}, atlas.EINVALID, "invalid id"},
		{"source id", []string{"source/alpha"}, 1, 10, analytics.Filter{}, atlas.EINVALID, "part of the network"},
		{"unknown id", []string{"person/nobody"}, 1, 10, analytics.Filter{}, atlas.ENOTFOUND, "person/nobody"},
		{"unknown rel type", ok, 1, 10, analytics.Filter{RelTypes: []atlas.RelType{"KNOWS"}}, atlas.EINVALID, "KNOWS"},
		{"provenance kind", ok, 1, 10, analytics.Filter{NodeKinds: []atlas.NodeKind{atlas.SourceNode}}, atlas.EINVALID, "nodeKinds"},
		{"zero date", ok, 1, 10, analytics.Filter{AsOf: &atlas.PartialDate{}}, atlas.EINVALID, "asOf"},
		{"month 13", ok, 1, 10, analytics.Filter{AsOf: &atlas.PartialDate{Year: 2018, Month: 13}}, atlas.EINVALID, "asOf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Network(context.Background(), tt.ids, tt.depth, tt.filter, tt.limit)
			wantCode(t, err, tt.code, tt.what)
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		_, err := p.Network(cancelled(), ok, 1, analytics.Filter{}, 10)
		wantCanceled(t, err)
	})
}
