package analytics_test

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
	"lsgatlas/internal/synthetic"
	"lsgatlas/seed"
)

// scaleFactors are the sizes BenchmarkScale runs at: the bundled dataset, and
// synthetic.Scaled to 10x and 100x. Select one with -bench 'Scale/.*/100x'.
var scaleFactors = []int{1, 10, 100}

var (
	scaledMu          sync.Mutex
	scaledProjections = map[int]*analytics.Projection{}
)

// scaledProjection builds the projection of the bundled dataset at factor once per
// process (a 100x build takes seconds, and is not what is measured).
func scaledProjection(b *testing.B, factor int) *analytics.Projection {
	b.Helper()
	scaledMu.Lock()
	defer scaledMu.Unlock()
	if p, ok := scaledProjections[factor]; ok {
		return p
	}
	base, err := seed.Dataset()
	if err != nil {
		b.Fatal(err)
	}
	ds, err := synthetic.Scaled(base, factor)
	if err != nil {
		b.Fatal(err)
	}
	p := analytics.Build(ds.Prepared())
	scaledProjections[factor] = p
	return p
}

// BenchmarkScale runs the analytics at 1x, 10x and 100x of the bundled dataset
// (synthetic.Scaled), each query at the three sizes one after another so that they
// share the machine's load: the neighbourhood of a group (network, depth 2), the
// statistics as of 2020, and betweenness computed afresh over the network of
// memberships, chairs and posts (the projection caches betweenness per filter, and
// refuses it over analytics.MaxBetweennessWork; this measures the computation the cap
// bounds). The README's Performance section has the figures.
func BenchmarkScale(b *testing.B) {
	ctx := context.Background()
	asOf := atlas.PartialDate{Year: 2020}
	tenures := analytics.Filter{RelTypes: []atlas.RelType{atlas.MemberOf, atlas.Chairs, atlas.Holds}}
	queries := []struct {
		name string
		run  func(b *testing.B, p *analytics.Projection)
	}{
		{"network", func(b *testing.B, p *analytics.Projection) {
			if _, err := p.Network(ctx, []string{"group/central-foreign-affairs-commission"}, 2, analytics.Filter{}, analytics.MaxNetworkNodes); err != nil {
				b.Fatal(err)
			}
		}},
		{"statistics", func(b *testing.B, p *analytics.Projection) {
			if _, err := p.Statistics(ctx, asOf); err != nil {
				b.Fatal(err)
			}
		}},
		{"betweenness", func(b *testing.B, p *analytics.Projection) {
			if _, _, err := analytics.BetweennessForBench(p, tenures); err != nil {
				b.Fatal(err)
			}
		}},
	}
	for _, q := range queries {
		for _, factor := range scaleFactors {
			b.Run(fmt.Sprintf("%s/%dx", q.name, factor), func(b *testing.B) {
				p := scaledProjection(b, factor)
				b.ReportAllocs()
				live, stop := sampleHeapPeak()
				for b.Loop() {
					q.run(b, p)
				}
				b.ReportMetric(float64(live)/(1<<20), "liveheapMB")
				b.ReportMetric(float64(stop())/(1<<20), "peakheapMB")
			})
		}
	}
}

// sampleHeapPeak collects garbage, returns the bytes of heap objects left (every
// projection built so far is live), and samples them every millisecond until the
// returned function is called, which returns the highest seen.
func sampleHeapPeak() (uint64, func() uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	live := sample[0].Value.Uint64()
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return live, func() uint64 { close(done); return <-result }
}
