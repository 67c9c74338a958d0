package inprocess_test

import (
	"context"
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/inprocess"
)

func TestConformance(t *testing.T) {
	conformance.Run(t, func(t *testing.T) atlas.Store { return inprocess.New() })
}

func TestCurationConformance(t *testing.T) {
	conformance.RunCuration(t, func(t *testing.T) (conformance.CuratedStore, func() conformance.CuratedStore) {
		dir := t.TempDir()
		s, err := inprocess.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		current := s
		t.Cleanup(func() { current.Close(context.Background()) })
		return s, func() conformance.CuratedStore {
			current.Close(context.Background())
			next, err := inprocess.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			current = next
			return next
		}
	})
}

func TestChangesConformance(t *testing.T) {
	conformance.RunChanges(t, func(t *testing.T) (conformance.CuratedStore, func() conformance.CuratedStore) {
		dir := t.TempDir()
		s, err := inprocess.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		current := s
		t.Cleanup(func() { current.Close(context.Background()) })
		return s, func() conformance.CuratedStore {
			current.Close(context.Background())
			next, err := inprocess.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			current = next
			return next
		}
	})
}
