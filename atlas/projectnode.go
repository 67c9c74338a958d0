package atlas

import (
	"reflect"
	"strings"
	"sync"
)

// A node's properties are its kind's struct fields under their JSON names (the dataset
// format). PropertyFields is the one mapping from a property name to a field: the Neo4j
// store stores and decodes each field under it, and ProjectNode copies by it, so that a
// projected read gives the same partial node from either store.

// PropertyField is one field of a node kind's struct, found by its property name.
type PropertyField struct {
	Name  string
	Index []int // for reflect.Value.FieldByIndex
}

// fieldsByType caches PropertyFields: every node a store reads or writes asks for its
// kind's.
var fieldsByType sync.Map // reflect.Type -> []PropertyField

// PropertyFields lists the properties of struct type t (a node kind's), embedded structs'
// fields in their place as encoding/json would; fields tagged json:"-" (derived values,
// not part of the dataset format) are left out.
func PropertyFields(t reflect.Type) []PropertyField {
	if fs, ok := fieldsByType.Load(t); ok {
		return fs.([]PropertyField)
	}
	var out []PropertyField
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, PropertyField{Name: name, Index: f.Index})
	}
	fieldsByType.Store(t, out)
	return out
}

// projectedField is a property ProjectNode may copy alone: its field, and whether the
// copy is cheap (a value, a pointer to one, a list of strings). A list of records
// (aliases, claims, citations) is not: ProjectNode then clones the whole node, which
// costs little more than copying those.
type projectedField struct {
	index []int
	cheap bool
}

var partialDateType = reflect.TypeFor[PartialDate]()

// projectedFields maps each kind's node type to its properties by name, and
// knownProperties is every property of any kind: a projection naming the title of a
// group (a union over kinds) skips it, one naming something no kind has reads the whole
// node.
var projectedFields, knownProperties = func() (map[reflect.Type]map[string]projectedField, map[string]bool) {
	byType, known := map[reflect.Type]map[string]projectedField{}, map[string]bool{}
	for _, kind := range NodeKinds {
		n, _ := NewNode(kind)
		t := reflect.TypeOf(n).Elem()
		fields := map[string]projectedField{}
		for _, f := range PropertyFields(t) {
			fields[f.Name] = projectedField{index: f.Index, cheap: cheapToCopy(t.FieldByIndex(f.Index).Type)}
			known[f.Name] = true
		}
		byType[t] = fields
	}
	return byType, known
}()

func cheapToCopy(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int:
		return true
	case reflect.Pointer:
		e := t.Elem()
		return e == partialDateType || e.Kind() == reflect.String || e.Kind() == reflect.Int || e.Kind() == reflect.Bool
	case reflect.Slice:
		return t.Elem().Kind() == reflect.String
	}
	return false
}

// ProjectNode returns a copy of n as a store that projects returns it when read with p: a
// partial node holding its id, its kind and the properties of p its kind has, every other
// field zero; the whole node (CloneNode) when p is nil or names a property that is not
// cheap to copy alone (a list of records) or that no kind has. Either way the copy shares
// nothing reachable with n, so that a reader can never change a store through it.
func ProjectNode(n Node, p *Projection) Node {
	if n == nil || p == nil {
		return CloneNode(n)
	}
	src := reflect.ValueOf(n).Elem()
	fields, ok := projectedFields[src.Type()]
	if !ok {
		return CloneNode(n)
	}
	for _, name := range p.props {
		if f, ok := fields[name]; (ok && !f.cheap) || (!ok && !knownProperties[name]) {
			return CloneNode(n)
		}
	}
	out, _ := NewNode(n.NodeKind())
	dst := reflect.ValueOf(out).Elem()
	copyField(dst.FieldByIndex(fields["id"].index), src.FieldByIndex(fields["id"].index))
	for _, name := range p.props {
		if f, ok := fields[name]; ok {
			copyField(dst.FieldByIndex(f.index), src.FieldByIndex(f.index))
		}
	}
	return out
}

// copyField copies a field cheapToCopy accepts, sharing nothing with src.
func copyField(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if !src.IsNil() {
			c := reflect.New(src.Type().Elem())
			c.Elem().Set(src.Elem())
			dst.Set(c)
		}
	case reflect.Slice:
		if !src.IsNil() {
			c := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
			reflect.Copy(c, src)
			dst.Set(c)
		}
	default:
		dst.Set(src)
	}
}
