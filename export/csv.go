package export

import (
	"archive/zip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// NodeColumns and EdgeColumns are the header rows of nodes.csv and edges.csv. They are
// part of the API: columns may be added at the end, never renamed, removed or moved.
var (
	NodeColumns = append([]string{"id"}, names(nodeAttributes)...)
	EdgeColumns = append([]string{"id", "source", "target"}, names(edgeAttributes)...)
)

func names(attrs []attribute) []string {
	out := make([]string, len(attrs))
	for i, a := range attrs {
		out[i] = a.name
	}
	return out
}

// NodesCSV writes the nodes as CSV (RFC 4180, UTF-8 without a byte order mark, Chinese
// names as they are): a header row of NodeColumns, then one row per node in id order.
// Empty cells are absent values; lists are joined with ListSeparator and citations are
// a JSON array, as in the XML formats.
//
// Errors: as GraphML.
func NodesCSV(w io.Writer, g Graph) error {
	ns, _, err := records(g)
	if err != nil {
		return err
	}
	rows := make([][]string, 0, len(ns)+1)
	rows = append(rows, NodeColumns)
	for _, n := range ns {
		rows = append(rows, append([]string{n.ID}, n.values()...))
	}
	return writeCSV(w, "nodes", rows)
}

// EdgesCSV writes the relations as CSV, like NodesCSV, with a header row of EdgeColumns
// and one row per relation in id order; source and target are node ids.
//
// Errors: as GraphML.
func EdgesCSV(w io.Writer, g Graph) error {
	_, es, err := records(g)
	if err != nil {
		return err
	}
	rows := make([][]string, 0, len(es)+1)
	rows = append(rows, EdgeColumns)
	for _, e := range es {
		rows = append(rows, append([]string{e.ID, e.Source, e.Target}, e.values()...))
	}
	return writeCSV(w, "edges", rows)
}

// CSVZip writes a zip archive of nodes.csv, edges.csv and graph.json, the last being
// what the export says about itself (name, version, truncated, limit, asOf), which a
// CSV file has no place for.
//
// Errors: as GraphML.
func CSVZip(w io.Writer, g Graph) error {
	if _, _, err := records(g); err != nil {
		return err
	}
	z := zip.NewWriter(w)
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"nodes.csv", func(w io.Writer) error { return NodesCSV(w, g) }},
		{"edges.csv", func(w io.Writer) error { return EdgesCSV(w, g) }},
		{"graph.json", func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(graphOf(g))
		}},
	} {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: zipModified})
		if err != nil {
			return fmt.Errorf("export: write zip: %w", err)
		}
		if err := f.write(fw); err != nil {
			return fmt.Errorf("export: write zip %s: %w", f.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("export: write zip: %w", err)
	}
	return nil
}

// zipModified is every entry's modification time: a fixed one keeps the archive byte for
// byte deterministic, and it must be a valid date, since the zero time is written as
// month 0, day 0, which unzip and spreadsheet importers reject or misread. 1980-01-01 is
// the earliest date a zip's MS-DOS timestamp can hold.
var zipModified = time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)

func writeCSV(w io.Writer, what string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("export: write %s CSV: %w", what, err)
	}
	return nil
}
