package seed_test

import (
	"bytes"
	"testing"

	"lsgatlas/seed"
)

// TestEncodeRoundTrips writes the bundled dataset out and reads it back: the loader
// accepts it, it holds the same records, and writing it again gives the same bytes.
func TestEncodeRoundTrips(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	var first, second bytes.Buffer
	if err := seed.Encode(&first, ds.Prepared()); err != nil {
		t.Fatal(err)
	}
	back, err := seed.Decode(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatalf("the loader refuses what Encode wrote: %v", err)
	}
	if len(back.Nodes()) != len(ds.Nodes()) || len(back.Relations) != len(ds.Relations) {
		t.Fatalf("round trip: %d nodes, %d relations; want %d, %d", len(back.Nodes()), len(back.Relations), len(ds.Nodes()), len(ds.Relations))
	}
	if err := seed.Encode(&second, back.Prepared()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatal("writing the same data twice gave different bytes")
	}
}
