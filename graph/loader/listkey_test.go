package loader

import (
	"reflect"
	"testing"

	"lsgatlas/atlas"
)

// TestListKeyTellsEveryFieldApart: the memo of levels keys a list's page by everything
// the list query asks of the store, so a query that differs from another in any field,
// of the query, its filter or its order, and any field added later, gets its own page.
func TestListKeyTellsEveryFieldApart(t *testing.T) {
	base, err := listKey(atlas.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		for i := range v.NumField() {
			f, field := v.Type().Field(i), v.Field(i)
			name := path + f.Name
			if f.Type.Kind() == reflect.Struct {
				walk(name+".", field)
				continue
			}
			q := atlas.ListQuery{}
			set := reflect.ValueOf(&q).Elem().FieldByIndex(fieldIndex(path, f.Name))
			set.Set(nonZero(t, f.Type))
			key, err := listKey(q)
			if err != nil || key == base {
				t.Errorf("%s set: key %q, %v; want another key than the zero query's", name, key, err)
			}
		}
	}
	walk("", reflect.ValueOf(atlas.ListQuery{}))
	// A projection's properties are not exported: two projections must still differ.
	name, _ := listKey(atlas.ListQuery{Projection: atlas.NewProjection("name")})
	title, _ := listKey(atlas.ListQuery{Projection: atlas.NewProjection("title")})
	if name == title {
		t.Errorf("two projections give one key: %q", name)
	}
}

// fieldIndex is the index path of field name under the struct path (as walk names it)
// in ListQuery.
func fieldIndex(path, name string) []int {
	f, _ := reflect.TypeOf(atlas.ListQuery{}).FieldByName(name)
	if path == "" {
		return f.Index
	}
	outer, _ := reflect.TypeOf(atlas.ListQuery{}).FieldByName(path[:len(path)-1])
	inner, _ := outer.Type.FieldByName(name)
	return append(outer.Index, inner.Index...)
}

// nonZero returns a value of type typ other than its zero value.
func nonZero(t *testing.T, typ reflect.Type) reflect.Value {
	switch typ {
	case reflect.TypeOf(&atlas.PartialDate{}):
		return reflect.ValueOf(atlas.DatePtr("2015"))
	case reflect.TypeOf(&atlas.Projection{}):
		return reflect.ValueOf(atlas.NewProjection("name"))
	}
	v := reflect.New(typ).Elem()
	switch typ.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int:
		v.SetInt(1)
	case reflect.Slice:
		v = reflect.Append(reflect.MakeSlice(typ, 0, 1), nonZero(t, typ.Elem()))
	case reflect.Pointer:
		v = reflect.New(typ.Elem())
		v.Elem().Set(nonZero(t, typ.Elem()))
	default:
		t.Fatalf("no non-zero value of %s known: extend nonZero", typ)
	}
	return v
}
