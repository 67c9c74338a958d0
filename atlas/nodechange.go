package atlas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// A node CHANGE gives the node as it should be. Given without claims, it keeps the
// claims the node has, with their sources: a value it leaves as it was keeps its claims
// untouched, and only a value it changes gets a claim citing the change (an old claim
// of that value promoted and cited, or a new one), the claim it replaces demoted, or,
// for a list, deprecated. Given with claims, those are the claims, held to the same
// rules (givenClaims): a claim left out is kept, a claim kept keeps its passages, and a
// claim cites no passage but the ones it cited before and the change's own. Either way
// every claim that differs is a record of the change, so a claim's history and version
// follow it, and a proposal made before a claim was edited meets that edit as a CONFLICT.

// mergedClaims returns the claims of next, given without claims, as old's claims
// carried over by the rule above.
func mergedClaims(old, next Node, c Citation) []PropertyClaim {
	claims := cloneClaims(ClaimsOf(old))
	for _, p := range next.claimProperties() {
		values := PlainValues(next, p)
		if slices.Equal(values, PlainValues(old, p)) {
			continue // left as it was: its claims, or the lack of them, stay
		}
		if multiValued[p] {
			claims = mergeList(claims, p, values, c)
			continue
		}
		claims = mergeSingle(claims, p, values, c)
	}
	return claims
}

// mergeSingle makes values (none or one) the PREFERRED value of single-valued p.
func mergeSingle(claims []PropertyClaim, p PropertyName, values []string, c Citation) []PropertyClaim {
	preferred := slices.IndexFunc(claims, func(x PropertyClaim) bool { return x.Property == p && x.Rank == Preferred })
	switch {
	case len(values) == 0 && preferred < 0:
		return claims
	case len(values) == 0:
		claims[preferred].Rank = Normal // unset: no value is preferred
		return claims
	case preferred >= 0 && claims[preferred].Value == values[0]:
		return claims // the value its preferred claim gives
	}
	if preferred >= 0 {
		claims[preferred].Rank = Normal
		claims = withoutPassage(claims, preferred, c)
	}
	return cite(claims, p, values[0], Preferred, c)
}

// withoutPassage takes the passage c cites off claim i, which the change replaces: c
// gives the new value, not the old (as a claim CHANGE has it), and a value no source
// gives any more goes.
func withoutPassage(claims []PropertyClaim, i int, c Citation) []PropertyClaim {
	claims[i].Sources = slices.DeleteFunc(slices.Clone(claims[i].Sources), c.SamePassage)
	if len(claims[i].Sources) == 0 {
		return slices.Delete(claims, i, i+1)
	}
	return claims
}

// mergeList makes values the live values of list property p: an old claim of a value
// left out is deprecated (kept, so nothing is lost), a value added is cited.
func mergeList(claims []PropertyClaim, p PropertyName, values []string, c Citation) []PropertyClaim {
	for i := len(claims) - 1; i >= 0; i-- {
		if x := claims[i]; x.Property == p && x.Rank != Deprecated && !slices.Contains(values, x.Value) {
			claims[i].Rank = Deprecated
			claims = withoutPassage(claims, i, c)
		}
	}
	for _, v := range values {
		if i := slices.IndexFunc(claims, func(x PropertyClaim) bool { return x.Property == p && x.Value == v }); i < 0 || claims[i].Rank == Deprecated {
			claims = cite(claims, p, v, Normal, c)
		}
	}
	return claims
}

// cite gives value v of p the rank, citing c: the claim of that value, or a new one.
func cite(claims []PropertyClaim, p PropertyName, v string, rank Rank, c Citation) []PropertyClaim {
	i := slices.IndexFunc(claims, func(x PropertyClaim) bool { return x.Property == p && x.Value == v })
	if i < 0 {
		return append(claims, PropertyClaim{Property: p, Value: v, Sources: []Citation{c}, Confidence: Stated, Rank: rank})
	}
	claims[i].Rank = rank
	claims[i].Sources = withSource(slices.Clone(claims[i].Sources), c)
	return claims
}

