package atlas

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Dataset is a whole graph: what the seed file holds, what Import takes and what
// Snapshot returns.
type Dataset struct {
	Sources        []*Source        `json:"sources"`
	Groups         []*Group         `json:"groups"`
	Offices        []*Office        `json:"offices"`
	Institutions   []*Institution   `json:"institutions"`
	Positions      []*Position      `json:"positions"`
	People         []*Person        `json:"people"`
	Relations      []*Relation      `json:"relations"`
	ReportedCounts []*ReportedCount `json:"reportedCounts"`
	Statements     []*Statement     `json:"statements,omitempty"`
	Topics         []*Topic         `json:"topics,omitempty"`
	Documents      []*Document      `json:"documents,omitempty"`
}

// Nodes returns every node of the dataset, kind by kind in NodeKinds order.
func (d *Dataset) Nodes() []Node {
	var out []Node
	for _, g := range d.Groups {
		out = append(out, g)
	}
	for _, o := range d.Offices {
		out = append(out, o)
	}
	for _, i := range d.Institutions {
		out = append(out, i)
	}
	for _, p := range d.Positions {
		out = append(out, p)
	}
	for _, p := range d.People {
		out = append(out, p)
	}
	for _, s := range d.Sources {
		out = append(out, s)
	}
	for _, c := range d.ReportedCounts {
		out = append(out, c)
	}
	for _, s := range d.Statements {
		out = append(out, s)
	}
	for _, t := range d.Topics {
		out = append(out, t)
	}
	for _, doc := range d.Documents {
		out = append(out, doc)
	}
	return out
}

// Validate checks the dataset against the domain rules (see Problems) and returns nil
// or an EINVALID *Error listing every problem, each naming its record.
func (d *Dataset) Validate() error {
	if p := d.Problems(); len(p) > 0 {
		return invalidDataset(p)
	}
	return nil
}

// invalidDataset is the error naming the loader's problems p (the first 20 of them).
func invalidDataset(p []string) error {
	total := len(p)
	const show = 20
	more := ""
	if len(p) > show {
		more = fmt.Sprintf("\n  … and %d more", len(p)-show)
		p = p[:show]
	}
	return Errorf(EINVALID, "invalid dataset: %d problem(s):\n  %s%s", total, strings.Join(p, "\n  "), more)
}

// Problems checks the dataset against the domain rules: well-formed unique ids, known
// enumeration values, references that resolve, relations that join allowed kinds,
// start not after end, relations within the lifetime of their group, a source on every
// fact, and no two nodes of one kind sharing a normalised name unless marked ambiguous.
// Each problem names its record.
func (d *Dataset) Problems() []string {
	v := &validator{ds: d, kinds: map[string]NodeKind{}, nodes: map[string]Node{}}
	v.checkNodes()
	v.checkRelations()
	v.checkSuccessions()
	v.checkOneFact()
	v.checkCounts()
	v.checkUnknowns()
	v.checkNames()
	return v.problems
}

type validator struct {
	ds       *Dataset
	kinds    map[string]NodeKind
	nodes    map[string]Node
	problems []string
}

func (v *validator) add(record, format string, args ...any) {
	v.problems = append(v.problems, record+": "+fmt.Sprintf(format, args...))
}

func checkEnum[T ~string](v *validator, rec, field string, val T, allowed []T) {
	if !Valid(val, allowed) {
		v.add(rec, "%s %q is not one of %v", field, val, allowed)
	}
}

func checkOptEnum[T ~string](v *validator, rec, field string, val *T, allowed []T) {
	if val != nil {
		checkEnum(v, rec, field, *val, allowed)
	}
}

func (v *validator) citations(rec string, cs []Citation) {
	if len(cs) == 0 {
		v.add(rec, "has no source; every fact needs at least one")
	}
	for _, c := range cs {
		if _, ok := v.ds.sourceByID(c.Source); !ok {
			v.add(rec, "cites unknown source %q", c.Source)
		}
		if strings.TrimSpace(c.Locator) == "" {
			v.add(rec, "cites %q without a locator", c.Source)
		}
		if c.Quote != "" && strings.TrimSpace(c.Quote) == "" {
			v.add(rec, "cites %q with a blank quote", c.Source)
		}
		if n := len(strings.Fields(c.Quote)); n > MaxQuoteWords {
			v.add(rec, "cites %q with a quote of %d words; a quote is a fragment of at most %d", c.Source, n, MaxQuoteWords)
		}
	}
}

