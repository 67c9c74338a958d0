package seed_test

import (
	"testing"

	"lsgatlas/atlas"
	"lsgatlas/seed"
)

// TestEveryHolderOfAGroupPostIsNamedAndDated keeps the reference tier's promise: everyone
// who holds a post that chairs or sits on a group has a Chinese name and, for that post, a
// dated tenure from a reference page, so a chair or seat derived through the post is
// bounded by a cited tenure and never by an undated holding.
func TestEveryHolderOfAGroupPostIsNamedAndDated(t *testing.T) {
	ds, err := seed.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	tier := map[string]atlas.SourceTier{}
	for _, s := range ds.Sources {
		tier[s.ID] = s.EffectiveTier()
	}
	positions := map[string]bool{}
	for _, p := range ds.Positions {
		positions[p.ID] = true
	}
	groupPosts := map[string]bool{}
	for _, r := range ds.Relations {
		if (r.Type == atlas.Chairs || r.Type == atlas.MemberOf) && positions[r.From] {
			groupPosts[r.From] = true
		}
	}
	people := map[string]*atlas.Person{}
	for _, p := range ds.People {
		people[p.ID] = p
	}
	type holding struct{ person, post string }
	dated := map[holding]bool{}
	for _, r := range ds.Relations {
		if r.Type != atlas.Holds || !groupPosts[r.To] || people[r.From] == nil {
			continue
		}
		h := holding{r.From, r.To}
		if _, seen := dated[h]; !seen {
			dated[h] = false
		}
		for _, c := range r.Sources {
			if tier[c.Source] == atlas.ReferenceTier && (r.Start != nil || len(r.Attested) > 0) {
				dated[h] = true
			}
		}
	}
	if len(dated) < 20 {
		t.Fatalf("only %d holdings of group posts: the check would prove little", len(dated))
	}
	for h, ok := range dated {
		if people[h.person].NameZh == "" {
			t.Errorf("%s holds %s, a post on a group, and has no Chinese name", h.person, h.post)
		}
		if !ok {
			t.Errorf("%s holds %s, a post on a group, with no dated tenure from a reference page", h.person, h.post)
		}
	}
}