// givenClaims checks the claims of next, a CHANGE of old given with claims, and keeps
// what the change leaves out. A claim may cite only the passages the claim of its value
// cited before and the one the change cites: a passage the change slips into a claim
// would show as reviewed and cited without anyone having cited it, so it is refused
// rather than stripped (the record stays as the curator sent it or not at all). A claim
// kept keeps every passage it cited (droppedPassage). A claim left out is kept, ranked
// below the values next shows (a list's deprecated), as the merged path keeps it: a
// change never deletes what a source says; a retraction does, and is audited as one.
// Only the change's passage, when the change gives it to another value, comes off it.
// Editorial aliases left out are kept too, having no claim to deprecate.
func givenClaims(old, next Node, c Citation) (Node, error) {
	claims := cloneClaims(ClaimsOf(next))
	before := ClaimsOf(old)
	sameValue := func(x PropertyClaim) func(PropertyClaim) bool {
		return func(y PropertyClaim) bool { return y.Property == x.Property && y.Value == x.Value }
	}
	for _, x := range claims {
		var had []Citation
		if i := slices.IndexFunc(before, sameValue(x)); i >= 0 {
			had = before[i].Sources
		}
		for _, s := range x.Sources {
			if !s.SamePassage(c) && !slices.ContainsFunc(had, s.SamePassage) {
				return nil, Errorf(EINVALID, "%s: the %s claim %q cites %s (%s), which neither this change (%s, %s) nor the claim before it cites; a change adds only the passage it cites, so cite that passage in a change of its own",
					next.NodeID(), x.Property, x.Value, s.Source, s.Locator, c.Source, c.Locator)
			}
		}
		if s, ok := droppedPassage(x, had, claims, c); ok {
			return nil, Errorf(EINVALID, "%s: the %s claim %q no longer cites %s (%s); a change may not drop a passage from a claim it keeps; retract the claim or edit it with editClaim",
				next.NodeID(), x.Property, x.Value, s.Source, s.Locator)
		}
	}
	given := slices.Clone(claims)
	for _, x := range before {
		if slices.ContainsFunc(claims, sameValue(x)) {
			continue
		}
		x = x.Clone()
		if movedOn(x, given, c) {
			// The passage gives the value the change moves it to, not this one, as
			// withoutPassage has it on the merged path; a value no source gives any more
			// goes (the audit keeps it).
			if x.Sources = slices.DeleteFunc(x.Sources, c.SamePassage); len(x.Sources) == 0 {
				continue
			}
		}
		plain := PlainValues(next, x.Property)
		switch {
		case multiValued[x.Property]:
			if !slices.Contains(plain, x.Value) {
				x.Rank = Deprecated
			}
		case x.Rank == Preferred && (len(plain) != 1 || plain[0] != x.Value ||
			slices.ContainsFunc(claims, func(y PropertyClaim) bool { return y.Property == x.Property && y.Rank == Preferred })):
			x.Rank = Normal
		}
		claims = append(claims, x)
	}
	return patchNode(next, func(m map[string]any) {
		m["claims"] = claims
		m["aliases"] = keptEditorialAliases(old, next)
	})
}

// droppedPassage returns a passage claim x, kept by a change citing c, cited before
// (had) and no longer cites. A passage taken off a value that stays is a source's word
// lost without a retraction in the log, so it is refused; only c itself may leave x, for
// another value of the property the change gives it (the move a claim CHANGE and the
// merged path make: the passage gives the new value, not the old).
func droppedPassage(x PropertyClaim, had []Citation, claims []PropertyClaim, c Citation) (Citation, bool) {
	moved := movedOn(x, claims, c)
	for _, s := range had {
		if slices.ContainsFunc(x.Sources, s.SamePassage) || moved && s.SamePassage(c) {
			continue
		}
		return s, true
	}
	return Citation{}, false
}

// movedOn reports whether claims, given by a change citing c, cite c on a value of x's
// property other than x's: the change says the passage gives that value instead.
func movedOn(x PropertyClaim, claims []PropertyClaim, c Citation) bool {
	return slices.ContainsFunc(claims, func(y PropertyClaim) bool {
		return y.Property == x.Property && y.Value != x.Value && slices.ContainsFunc(y.Sources, c.SamePassage)
	})
}

// addClaimRecords adds to a a record for every claim of node id that old and next
// (either may be nil) do not have alike.
func addClaimRecords(a *Applied, id string, old, next Node) {
	byID := func(n Node) map[string]PropertyClaim {
		out := map[string]PropertyClaim{}
		if n != nil {
			for _, c := range ClaimsOf(n) {
				out[ClaimID(id, c.Property, c.Value)] = c
			}
		}
		return out
	}
	before, after := byID(old), byID(next)
	var ids []string
	for k := range before {
		ids = append(ids, k)
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			ids = append(ids, k)
		}
	}
	slices.Sort(ids)
	for _, k := range ids {
		b, inBefore := before[k]
		n, inAfter := after[k]
		switch {
		case inBefore && inAfter:
			if !bytes.Equal(rawJSON(b), rawJSON(n)) {
				a.add(RecordClaim, k, b, n)
			}
		case inBefore:
			a.add(RecordClaim, k, b, nil)
		default:
			a.add(RecordClaim, k, nil, n)
		}
	}
}

// sameClaims reports whether a and b are the same claims, in any order.
func sameClaims(a, b []PropertyClaim) bool {
	key := func(cs []PropertyClaim) []string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = string(rawJSON(c))
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(key(a), key(b))
}

