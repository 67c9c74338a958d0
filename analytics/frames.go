package analytics

import (
	"context"

	"lsgatlas/atlas"
)

// MaxFrames bounds the years of Frames: each is a Network of its own.
const MaxFrames = 200

// Frames is a network seen year by year over a period: Network is the network over the
// whole period (f with During), holding every node and relation of any frame under its
// stable id, and each Frame lists which of them hold in its year.
type Frames struct {
	Network Subgraph
	Frames  []Frame
}

// Frame is the network as of one year: the ids of its nodes (Network's order) and of its
// relations and derived chairs, each with its holding then.
type Frame struct {
	Year      int
	Nodes     []string
	Relations []FrameRelation
	Truncated bool
}

// FrameRelation is a relation of a frame, by id, with its holding in the frame's year.
type FrameRelation struct {
	ID      string
	Holding atlas.Holding
}

// Frames returns Network over f.During (required) and, for each year the period touches,
// Network over that year cut to the period, with the same seeds, depth and limit: as of
// the year (f with AsOf instead of During) when the period covers all of it, during the
// part it covers otherwise (a period from 2018-04 to 2018-05 has one frame, of those two
// months). A relation is in a frame when it may hold on some day of it (the asOf rule),
// with its holding then: KNOWN when known on every day of the frame.
//
// A frame holds only elements of Network, listed in its order: a year's own
// neighbourhood could reach nodes the period's node limit left out, and those are
// dropped, with the frame marked truncated.
//
// Errors: EINVALID without a period, or as Network; ELIMIT beyond MaxFrames years;
// ctx.Err() when ctx ends.
func (p *Projection) Frames(ctx context.Context, ids []string, depth int, f Filter, limit int) (Frames, error) {
	if f.During == nil || f.AsOf != nil {
		return Frames{}, atlas.Errorf(atlas.EINVALID, "frames need a period (during), and no asOf")
	}
	from, to := f.During.From.Year, f.During.To.Year
	if years := to - from + 1; years > MaxFrames {
		return Frames{}, atlas.Errorf(atlas.ELIMIT, "%d frames (%d to %d) are more than the limit of %d; ask for a shorter period", years, from, to, MaxFrames)
	}
	whole, err := p.Network(ctx, ids, depth, f, limit)
	if err != nil {
		return Frames{}, err
	}
	inWhole := map[string]bool{}
	for _, r := range whole.Relations {
		inWhole[r.ID] = true
	}
	for _, e := range whole.Derived {
		inWhole[e.ID] = true
	}
	out := Frames{Network: whole}
	for y := from; y <= to; y++ {
		yf := f
		yf.AsOf, yf.During = yearWithin(y, *f.During)
		sub, err := p.Network(ctx, ids, depth, yf, limit)
		if err != nil {
			return Frames{}, err
		}
		fr := Frame{Year: y, Truncated: sub.Truncated, Nodes: []string{}}
		inYear := map[string]bool{}
		for _, n := range sub.Nodes {
			inYear[n.NodeID()] = true
		}
		for _, n := range whole.Nodes {
			if inYear[n.NodeID()] {
				fr.Nodes = append(fr.Nodes, n.NodeID())
				delete(inYear, n.NodeID())
			}
		}
		if len(inYear) > 0 {
			fr.Truncated = true // reached in the year, left out of the period's network
		}
		edges := append(atlas.EdgesWhen("", sub.Relations, p.WhenOf(yf), f.Tiers...), sub.Derived...)
		for _, e := range edges {
			if inWhole[e.ID] {
				fr.Relations = append(fr.Relations, FrameRelation{e.ID, *e.Holding})
			}
		}
		out.Frames = append(out.Frames, fr)
	}
	return out, nil
}

// yearWithin is the part of year y within period: the year itself, as an asOf date, when
// period covers all of it, or the period's days in it.
func yearWithin(y int, period atlas.Period) (*atlas.PartialDate, *atlas.Period) {
	year := atlas.PartialDate{Year: y}
	cut := atlas.Period{From: year, To: year}
	if period.From.Year == y {
		cut.From = period.From
	}
	if period.To.Year == y {
		cut.To = period.To
	}
	if lo, hi := cut.Days(); lo == year.Earliest() && hi == year.Latest() {
		return &year, nil
	}
	return nil, &cut
}
