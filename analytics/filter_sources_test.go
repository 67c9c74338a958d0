package analytics_test

import (
	"context"
	"testing"

	"lsgatlas/analytics"
	"lsgatlas/atlas"
)

// TestUnknownSourcesAreRefused: a filter on a source id the data does not hold is
// INVALID, not an empty answer that reads as "nothing cites it".
func TestUnknownSourcesAreRefused(t *testing.T) {
	p := fixture(t)
	ctx := context.Background()
	unknown := analytics.Filter{Sources: []string{"source/no-such-source"}}
	_, err := p.Network(ctx, nil, 1, unknown, analytics.DefaultNetworkLimit)
	wantCode(t, err, atlas.EINVALID, `no source has the id "source/no-such-source"`)
	_, err = p.Centrality(ctx, analytics.DegreeMetric, unknown, nil, 10)
	wantCode(t, err, atlas.EINVALID, `no source has the id "source/no-such-source"`)
	_, err = p.Timeline(ctx, "group/foreign-affairs-lsg", "source/no-such-source")
	wantCode(t, err, atlas.EINVALID, `no source has the id "source/no-such-source"`)
}
