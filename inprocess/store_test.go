package inprocess_test

import (
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/inprocess"
)

func TestConformance(t *testing.T) {
	conformance.Run(t, func(t *testing.T) atlas.Store { return inprocess.New() })
}
