package graph_test

import (
	"fmt"
	"testing"
)

// BenchmarkNestedQuery runs the batching query over 5 and 50 groups. Compare the two:
// time per request and store calls per request should stay flat as lists grow tenfold,
// since the loaders turn each level into a fixed number of store calls.
func BenchmarkNestedQuery(b *testing.B) {
	store := syntheticStore(b, 50)
	srv := newServer(b, store)
	for _, n := range []int{5, 50} {
		b.Run(fmt.Sprintf("groups=%d", n), func(b *testing.B) {
			store.reset()
			for b.Loop() {
				var got struct {
					Groups struct{ Nodes []struct{ ID string } }
				}
				data(b, srv, batchingQuery, map[string]any{"n": n}, &got)
			}
			calls := store.reset()
			total := 0
			for _, c := range calls {
				total += c
			}
			b.ReportMetric(float64(total)/float64(b.N), "storecalls/op")
		})
	}
}
