package inprocess

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"testing"

	"lsgatlas/internal/synthetic"
	"lsgatlas/seed"
)

// liveHeap collects garbage twice (finalisers run between) and returns the bytes of
// heap objects left.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// BenchmarkScaleMemory imports the bundled dataset at 1x, 10x and 100x
// (synthetic.Scaled) into an empty store and reports the live heap the store keeps
// (the dataset it was given dropped), and how much of it is search's: the text index,
// the search keys, each record's analysis and the scoring statistics, measured by
// dropping them and collecting again. One import per run: use -benchtime 1x.
func BenchmarkScaleMemory(b *testing.B) {
	base, err := seed.Dataset()
	if err != nil {
		b.Fatal(err)
	}
	for _, factor := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("%dx", factor), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				before := liveHeap()
				ds, err := synthetic.Scaled(base, factor)
				if err != nil {
					b.Fatal(err)
				}
				s := New()
				b.StartTimer()
				if _, err := s.Import(context.Background(), ds); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				ds = nil
				live := liveHeap() - before
				// Dropped one part at a time, to see which part of search's share is which.
				parts := []struct {
					name string
					drop func()
				}{
					{"fieldsMB", func() { s.fields = nil }},
					{"textMB", func() { s.text = nil }},
					{"analysedMB", func() { s.analysed, s.stats = nil, nil }},
					{"keysMB", func() { s.keys = nil }},
				}
				last := live
				for _, part := range parts {
					part.drop()
					now := liveHeap() - before
					b.ReportMetric(float64(last-now)/(1<<20), part.name)
					last = now
				}
				withoutSearch := last
				runtime.KeepAlive(s)
				b.ReportMetric(float64(live)/(1<<20), "liveheapMB")
				b.ReportMetric(float64(live-withoutSearch)/(1<<20), "searchMB")
				b.ReportMetric(100*float64(live-withoutSearch)/float64(live), "search%")
				b.StartTimer()
			}
		})
	}
}
