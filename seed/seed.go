// Package seed holds the curated LSG Atlas dataset (atlas.json, built from the five
// source documents) and reads dataset files strictly: an unknown field, a dangling
// reference, a bad date or a fact without a source is an error that names the record.
package seed

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"lsgatlas/atlas"
)

//go:embed atlas.json
var bundled []byte

// Dataset returns the bundled dataset, validated.
func Dataset() (*atlas.Dataset, error) {
	return Decode(bytes.NewReader(bundled))
}

// LoadFile reads and validates a dataset file.
func LoadFile(path string) (*atlas.Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("seed: open %s: %w", path, err)
	}
	defer f.Close()
	return Decode(f)
}

// Decode reads a dataset in the format of FORMAT.md and validates it. Each record is
// decoded on its own so that an error names the record it is in.
func Decode(r io.Reader) (*atlas.Dataset, error) {
	var top map[string]json.RawMessage
	if err := strictDecode(r, &top); err != nil {
		return nil, atlas.Errorf(atlas.EINVALID, "dataset: %v", err)
	}
	ds := &atlas.Dataset{}
	sections := []struct {
		name   string
		decode func(json.RawMessage) error
	}{
		{"sources", appendTo(&ds.Sources)},
		{"groups", appendTo(&ds.Groups)},
		{"offices", appendTo(&ds.Offices)},
		{"institutions", appendTo(&ds.Institutions)},
		{"positions", appendTo(&ds.Positions)},
		{"people", appendTo(&ds.People)},
		{"relations", appendTo(&ds.Relations)},
		{"reportedCounts", appendTo(&ds.ReportedCounts)},
		{"statements", appendTo(&ds.Statements)},
		{"topics", appendTo(&ds.Topics)},
		{"documents", appendTo(&ds.Documents)},
	}
	known := map[string]bool{}
	for _, sec := range sections {
		known[sec.name] = true
		raw, ok := top[sec.name]
		if !ok {
			continue
		}
		var records []json.RawMessage
		if err := json.Unmarshal(raw, &records); err != nil {
			return nil, atlas.Errorf(atlas.EINVALID, "dataset: %s must be a list: %v", sec.name, err)
		}
		for i, rec := range records {
			if err := sec.decode(rec); err != nil {
				return nil, atlas.Errorf(atlas.EINVALID, "dataset: %s[%d]%s: %s", sec.name, i, recordName(rec), errorText(err))
			}
		}
	}
	for name := range top {
		if !known[name] {
			return nil, atlas.Errorf(atlas.EINVALID, "dataset: unknown section %q", name)
		}
	}
	if err := ds.Validate(); err != nil {
		return nil, err
	}
	if missing := ds.MissingClaims(); len(missing) > 0 {
		return nil, atlas.Errorf(atlas.EINVALID, "dataset: %d propert(ies) without a claim, e.g. %s", len(missing), missing[0])
	}
	// No source gives a date later than its own: every write is held to it, and so is
	// every dataset file, the bundled one and any SEED_FILE (the invented graphs the
	// stores' suites import directly are not: see atlas.Dataset.CitedDateProblems).
	if late := ds.CitedDateProblems(); len(late) > 0 {
		return nil, atlas.Errorf(atlas.EINVALID, "dataset: %d date(s) cited to a source older than them, e.g. %s", len(late), late[0])
	}
	return ds, nil
}

// appendTo returns a decoder that strictly decodes one record and appends it to list.
func appendTo[T any](list *[]*T) func(json.RawMessage) error {
	return func(raw json.RawMessage) error {
		v := new(T)
		err := strictDecode(bytes.NewReader(raw), v)
		if err == nil {
			*list = append(*list, v)
		}
		return err
	}
}

func strictDecode(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the end of the JSON value")
	}
	return nil
}

// recordName names a record by its id (or type/from/to for relations) when it has one.
func recordName(raw json.RawMessage) string {
	var probe struct {
		ID   string `json:"id"`
		Type string `json:"type"`
		From string `json:"from"`
		To   string `json:"to"`
	}
	_ = json.Unmarshal(raw, &probe)
	switch {
	case probe.ID != "":
		return " (" + probe.ID + ")"
	case probe.From != "":
		return fmt.Sprintf(" (%s %s -> %s)", probe.Type, probe.From, probe.To)
	}
	return ""
}

func errorText(err error) string {
	var e *atlas.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}
