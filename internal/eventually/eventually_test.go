package eventually_test

import (
	"sync/atomic"
	"testing"

	"lsgatlas/internal/eventually"
)

func TestTrueReturnsOnceTheConditionHolds(t *testing.T) {
	var tries atomic.Int32
	eventually.True(t, "the third try", func() bool { return tries.Add(1) == 3 })
	if n := tries.Load(); n != 3 {
		t.Errorf("tried %d times, want 3", n)
	}
}
