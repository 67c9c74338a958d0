package graph_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// TestEverySchemaElementIsDescribed: the schema's descriptions are the API
// documentation, so every type, field, argument, input field and enum value in
// schema.graphqls and schema/*.graphqls has one. There is no exceptions list: a new element without a
// description fails here, naming it. (Elements are found by parsing the files, so
// what gqlgen adds for federation is not checked; it is not ours to document.)
func TestEverySchemaElementIsDescribed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "schema", "*.graphqls"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no schema files: %v", err)
	}
	files = append([]string{filepath.Join("..", "schema.graphqls")}, files...)
	var missing []string
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parser.ParseSchema(&ast.Source{Name: path, Input: string(b)})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		at := func(pos *ast.Position) string { return filepath.Base(path) + ":" + strconv.Itoa(pos.Line) }
		check := func(def *ast.Definition, extension bool) {
			if !extension && strings.TrimSpace(def.Description) == "" {
				missing = append(missing, at(def.Position)+" type "+def.Name)
			}
			for _, f := range def.Fields {
				if strings.TrimSpace(f.Description) == "" {
					missing = append(missing, at(f.Position)+" field "+def.Name+"."+f.Name)
				}
				for _, a := range f.Arguments {
					if strings.TrimSpace(a.Description) == "" {
						missing = append(missing, at(a.Position)+" argument "+def.Name+"."+f.Name+"("+a.Name+")")
					}
				}
			}
			for _, v := range def.EnumValues {
				if strings.TrimSpace(v.Description) == "" {
					missing = append(missing, at(v.Position)+" enum value "+def.Name+"."+v.Name)
				}
			}
		}
		for _, def := range doc.Definitions {
			check(def, false)
		}
		for _, def := range doc.Extensions {
			check(def, true)
		}
		for _, d := range doc.Directives {
			if strings.TrimSpace(d.Description) == "" {
				missing = append(missing, at(d.Position)+" directive @"+d.Name)
			}
			for _, a := range d.Arguments {
				if strings.TrimSpace(a.Description) == "" {
					missing = append(missing, at(a.Position)+" argument @"+d.Name+"("+a.Name+")")
				}
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d schema elements have no description:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}
