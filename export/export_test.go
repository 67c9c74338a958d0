package export_test

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/export"
)

func TestContentTypeAndExtension(t *testing.T) {
	tests := []struct {
		format           export.Format
		contentType, ext string
	}{
		{export.GraphMLFormat, "application/graphml+xml", ".graphml"},
		{export.GEXFFormat, "application/gexf+xml", ".gexf"},
		{export.CytoscapeFormat, "application/json", ".json"},
		{"dot", "", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			if got := export.ContentType(tt.format); got != tt.contentType {
				t.Errorf("ContentType = %q, want %q", got, tt.contentType)
			}
			if got := export.FileExtension(tt.format); got != tt.ext {
				t.Errorf("FileExtension = %q, want %q", got, tt.ext)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	g := fixtureGraph(t)
	dangling := append(slices.Clone(g.rels), atlas.Relation{ID: "x", Type: atlas.Chairs, From: "person/nobody", To: "group/foreign-affairs-lsg"})
	twice := append(slices.Clone(g.nodes), g.nodes[0])
	tests := []struct {
		name       string
		format     export.Format
		nodes      []atlas.Node
		rels       []atlas.Relation
		code, what string
	}{
		{"unknown format", "dot", g.nodes, g.rels, atlas.EINVALID, "dot"},
		{"relation to a missing node", export.GraphMLFormat, g.nodes, dangling, atlas.EINVALID, "person/nobody"},
		{"node twice", export.GEXFFormat, twice, g.rels, atlas.EINVALID, "appears twice"},
		{"relation twice", export.CytoscapeFormat, g.nodes, append(slices.Clone(g.rels), g.rels[0]), atlas.EINVALID, "appears twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := export.Write(&buf, tt.format, export.Graph{Nodes: tt.nodes, Relations: tt.rels})
			if atlas.ErrorCode(err) != tt.code || !bytes.Contains([]byte(atlas.ErrorMessage(err)), []byte(tt.what)) {
				t.Fatalf("error = %v, want %s mentioning %q", err, tt.code, tt.what)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes before failing; nothing should be written", buf.Len())
			}
		})
	}
	for _, f := range export.Formats {
		t.Run("writer fails "+string(f), func(t *testing.T) {
			if err := export.Write(failingWriter{}, f, g.export()); !errors.Is(err, errDiskFull) {
				t.Errorf("error = %v, want the writer's error wrapped", err)
			}
		})
	}
}

// TestDeterministic writes the same graph given in two orders, and skips nil nodes.
func TestDeterministic(t *testing.T) {
	g := fixtureGraph(t)
	shuffled := graph{nodes: slices.Clone(g.nodes), rels: slices.Clone(g.rels), source: g.source}
	slices.Reverse(shuffled.nodes)
	slices.Reverse(shuffled.rels)
	shuffled.nodes = append(shuffled.nodes, nil)
	for _, f := range export.Formats {
		t.Run(string(f), func(t *testing.T) {
			if a, b := write(t, f, g), write(t, f, shuffled); !bytes.Equal(a, b) {
				t.Error("output depends on input order")
			}
		})
	}
}

func TestEmptyGraph(t *testing.T) {
	if got := string(write(t, export.CytoscapeFormat, graph{})); got != `{"data":{"name":"LSG Atlas","truncated":false},"directed":true,"multigraph":true,"elements":{"nodes":[],"edges":[]}}`+"\n" {
		t.Errorf("empty Cytoscape export = %q", got)
	}
	for _, f := range []export.Format{export.GraphMLFormat, export.GEXFFormat} {
		if out := write(t, f, graph{}); !bytes.HasPrefix(out, []byte("<?xml")) {
			t.Errorf("empty %s export = %q", f, out)
		}
	}
}
