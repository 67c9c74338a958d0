package neo4j

import (
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// TestEveryKindsFieldsRoundTrip stores a node of each kind with every field set (every
// pointer, every slice one element long) and reads it back equal: a field added to a
// kind with a type that has no stored form fails here, not in production.
func TestEveryKindsFieldsRoundTrip(t *testing.T) {
	for _, k := range atlas.NodeKinds {
		n, _ := atlas.NewNode(k)
		fillAll(reflect.ValueOf(n).Elem())
		reflect.ValueOf(n).Elem().FieldByName("ID").SetString(k.IDPrefix() + "x")
		if got := roundTrip(t, n); !reflect.DeepEqual(got, n) {
			t.Errorf("%s:\n got %#v\nwant %#v", k, got, n)
		}
	}
}

// fillAll sets every exported field reachable from v to a value that is not its zero,
// but derived values (json:"-"), which are no part of the dataset format.
func fillAll(v reflect.Value) {
	if v.Type() == reflect.TypeFor[atlas.PartialDate]() {
		v.Set(reflect.ValueOf(atlas.MustDate("2001-02-03")))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Int:
		v.SetInt(7)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillAll(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillAll(v.Index(0))
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() && f.Tag.Get("json") != "-" {
				fillAll(v.Field(i))
			}
		}
	}
}
