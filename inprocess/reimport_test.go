package inprocess_test

import (
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/inprocess"
	"lsgatlas/seed"
)

// TestReimportAfterReopenChangesNothing: seeding a data folder again, after the store was
// closed and opened (so the old records are read back from disk), finds every record
// unchanged. The bundled file writes "attested": [] where the disk gives nil, and
// every re-seed and restart rewrote 242 relations, each with a RELATIONSHIP_CHANGED
// event in the feed.
func TestReimportAfterReopenChangesNothing(t *testing.T) {
	dir := t.TempDir()
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	total := len(ds.Nodes()) + len(ds.Relations)
	for i, want := range []atlas.ImportReport{{Created: total}, {Unchanged: total}, {Unchanged: total}} {
		s, err := inprocess.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		before, err := s.Revision(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		ds, err := seed.Dataset()
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Import(t.Context(), ds)
		if err != nil {
			t.Fatal(err)
		}
		after, _ := s.Revision(t.Context())
		if got != want || (i > 0 && after != before) {
			t.Errorf("import %d: %+v, revision %d → %d; want %+v and the revision unmoved", i+1, got, before, after, want)
		}
		if err := s.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
}