// keptEditorialAliases returns next's aliases with old's editorial ones it leaves out
// added back. An editorial alias has no claim to deprecate, so a change that omits it
// (a record written without it) deleted it, where a sourced alias is kept, deprecated.
func keptEditorialAliases(old, next Node) []Alias {
	aliases := slices.Clone(AliasesOf(next))
	for _, a := range AliasesOf(old) {
		if a.Editorial && !slices.ContainsFunc(aliases, func(x Alias) bool { return x.Name == a.Name }) {
			aliases = append(aliases, a)
		}
	}
	return aliases
}

// unclaimedFields lists the dataset-format fields of old and next that differ and have
// no property claim to carry a citation: a statement's text and date, a post's seats.
// The curators' own words (note), how sure they are (confidence) and what has its own
// citations (claims, sources, aliases, identifiers) are not among them.
func unclaimedFields(old, next Node) []string {
	fields := func(n Node) map[string]any {
		raw, _ := json.Marshal(n)
		var m map[string]any
		_ = json.Unmarshal(raw, &m)
		for _, k := range []string{"claims", "sources", "aliases", "identifiers", "note", "confidence"} {
			delete(m, k)
		}
		for _, p := range n.claimProperties() {
			delete(m, plainFields[p])
		}
		return m
	}
	a, b := fields(old), fields(next)
	var out []string
	for k := range a {
		if !reflect.DeepEqual(a[k], b[k]) {
			out = append(out, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// citedChange holds next, a CHANGE of old citing c, to the rules of what a change may
// cite beyond its claims: no passage slipped into its sources or identifiers
// (slippedPassage), and c placed on what it supports when that has no claim
// (citeUnclaimed).
func citedChange(old, next Node, c Citation) (Node, error) {
	if err := slippedPassage(old, next, c); err != nil {
		return nil, err
	}
	return citeUnclaimed(old, next, c)
}

// citeUnclaimed places the citation of a change of old to next on what it supports
// when that has no claim. A value without a claim is supported by the record's sources
// together, so a change of one is taken only when the record cites no passage but the
// one the change cites (a misreading of that passage corrected): otherwise its other
// sources would be shown giving a value they do not give, and the citation would
// support nothing anyone can see. A statement whose words stay as they were is what the
// cited passage says too: the citation joins its sources.
func citeUnclaimed(old, next Node, c Citation) (Node, error) {
	changed := unclaimedFields(old, next)
	if len(changed) == 0 {
		if next.NodeKind() == StatementNode {
			return withCitation(next, c)
		}
		return next, nil
	}
	var others []string
	for _, s := range old.Citations() {
		if !s.SamePassage(c) && !slices.Contains(others, s.Source) {
			others = append(others, s.Source)
		}
	}
	if len(others) == 0 {
		return withCitation(next, c)
	}
	what := "add what the cited source says as a statement of its own (ADD), or cite the passage the statement cites when correcting how it was read"
	if next.NodeKind() != StatementNode {
		what = "such a field is changed only citing the passage the record cites, when correcting how it was read; a value a source gives otherwise needs a property claim"
	}
	return nil, Errorf(EINVALID, "%s: %s changed, which has no claim of its own to carry the citation, and its sources (%s) would be shown giving the new value; %s",
		next.NodeID(), strings.Join(changed, ", "), strings.Join(others, ", "), what)
}

// slippedPassage refuses a CHANGE of old to next, citing c, whose record's sources or
// identifiers cite a passage that neither c nor the same list of old cites. As with a
// claim (givenClaims), a passage slipped into a record would show as giving the node, or
// the identifier, reviewed and cited, though nobody cited it: refused, not stripped.
func slippedPassage(old, next Node, c Citation) error {
	check := func(what string, had, has []Citation) error {
		for _, s := range has {
			if !s.SamePassage(c) && !slices.ContainsFunc(had, s.SamePassage) {
				return Errorf(EINVALID, "%s: %s %s (%s), which neither this change (%s, %s) nor the record before it cites there; a change adds only the passage it cites, so cite that passage in a change of its own",
					next.NodeID(), what, s.Source, s.Locator, c.Source, c.Locator)
			}
		}
		return nil
	}
	if err := check("the record's sources cite", old.Citations(), next.Citations()); err != nil {
		return err
	}
	for _, id := range IdentifiersOf(next) {
		var had []Citation
		for _, o := range IdentifiersOf(old) {
			if o.Scheme == id.Scheme && o.Value == id.Value {
				had = o.Sources
			}
		}
		if err := check(fmt.Sprintf("the %s identifier %q cites", id.Scheme, id.Value), had, id.Sources); err != nil {
			return err
		}
	}
	return nil
}
