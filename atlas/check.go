package atlas

import (
	"fmt"
	"strings"
)

// CheckChange is the one check every write goes through: a change is applied to a copy
// of the dataset (after) and refused when the copy fails the dataset loader's own
// validation (Validate, what every import runs), or when it brings a problem the data
// before it did not have: a plain value without a claim (MissingClaims, which the seed
// loader also runs) or a broken invariant of the whole graph (GraphChecks). Every
// violation is named. Only new problems count for the last two, so a store imported
// from data that predates a rule can still be curated.
func CheckChange(before, after *Dataset) error {
	if err := after.Validate(); err != nil {
		return err
	}
	var problems []string
	for _, check := range append([]func(*Dataset) []string{(*Dataset).MissingClaims}, GraphChecks...) {
		old := map[string]bool{}
		for _, p := range check(before) {
			old[p] = true
		}
		for _, p := range check(after) {
			if !old[p] {
				problems = append(problems, p)
			}
		}
	}
	if len(problems) > 0 {
		return Errorf(EINVALID, "the change would break %d rule(s):\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	return nil
}

// GraphChecks are the graph-wide rules every change is held to beyond Validate, each
// listing its violations, every one naming its record. It is the seam for a whole-graph
// invariants checker (lifetimes, derivations, single-seat posts): append it here. Today
// it holds people's lifetimes (nobody holds a post, chairs or sits on a group before
// birth or after death).
var GraphChecks = []func(*Dataset) []string{lifetimeProblems}

// lifetimeProblems names each relationship a person holds that certainly lies outside
// the person's life: starting after their death, or ending or starting before their birth.
func lifetimeProblems(ds *Dataset) []string {
	people := map[string]*Person{}
	for _, p := range ds.People {
		people[p.ID] = p
	}
	var out []string
	for _, r := range ds.Relations {
		p := people[r.From]
		if p == nil || !r.HeldByPerson() {
			continue
		}
		id := r.ID
		if id == "" {
			id = DefaultRelationID(r.Type, r.From, r.To)
		}
		bad := func(format string, args ...any) {
			out = append(out, fmt.Sprintf("relationship %s: ", id)+fmt.Sprintf(format, args...))
		}
		if d := p.Died; d != nil {
			if r.Start != nil && r.Start.Earliest() > d.Latest() {
				bad("starts %s, after %s died (%s)", r.Start, p.ID, d)
			}
			for _, at := range r.Attested {
				if at.Earliest() > d.Latest() {
					bad("attested %s, after %s died (%s)", at, p.ID, d)
				}
			}
		}
		if b := p.Born; b != nil {
			if r.Start != nil && r.Start.Latest() < b.Earliest() {
				bad("starts %s, before %s was born (%s)", r.Start, p.ID, b)
			}
			if r.End != nil && r.End.Latest() < b.Earliest() {
				bad("ends %s, before %s was born (%s)", r.End, p.ID, b)
			}
		}
	}
	return out
}