func (d *Dataset) sourceByID(id string) (*Source, bool) {
	for _, s := range d.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return nil, false
}

func (v *validator) checkNodes() {
	for _, n := range v.ds.Nodes() {
		id := n.NodeID()
		rec := string(n.NodeKind()) + " " + id
		if k, err := KindOfID(id); err != nil {
			v.add(rec, "%s", ErrorMessage(err))
		} else if k != n.NodeKind() {
			v.add(rec, "id prefix says %s", k)
		}
		if _, dup := v.kinds[id]; dup {
			v.add(rec, "duplicate id")
		}
		v.kinds[id], v.nodes[id] = n.NodeKind(), n
		if NormalizeName(n.Label()) == "" {
			v.add(rec, "has no name (no letters or digits)")
		}
		for _, a := range AliasesOf(n) {
			if NormalizeName(a.Name) == "" {
				// Blanks, a dash, invisible characters: nothing search could match.
				v.add(rec, "alias %q has no letters or digits", a.Name)
			}
			if a.Source == "" && !a.Editorial {
				v.add(rec, "alias %q has no source and is not marked editorial", a.Name)
			}
			if a.Source != "" {
				if _, ok := v.ds.sourceByID(a.Source); !ok {
					v.add(rec, "alias %q cites unknown source %q", a.Name, a.Source)
				}
			}
		}
		v.checkNameSpacing(rec, n)
		if _, isSource := n.(*Source); !isSource {
			v.citations(rec, n.Citations())
		}
		v.checkClaims(rec, n)
		v.checkIdentifiers(rec, n)
		n.checkFields(v, rec)
	}
}

func (v *validator) checkRelations() {
	ids := map[string]bool{}
	for _, r := range v.ds.Relations {
		id := r.ID
		if id == "" {
			id = DefaultRelationID(r.Type, r.From, r.To)
		}
		rec := "relation " + id
		if ids[id] {
			v.add(rec, "duplicate relation id; give each relation between the same nodes an explicit id")
		}
		ids[id] = true
		if strings.HasPrefix(id, DerivedIDPrefix) {
			v.add(rec, "relation ids beginning %q are kept for derived chairs", DerivedIDPrefix)
		}
		ends, ok := endpoints[r.Type]
		if !ok {
			v.add(rec, "type %q is not one of %v", r.Type, RelTypes)
			continue
		}
		for _, end := range []struct {
			name, id string
			allowed  []NodeKind
		}{{"from", r.From, ends.From}, {"to", r.To, ends.To}} {
			k, known := v.kinds[end.id]
			switch {
			case !known:
				v.add(rec, "%s %q names no node", end.name, end.id)
			case !slices.Contains(end.allowed, k):
				v.add(rec, "%s %q is a %s; %s must start/end at one of %v", end.name, end.id, k, r.Type, end.allowed)
			}
		}
		if r.Role != nil && r.Type != MemberOf {
			v.add(rec, "role is only for MEMBER_OF")
		}
		checkOptEnum(v, rec, "role", r.Role, MemberRoles)
		if r.Succession != nil && r.Type != SucceededBy {
			v.add(rec, "succession is only for SUCCEEDED_BY")
		}
		checkOptEnum(v, rec, "succession", r.Succession, SuccessionKinds)
		checkEnum(v, rec, "confidence", r.Confidence, Confidences)
		checkOptEnum(v, rec, "dateConfidence", r.DateConfidence, Confidences)
		if r.DateConfidence != nil && r.Start == nil && r.End == nil && len(r.Attested) == 0 {
			v.add(rec, "dateConfidence without a date")
		}
		if r.Confidence == Inferred && strings.TrimSpace(r.Note) == "" {
			v.add(rec, "INFERRED facts must explain the inference in a note")
		}
		if r.Start != nil && r.End != nil && r.End.Before(*r.Start) {
			v.add(rec, "end %s before start %s", r.End, r.Start)
		}
		if r.From == r.To {
			v.add(rec, "from and to are both %s: a relationship joins two nodes", r.From)
		}
		if r.Rank != "" {
			checkEnum(v, rec, "rank", r.Rank, Ranks)
		}
		v.citations(rec, r.Sources)
		v.checkDateClaims(rec, r)
		v.withinLifetime(rec, r)
	}
}

