package seed_test

import (
	"bytes"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/seed"
)

// FuzzDecode: a dataset file is either decoded into a dataset without problems or
// refused with EINVALID; never a panic.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"sources": []}`, `{"groups": [{"id": "group/a"}]}`, `{"people": [null]}`, `[]`, `{"x": 1}`,
		`{"sources": [{"id": "source/s", "title": "S", "kind": "REPORT", "date": "2020"}], "groups": [{"id": "group/g", "name": "G", "kind": "LEADING_SMALL_GROUP", "sources": [{"source": "source/s"}]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, err := seed.Decode(bytes.NewReader(b))
		if err != nil {
			if atlas.ErrorCode(err) != atlas.EINVALID {
				t.Fatalf("Decode: %v is not EINVALID", err)
			}
			return
		}
		if p := ds.Problems(); len(p) > 0 {
			t.Fatalf("Decode accepted a dataset with problems: %v", p)
		}
	})
}
