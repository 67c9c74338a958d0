package conformance

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// testCopies: stores hand out copies and keep their own. Changing, in place, every value
// reachable from the dataset given to Import or from anything a method returned (strings,
// numbers, flags, slice elements, map entries, pointed-to values) leaves the store as it
// was. scramble walks values by reflection, so fields added later are covered too.
func testCopies(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	given := Fixture()
	if _, err := s.Import(ctx, given); err != nil {
		t.Fatal(err)
	}
	scramble(reflect.ValueOf(given))
	wantHolds(t, s, Fixture(), "after changing the imported dataset")

	var nodeIDs []string
	for _, n := range Fixture().Nodes() {
		nodeIDs = append(nodeIDs, n.NodeID())
	}
	calls := []struct {
		name string
		call func() (any, error)
	}{
		{"Nodes", func() (any, error) { return s.Nodes(ctx, nodeIDs) }},
		{"ProjectedNodes", func() (any, error) { return atlas.ProjectedNodes(ctx, s, nodeIDs, copiedAlone) }},
		{"Relations", func() (any, error) { return s.Relations(ctx, atlas.RelationQuery{IDs: nodeIDs}) }},
		{"Search", func() (any, error) { return s.Search(ctx, atlas.SearchQuery{Text: "foreign", Limit: 100}) }},
		{"ReportedCounts", func() (any, error) { return s.ReportedCounts(ctx, atlas.CountQuery{}) }},
		{"Snapshot", func() (any, error) { return s.Snapshot(ctx) }},
	}
	for _, kind := range atlas.NodeKinds {
		calls = append(calls, struct {
			name string
			call func() (any, error)
		}{"List " + string(kind), func() (any, error) { return s.List(ctx, atlas.ListQuery{Kind: kind, First: 100}) }})
		calls = append(calls, struct {
			name string
			call func() (any, error)
		}{"projected List " + string(kind), func() (any, error) {
			return s.List(ctx, atlas.ListQuery{Kind: kind, First: 100, Projection: copiedAlone})
		}})
	}
	for _, c := range calls {
		// JSON is the yardstick: it is computed before anything is changed and shares no
		// memory with what the store returned.
		want := asJSON(t, c.name, c.call)
		got, err := c.call()
		if err != nil {
			t.Fatal(err)
		}
		scramble(reflect.ValueOf(&got))
		if again := asJSON(t, c.name, c.call); again != want {
			t.Errorf("%s: changing what it returned changed the store:\n got %s\nwant %s", c.name, again, want)
		}
	}
	wantHolds(t, s, Fixture(), "after changing everything the store returned")
}

func asJSON(t *testing.T, name string, call func() (any, error)) string {
	t.Helper()
	v, err := call()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(b)
}

// scramble changes in place every settable value reachable from v.
func scramble(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			scramble(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				scramble(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			scramble(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			// Map entries are not addressable: change a copy of the value, and the
			// pointed-to data it shares, then store the copy back.
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			scramble(e)
			v.SetMapIndex(k, e)
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(v.String() + "~changed")
		}
	case reflect.Bool:
		if v.CanSet() {
			v.SetBool(!v.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.CanSet() {
			v.SetInt(v.Int() + 1)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if v.CanSet() {
			v.SetUint(v.Uint() + 1)
		}
	case reflect.Float32, reflect.Float64:
		if v.CanSet() {
			v.SetFloat(v.Float() + 1)
		}
	}
}
