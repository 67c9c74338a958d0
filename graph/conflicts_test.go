package graph_test

import (
	"fmt"
	"slices"
	"testing"
)

// TestConflictsWithinOneRelationship: Chen Yi's foreign ministry and Zhou Enlai's are
// each one relationship told by two sources that date it differently; conflicts lists
// each dispute with that relationship on both sides, and a source filter keeps it only
// when both sides' sources are compared.
func TestConflictsWithinOneRelationship(t *testing.T) {
	srv := newServer(t, seedStore(t))
	type side struct {
		Value        string
		Sources      []struct{ Source struct{ ID string } }
		Relationship struct{ ID string }
	}
	summary := func(sources []string) []string {
		var got struct {
			Conflicts []struct {
				Node          struct{ ID string }
				Aspect        string
				First, Second side
			}
		}
		data(t, srv, `query($sources: [ID!]) { conflicts(ids: ["person/chen-yi", "person/zhou-enlai"], sources: $sources) {
			node { id } aspect first { value sources { source { id } } relationship { id } } second { value sources { source { id } } relationship { id } } } }`,
			map[string]any{"sources": sources}, &got)
		var out []string
		for _, c := range got.Conflicts {
			s := fmt.Sprintf("%s %s %s %s|%s", c.Node.ID, c.Aspect, c.First.Relationship.ID, c.First.Value, c.Second.Value)
			for _, x := range []side{c.First, c.Second} {
				for _, src := range x.Sources {
					s += " " + src.Source.ID
				}
			}
			if c.First.Relationship.ID != c.Second.Relationship.ID {
				s += " (two relationships: " + c.Second.Relationship.ID + ")"
			}
			out = append(out, s)
		}
		return out
	}
	chenYi := "person/chen-yi START holds/person/chen-yi/position/foreign-minister 1956|1958-02-11 source/rana-2021 source/ref-cloudfront-chen-yi"
	zhou := "person/zhou-enlai END holds/person/zhou-enlai/position/foreign-minister 1956|1958-02 source/rana-2021 source/ref-vi-wikipedia-foreign-minister"
	for _, tc := range []struct {
		sources []string
		want    []string
	}{
		{nil, []string{chenYi, zhou}},
		{[]string{"source/rana-2021", "source/ref-cloudfront-chen-yi"}, []string{chenYi}},
		{[]string{"source/ref-cloudfront-chen-yi", "source/ref-vi-wikipedia-foreign-minister"}, nil},
	} {
		if got := summary(tc.sources); !slices.Equal(got, tc.want) {
			t.Errorf("sources %v:\n got %q\nwant %q", tc.sources, got, tc.want)
		}
	}
}

// TestUnknownSourcesAreInvalid: every source filter answers a source id that names no
// source as network, timeline and the exports do, with INVALID, not an empty list, as if
// the source cited nothing: the analyses, relationship fields, chairs, the generic
// relationships, connections and lists alike.
func TestUnknownSourcesAreInvalid(t *testing.T) {
	srv := newServer(t, seedStore(t))
	const falsg = `group(id: "group/foreign-affairs-leading-small-group")`
	for _, q := range []string{
		`{ ` + falsg + ` { members(sources: ["source/nope"]) { id } } }`,
		`{ ` + falsg + ` { chairs(sources: ["source/nope"]) { id } } }`,
		`{ ` + falsg + ` { relationships(sources: ["source/nope"]) { id } } }`,
		`{ ` + falsg + ` { membersConnection(sources: ["source/nope"]) { totalCount } } }`,
		`{ groups(filter: {sources: ["source/nope"]}, first: 5) { totalCount } }`,
		`{ people(filter: {sources: ["source/rana-2021", "source/nope"]}, first: 5) { nodes { id } } }`,
		`{ conflicts(sources: ["source/nope"]) { aspect } }`,
		`{ developments(from: "1949", to: "1980", sources: ["source/nope"]) { developments { kind } } }`,
		`{ developments(from: "1949", to: "1980", sources: ["group/foreign-affairs-leading-small-group"]) { developments { kind } } }`,
	} {
		r := post(t, srv, q, nil)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" {
			t.Errorf("%s: %+v", q, r.Errors)
		}
	}
}

// TestKnownSourcesStillFilter: a source filter naming sources that exist answers as
// before, and one source's list is no longer than the whole.
func TestKnownSourcesStillFilter(t *testing.T) {
	srv := newServer(t, seedStore(t))
	var got struct {
		Group struct{ All, SIPRI []struct{ ID string } }
	}
	data(t, srv, `{ group(id: "group/foreign-affairs-leading-small-group") { all: members { id } sipri: members(sources: ["source/sipri-2010"]) { id } } }`, nil, &got)
	if len(got.Group.SIPRI) == 0 || len(got.Group.SIPRI) > len(got.Group.All) {
		t.Errorf("SIPRI's members %d of %d", len(got.Group.SIPRI), len(got.Group.All))
	}
}
