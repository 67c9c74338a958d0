// Command listgen renders the list statements, one per order field and direction, from
// list.cypher.tmpl into neo4j/cypher/ (run by go generate in neo4j/). They differ only in
// the index that serves their order and in how the keyset cursor bounds it; the template
// keeps everything else, the filters above all, one text.
package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

//go:embed list.cypher.tmpl
var text string

var tmpl = template.Must(template.New("list").Parse(text))

// order is one list statement's order: an atlas.OrderField and a direction.
type order struct {
	Field    string // atlas.OrderField
	property string // the stored sort key of Field (neo4j/props.go)
	desc     bool
}

// orders are the statements rendered, each named list_by_<field>_<asc|desc>.
var orders = []order{
	{"NAME", "sortName", false}, {"NAME", "sortName", true},
	{"ESTABLISHED", "sortEstablished", false}, {"ESTABLISHED", "sortEstablished", true},
	{"ID", "id", false}, {"ID", "id", true},
}

// Name is the statement's file name without its extension.
func (o order) Name() string {
	dir := "asc"
	if o.desc {
		dir = "desc"
	}
	return "list_by_" + strings.ToLower(o.Field) + "_" + dir
}

func (o order) Direction() string {
	if o.desc {
		return "descending"
	}
	return "ascending"
}

func (o order) SortKey() string {
	if o.property == "id" {
		return "id"
	}
	return o.property + ", id"
}

// IndexProps are the properties of the index that serves the order: the id breaks ties
// of the sort key, and is the sort key of ID.
func (o order) IndexProps() string { return "ns, nodeKind, " + o.SortKey() }

func (o order) Index() string {
	return map[string]string{"sortName": "entity_order_name", "sortEstablished": "entity_order_established", "id": "entity_order_id"}[o.property]
}

// Seek bounds the index seek by the cursor's key, where the page starts: from below
// ascending, from above descending. With no cursor, ascending starts at the least string;
// descending at U+FFFF, greater than every stored sort key, each of which is hex
// (sortName), eight digits (sortEstablished) or a node id, which starts with its kind.
func (o order) Seek() string {
	p := "n." + o.property
	bound := p + " >= coalesce($afterKey, '')"
	if o.desc {
		bound = p + ` <= coalesce($afterKey, '\uFFFF')`
	}
	if o.property != "id" {
		bound += " AND n.id IS NOT NULL"
	}
	return bound
}

func (o order) Bound() string {
	if o.desc {
		return "The cursor's key is the upper bound of the seek (U+FFFF, above every stored key,\n" +
			"//   without a cursor), so a later page starts where the one before it ended."
	}
	return "The cursor's key is the lower bound of the seek, so a later page starts where the\n" +
		"//   one before it ended."
}

// After keeps the nodes after the keyset cursor ($afterKey, $afterId).
func (o order) After() string {
	p, cmp := "n."+o.property, ">"
	if o.desc {
		cmp = "<"
	}
	return fmt.Sprintf("($afterId IS NULL OR %[1]s %[2]s $afterKey OR (%[1]s = $afterKey AND n.id %[2]s $afterId))", p, cmp)
}

// OrderBy names every property of the index, in its order, so that the index provides it.
func (o order) OrderBy() string {
	dir := ""
	if o.desc {
		dir = " DESC"
	}
	props := strings.Split(o.IndexProps(), ", ")
	for i, p := range props {
		props[i] = "n." + p + dir
	}
	return strings.Join(props, ", ")
}

// render returns the statement of each order, by file name.
func render() (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, o := range orders {
		var b bytes.Buffer
		if err := tmpl.Execute(&b, o); err != nil {
			return nil, fmt.Errorf("%s: %w", o.Name(), err)
		}
		out[o.Name()+".cypher"] = b.Bytes()
	}
	return out, nil
}

func main() {
	dir := "cypher"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	files, err := render()
	if err == nil {
		for name, b := range files {
			if err = os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				break
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "listgen:", err)
		os.Exit(1)
	}
}
