package atlas_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"lsgatlas/atlas"
)

// TestEveryKindIsRegistered: each kind has an id prefix of its own, an empty node that
// says it is of that kind, a section of the dataset format that reads it back, and a
// place in Nodes. The compiler already holds each kind to every method of Node.
func TestEveryKindIsRegistered(t *testing.T) {
	prefixes := map[string]atlas.NodeKind{}
	ds := &atlas.Dataset{}
	for _, k := range atlas.NodeKinds {
		prefix := k.IDPrefix()
		if prefix == "" {
			t.Errorf("%s has no id prefix", k)
		}
		if other, dup := prefixes[prefix]; dup {
			t.Errorf("%s and %s share the id prefix %q", k, other, prefix)
		}
		prefixes[prefix] = k
		if got, err := atlas.KindOfID(prefix + "x"); err != nil || got != k {
			t.Errorf("KindOfID(%q) = %s, %v; want %s", prefix+"x", got, err, k)
		}
		n, ok := atlas.NewNode(k)
		if !ok {
			t.Errorf("NewNode(%s): unknown kind", k)
			continue
		}
		if n.NodeKind() != k {
			t.Errorf("NewNode(%s) is a %s", k, n.NodeKind())
		}
		setID(n, prefix+"x")
		ds.Add(n)
	}
	if _, ok := atlas.NewNode("NO_SUCH_KIND"); ok {
		t.Error("NewNode accepts an unknown kind")
	}
	raw, err := json.Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	var back atlas.Dataset
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	var got []atlas.NodeKind
	for _, n := range back.Nodes() {
		got = append(got, n.NodeKind())
	}
	if !slices.Equal(got, atlas.NodeKinds) {
		t.Errorf("a dataset holding one node of each kind reads back as %v; want %v", got, atlas.NodeKinds)
	}
}

// TestCloneSharesNothing fills every field of every kind (every pointer set, every slice
// one element long, recursively), clones it, changes everything reachable from the clone
// and checks the original did not change: a kind whose clone forgets a new pointer or
// slice field fails here before it fails the conformance suite's Copies case.
func TestCloneSharesNothing(t *testing.T) {
	for _, k := range atlas.NodeKinds {
		n, _ := atlas.NewNode(k)
		fill(reflect.ValueOf(n).Elem(), "before")
		want, _ := json.Marshal(n)
		c := atlas.CloneNode(n)
		if !reflect.DeepEqual(c, n) {
			t.Errorf("%s: the clone differs from the original", k)
		}
		fill(reflect.ValueOf(c).Elem(), "after")
		if got, _ := json.Marshal(n); string(got) != string(want) {
			t.Errorf("%s: changing the clone changed the original:\n got %s\nwant %s", k, got, want)
		}
	}
}

// TestClaimPropertiesHavePlainValues: with every field set, a kind shows a plain value
// for each property it has claims for, and none for any other, so that a property added
// to a kind's claim list without its case in plainValues (or the reverse) fails here.
func TestClaimPropertiesHavePlainValues(t *testing.T) {
	for _, k := range atlas.NodeKinds {
		n, _ := atlas.NewNode(k)
		fill(reflect.ValueOf(n).Elem(), "value")
		claimed := atlas.PropertiesOf(k)
		for _, p := range atlas.PropertyNames {
			got := atlas.PlainValues(n, p)
			if p == atlas.PropAlias {
				got = atlas.Names(n) // fill marks aliases editorial, which PlainValues leaves out
				if len(n.NodeAliases()) == 0 {
					got = nil
				}
			}
			if want := slices.Contains(claimed, p); want != (len(got) > 0) {
				t.Errorf("%s: %s has claims %v, plain values %q", k, p, want, got)
			}
		}
	}
}

func setID(n atlas.Node, id string) { reflect.ValueOf(n).Elem().FieldByName("ID").SetString(id) }

// fill sets every exported field reachable from v, in place where v already points, so
// that filling a clone writes through anything it shares with its original.
func fill(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int:
		v.SetInt(int64(len(s)))
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fill(v.Elem(), s)
	case reflect.Slice:
		if v.Len() == 0 {
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		}
		for i := range v.Len() {
			fill(v.Index(i), s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), s)
			}
		}
	}
}
