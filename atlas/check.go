package atlas

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// CheckChange is the one check every write goes through: a change is applied to a copy
// of the dataset (after) and refused when it brings a problem the data before it did
// not have: one the dataset loader's own validation finds (Problems, what every import
// runs, refused in Validate's words), a plain value without a claim (MissingClaims,
// which the seed loader also runs), a date cited to a source older than it
// (CitedDateProblems) or a broken invariant of the whole graph (GraphChecks). Every
// violation is named. Only new problems count, so a store imported from data that
// predates a rule can still be curated, the change that mends it included: a name with
// a trailing space in a store from before names were held to have none refused every
// write, the fix too, while the whole loader validation ran on every write.
func CheckChange(before, after *Dataset) error {
	_, err := checkAgainst(problemsOf(before), after)
	return err
}

// changeChecks are the checks whose problems CheckChange forgives the data before.
// The first is the loader's validation, whose new problems are refused as Validate
// words them.
var changeChecks = append([]func(*Dataset) []string{(*Dataset).Problems, (*Dataset).MissingClaims, (*Dataset).CitedDateProblems}, GraphChecks...)

// problemsOf lists ds's problems, check by check: what a change made to ds is forgiven.
// The whole-graph checks take most of a write's time, and every write at one revision
// starts from the same data, so the Curator keeps these by revision.
func problemsOf(ds *Dataset) []map[string]bool {
	out := make([]map[string]bool, len(changeChecks))
	for i, check := range changeChecks {
		out[i] = map[string]bool{}
		for _, p := range check(ds) {
			out[i][p] = true
		}
	}
	return out
}

// checkAgainst is CheckChange given the problems of the data before; it returns the
// problems of after too, which a write that commits after leaves to the next.
func checkAgainst(old []map[string]bool, after *Dataset) ([]map[string]bool, error) {
	now := make([]map[string]bool, len(changeChecks))
	now[0] = map[string]bool{}
	var invalid []string
	for _, p := range after.Problems() {
		now[0][p] = true
		if !old[0][p] {
			invalid = append(invalid, p)
		}
	}
	if len(invalid) > 0 {
		return nil, invalidDataset(invalid)
	}
	var problems []string
	for i := 1; i < len(changeChecks); i++ {
		now[i] = map[string]bool{}
		for _, p := range changeChecks[i](after) {
			now[i][p] = true
			if !old[i][p] {
				problems = append(problems, p)
			}
		}
	}
	if len(problems) > 0 {
		return nil, Errorf(EINVALID, "the change would break %d rule(s):\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	return now, nil
}

// GraphChecks are the graph-wide rules every change is held to beyond Validate, each
// listing its violations, every one naming its record: people's lifetimes as the data
// states them (nobody holds a post, chairs or sits on a group before birth or after
// death), and the whole-graph invariants the stores' answers keep (CheckInvariants:
// lifetimes, derivations, nobody twice in a list, single-seat posts, source filters).
var GraphChecks = []func(*Dataset) []string{lifetimeProblems, invariantProblems}

// invariantProblems runs CheckInvariants on ds as the stores would answer it (prepared,
// read with the stores' own filter), every year from 1900 to 2030, in every tier and in
// each alone.
func invariantProblems(ds *Dataset) []string {
	prepared := ds.Prepared()
	read := DatasetReader(prepared)
	// The three views only read the data: checked side by side, they take a write about
	// as long as the slowest of them on two cores.
	views := [][]SourceTier{nil, {CorpusTier}, {ReferenceTier}}
	found := make([][]string, len(views))
	var wg sync.WaitGroup
	for i, tiers := range views {
		wg.Go(func() {
			vs, err := CheckInvariants(context.Background(), prepared, read, InvariantOptions{FromYear: 1900, ToYear: 2030, Tiers: tiers})
			if err != nil {
				found[i] = []string{"the invariants could not be checked: " + err.Error()}
				return
			}
			for _, v := range vs {
				if tiers != nil {
					found[i] = append(found[i], fmt.Sprintf("%s (in tier %s)", v, tiers[0]))
				} else {
					found[i] = append(found[i], v.String())
				}
			}
		})
	}
	wg.Wait()
	return slices.Concat(found...)
}

// lifetimeProblems names each relationship a person holds that certainly lies outside
// the person's life: starting or ending after their death, or before their birth, or
// tying them to a group that did not exist while they lived.
func lifetimeProblems(ds *Dataset) []string {
	people := map[string]*Person{}
	for _, p := range ds.People {
		people[p.ID] = p
	}
	groups := map[string]*Group{}
	for _, g := range ds.Groups {
		groups[g.ID] = g
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
			if r.End != nil && r.End.Earliest() > d.Latest() {
				bad("ends %s, after %s died (%s)", r.End, p.ID, d)
			}
			for _, at := range r.Attested {
				if at.Earliest() > d.Latest() {
					bad("attested %s, after %s died (%s)", at, p.ID, d)
				}
			}
		}
		// Dated or not, a seat or chair of a group the person never lived beside can
		// hold on no day.
		if g := groups[r.To]; g != nil {
			switch {
			case p.Died != nil && g.Established != nil && p.Died.Latest() < g.Established.Earliest():
				bad("%s died (%s) before %s was established (%s)", p.ID, p.Died, g.ID, g.Established)
			case p.Born != nil && g.Abolished != nil && g.Abolished.Latest() < p.Born.Earliest():
				bad("%s was abolished (%s) before %s was born (%s)", g.ID, g.Abolished, p.ID, p.Born)
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
