package graph

import (
	"slices"
	"testing"
)

// TestPlanSchemaFacts: the planner's reading of the schema is complete. Every node type
// has gqlgen's field contexts to coerce its arguments with, and every field of a node
// type that returns relationships is one the planner knows how to ask for.
func TestPlanSchemaFacts(t *testing.T) {
	facts := planSchema()
	for _, typ := range facts.nodeTypes {
		if nodeFieldContexts[typ] == nil {
			t.Errorf("node type %s has no entry in nodeFieldContexts: its fields' arguments cannot be read", typ)
		}
	}
	for typ := range nodeFieldContexts {
		if !slices.Contains(facts.nodeTypes, typ) {
			t.Errorf("nodeFieldContexts lists %s, which is not a node type of the schema", typ)
		}
	}
	for k, r := range facts.reads {
		if r.kind == unplannedRead {
			t.Errorf("%s.%s returns relationships but is neither in relationFields, nor a relationships field (types, direction), nor a chairs field", k.object, k.field)
		}
	}
	if got := facts.reads[fieldKey{"Group", "membersConnection"}]; got != (fieldRead{relationRead, true}) {
		t.Errorf("Group.membersConnection = %+v, want a connection over a relationFields read", got)
	}
	if got := facts.reads[fieldKey{"Source", "supports"}]; got.kind != supportsRead {
		t.Errorf("Source.supports = %+v, want a supports read", got)
	}
	for _, k := range []fieldKey{{"Group", "chairs"}, {"Person", "relationships"}, {"Relationship", "node"}, {"Relationship", "via"},
		{"Citation", "source"}, {"Source", "citedVia"}, {"Source", "supports"}, {"Group", "membersConnection"}, {"SearchHit", "node"}} {
		if !facts.mayRead[k] {
			t.Errorf("mayRead lacks %s.%s", k.object, k.field)
		}
	}
	for _, k := range []fieldKey{{"GroupConnection", "nodes"}, {"GroupEdge", "node"}, {"Group", "name"}, {"Relationship", "start"}} {
		if facts.mayRead[k] {
			t.Errorf("mayRead has %s.%s, which reads nothing", k.object, k.field)
		}
	}
}
