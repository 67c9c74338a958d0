package graph

import (
	"reflect"
	"testing"
)

// Root serves, for every object of ResolverRoot, the resolver gqlgen's getter makes, and
// the same one every time: an object added to the schema without a field in root would
// fail to compile, and one whose getter Root did not call would serve nil.
func TestRootMakesEachResolverOnce(t *testing.T) {
	r := &Resolver{}
	memo := reflect.ValueOf(Root(r))
	fresh := reflect.ValueOf(r)
	rootType := reflect.TypeFor[ResolverRoot]()
	for i := range rootType.NumMethod() {
		name := rootType.Method(i).Name
		first := memo.MethodByName(name).Call(nil)[0]
		second := memo.MethodByName(name).Call(nil)[0]
		made := fresh.MethodByName(name).Call(nil)[0]
		switch {
		case first.IsNil():
			t.Errorf("%s: nil", name)
		case first.Interface() != second.Interface():
			t.Errorf("%s: a new resolver on every call", name)
		case first.Elem().Type() != made.Elem().Type():
			t.Errorf("%s: a %s, where the getter makes a %s", name, first.Elem().Type(), made.Elem().Type())
		}
	}
}