// withinLifetime checks that a relation does not certainly lie outside the lifetime of
// a group it involves. Succession edges join the end of one group to the start of the
// next, so they are exempt.
func (v *validator) withinLifetime(rec string, r *Relation) {
	if r.Type == SucceededBy {
		return
	}
	for _, id := range []string{r.From, r.To} {
		g, ok := v.nodes[id].(*Group)
		if !ok {
			continue
		}
		life := g.Span().Bounds()
		span := r.Span()
		span.LifetimeStart, span.LifetimeEnd = nil, nil
		b := span.Bounds()
		switch {
		case b.From > life.To || (b.To < life.From && b.To != MaxOrdinal):
			v.add(rec, "lies outside the lifetime of %s", g.ID)
		// Part of it outside is as wrong, open-ended or not: as for a person's birth
		// and death, a start surely before the establishment or an end surely after the
		// abolition.
		case r.Start != nil && g.Established != nil && r.Start.Latest() < g.Established.Earliest():
			v.add(rec, "starts %s, before %s was established (%s)", r.Start, g.ID, g.Established)
		case r.End != nil && g.Abolished != nil && r.End.Earliest() > g.Abolished.Latest():
			v.add(rec, "ends %s, after %s was abolished (%s)", r.End, g.ID, g.Abolished)
		}
		for _, a := range r.Attested {
			if a.Earliest() > life.To || a.Latest() < life.From {
				v.add(rec, "attested %s outside the lifetime of %s", a, g.ID)
			}
		}
	}
}

func (v *validator) checkCounts() {
	for _, c := range v.ds.ReportedCounts {
		rec := "reported count " + c.ID
		if c.Year < 1900 || c.Year > 2100 {
			v.add(rec, "year %d out of range", c.Year)
		}
		if c.Value < 0 {
			v.add(rec, "negative value")
		}
		checkEnum(v, rec, "qualifier", c.Qualifier, CountQualifiers)
		checkEnum(v, rec, "confidence", c.Confidence, Confidences)
		checkOptEnum(v, rec, "system", c.System, Systems)
		checkOptEnum(v, rec, "level", c.Level, Levels)
	}
}

// names reports two nodes of one kind that share a normalised name, since that usually
// means one entity was entered twice.
func (v *validator) checkNames() {
	type owner struct {
		id        string
		ambiguous bool
	}
	seen := map[string]owner{}
	var clashes []string
	for _, n := range v.ds.Nodes() {
		if n.NodeKind() == SourceNode || n.NodeKind() == ReportedCountNode || n.NodeKind() == StatementNode {
			continue
		}
		ambiguous := map[string]bool{}
		for _, a := range AliasesOf(n) {
			if a.Ambiguous {
				ambiguous[NormalizeName(a.Name)] = true
			}
		}
		for _, name := range Names(n) {
			key := string(n.NodeKind()) + "|" + NormalizeName(name)
			if prev, ok := seen[key]; ok && prev.id != n.NodeID() && !(prev.ambiguous && ambiguous[NormalizeName(name)]) {
				clashes = append(clashes, fmt.Sprintf("%s %s: name %q is also a name of %s (mark the alias ambiguous on both if a source really uses it for both)", n.NodeKind(), n.NodeID(), name, prev.id))
			}
			if _, ok := seen[key]; !ok {
				seen[key] = owner{n.NodeID(), ambiguous[NormalizeName(name)]}
			}
		}
	}
	sort.Strings(clashes)
	v.problems = append(v.problems, clashes...)
}
