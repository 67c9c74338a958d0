package neo4j

import (
	"encoding/json"
	"fmt"
	"reflect"

	"lsgatlas/atlas"
)

// A node's own fields are stored under their names in the dataset format (atlas's JSON
// tags), each by its Go type as props.go describes, so that a property added to a node
// kind is stored and read back with no change here:
//
//	string, enum                   STRING (stored even when empty)
//	bool                           BOOLEAN
//	int                            INTEGER
//	*PartialDate                   its string form, absent when nil
//	*enum, *string, *int           STRING or INTEGER, absent when nil
//	[]string, []enum               LIST<STRING>, absent when nil, [] when empty
//	[]record (aliases, citations…) JSON text, absent when nil
//
// Fields tagged json:"-" (derived values) are not part of the dataset format; the few a
// query needs are stored by nodeProps itself.

var partialDateType = reflect.TypeFor[atlas.PartialDate]()

// storedFields lists the stored fields of struct type t: atlas.PropertyFields, the one
// mapping from property names to fields, which the in-process store projects by too.
func storedFields(t reflect.Type) []atlas.PropertyField { return atlas.PropertyFields(t) }

// putFields adds the stored form of each of n's own fields to p.
func putFields(p map[string]any, n atlas.Node) {
	v := reflect.ValueOf(n).Elem()
	for _, f := range storedFields(v.Type()) {
		p[f.Name] = storedValue(v.FieldByIndex(f.Index), f.Name)
	}
}

func storedValue(v reflect.Value, name string) any {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int:
		return v.Int()
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		if v.Type().Elem() == partialDateType {
			return v.Interface().(*atlas.PartialDate).String()
		}
		return storedValue(v.Elem(), name)
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		if v.Type().Elem().Kind() == reflect.String {
			out := make([]string, v.Len())
			for i := range out {
				out[i] = v.Index(i).String()
			}
			return out
		}
		b, err := json.Marshal(v.Interface())
		if err != nil {
			panic(fmt.Sprintf("field %s: %v", name, err)) // records of strings, booleans and dates
		}
		return string(b)
	}
	panic(fmt.Sprintf("field %s: no stored form for %s", name, v.Type()))
}

// readFields sets each of n's own fields from its stored form in p.
func readFields(p *props, n atlas.Node) {
	v := reflect.ValueOf(n).Elem()
	for _, f := range storedFields(v.Type()) {
		readValue(p, f.Name, v.FieldByIndex(f.Index))
	}
}

func readValue(p *props, key string, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(p.str(key))
		return
	case reflect.Bool:
		v.SetBool(p.boolean(key))
		return
	case reflect.Int:
		v.SetInt(int64(p.integer(key)))
		return
	case reflect.Pointer:
		if raw, ok := p.m[key]; !ok || raw == nil {
			return
		}
		if v.Type().Elem() == partialDateType {
			if d := p.date(key); d != nil {
				v.Set(reflect.ValueOf(d))
			}
			return
		}
		e := reflect.New(v.Type().Elem())
		readValue(p, key, e.Elem())
		v.Set(e)
		return
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String {
			if l := strListOf[string](p, key); l != nil {
				s := reflect.MakeSlice(v.Type(), len(l), len(l))
				for i, e := range l {
					s.Index(i).SetString(e)
				}
				v.Set(s)
			}
			return
		}
		s, ok := get[string](p, key, "STRING")
		if !ok {
			return
		}
		if err := json.Unmarshal([]byte(s), v.Addr().Interface()); err != nil {
			p.fail(key, err)
		}
		return
	}
	p.fail(key, fmt.Errorf("no stored form for %s", v.Type()))
}
