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
// Network as of that year (f with AsOf instead of During), with the same seeds, depth and
// limit. A relation is in a year's frame when it may hold in some day of the year (the
// asOf rule), with its holding then.
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
	out := Frames{Network: whole}
	for y := from; y <= to; y++ {
		year := atlas.PartialDate{Year: y}
		yf := f
		yf.During, yf.AsOf = nil, &year
		sub, err := p.Network(ctx, ids, depth, yf, limit)
		if err != nil {
			return Frames{}, err
		}
		fr := Frame{Year: y, Truncated: sub.Truncated, Nodes: make([]string, len(sub.Nodes))}
		for i, n := range sub.Nodes {
			fr.Nodes[i] = n.NodeID()
		}
		for _, e := range atlas.EdgesFrom("", sub.Relations, &year, f.Tiers...) {
			fr.Relations = append(fr.Relations, FrameRelation{e.ID, *e.Holding})
		}
		for _, e := range sub.Derived {
			fr.Relations = append(fr.Relations, FrameRelation{e.ID, *e.Holding})
		}
		out.Frames = append(out.Frames, fr)
	}
	return out, nil
}
