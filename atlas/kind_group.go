package atlas

import "slices"

func (n *Group) NodeID() string                { return n.ID }
func (n *Group) NodeKind() NodeKind            { return GroupNode }
func (n *Group) Label() string                 { return n.Name }
func (n *Group) Citations() []Citation         { return n.Sources }
func (n *Group) NodeAliases() []Alias          { return n.Aliases }
func (n *Group) NodeIdentifiers() []Identifier { return n.Identifiers }
func (n *Group) NodeClaims() []PropertyClaim   { return n.Claims }
func (n *Group) addTo(d *Dataset)              { d.Groups = append(d.Groups, n) }

// IsEntity marks the type as a federation entity, keyed by its id. (GraphQL federation
// runtimes look for this method; defining it needs no import.)
func (*Group) IsEntity() {}

func (n *Group) SearchFields() []SearchField {
	var f fieldList
	f.names("name", n.Name).names("nameZh", n.NameZh).aliases(n.Aliases).identifiers(n.Identifiers)
	f.texts("jurisdiction", n.Jurisdiction).texts("description", n.Description).locators(n.Sources)
	return f
}

func (n *Group) Summary() Summary {
	life := n.Span()
	return Summary{NameZh: n.NameZh, Class: string(n.Kind), System: n.System, Level: n.Level, Categories: n.Categories,
		From: n.Established, Until: n.Abolished, Life: &life}
}

func (n *Group) claimProperties() []PropertyName {
	return []PropertyName{PropName, PropNameZh, PropAlias, PropKind, PropSystem, PropLevel, PropJurisdiction, PropHorizon,
		PropCategory, PropCrossSystem, PropEstablished, PropAbolished, PropChairNotKnown, PropMembersIncomplete, PropEndedDateUnknown, PropDescription}
}

func (n *Group) plainValues(p PropertyName) []string {
	switch p {
	case PropName:
		return plainText(n.Name)
	case PropNameZh:
		return plainText(n.NameZh)
	case PropKind:
		return plainText(string(n.Kind))
	case PropSystem:
		return plainEnum(n.System)
	case PropLevel:
		return plainEnum(n.Level)
	case PropJurisdiction:
		return plainText(n.Jurisdiction)
	case PropHorizon:
		return plainEnum(n.Horizon)
	case PropCategory:
		var out []string
		for _, c := range n.Categories {
			out = append(out, string(c))
		}
		return out
	case PropCrossSystem:
		return flag(n.CrossSystem)
	case PropChairNotKnown:
		return flag(n.ChairNotKnown)
	case PropMembersIncomplete:
		return flag(n.MembersIncomplete)
	case PropEndedDateUnknown:
		return flag(n.EndedDateUnknown)
	case PropEstablished:
		return plainDate(n.Established)
	case PropAbolished:
		return plainDate(n.Abolished)
	case PropDescription:
		return plainText(n.Description)
	}
	return nil
}

func (n *Group) matches(f NodeFilter) bool {
	return inOrEmpty(n.Kind, f.GroupKinds) && optIn(n.System, f.Systems) &&
		optIn(n.Level, f.Levels) && optIn(n.Horizon, f.Horizons) &&
		(len(f.Categories) == 0 || slices.ContainsFunc(n.Categories, func(c Category) bool { return slices.Contains(f.Categories, c) })) &&
		(f.CrossSystem == nil || *f.CrossSystem == n.CrossSystem) &&
		(f.ActiveAsOf == nil || n.Span().Bounds().MayHoldAt(*f.ActiveAsOf))
}

func (n *Group) checkFields(v *validator, rec string) {
	checkEnum(v, rec, "kind", n.Kind, GroupKinds)
	checkOptEnum(v, rec, "system", n.System, Systems)
	checkOptEnum(v, rec, "level", n.Level, Levels)
	checkOptEnum(v, rec, "horizon", n.Horizon, Horizons)
	for _, c := range n.Categories {
		checkEnum(v, rec, "category", c, Categories)
	}
	if n.Established != nil && n.Abolished != nil && n.Abolished.Before(*n.Established) {
		v.add(rec, "abolished %s before established %s", n.Abolished, n.Established)
	}
}

// lifeBounds of a group is its lifetime as the dataset gives it.
func (n *Group) lifeBounds([]SourceTier, func(string) *Source) [2]int {
	life := unbounded
	if n.Established != nil {
		life[0] = n.Established.Earliest()
	}
	if n.Abolished != nil {
		life[1] = n.Abolished.Latest()
	}
	return life
}

func (n *Group) clone() Node {
	c := *n
	c.Aliases, c.Categories, c.Sources, c.Claims = slices.Clone(n.Aliases), slices.Clone(n.Categories), slices.Clone(n.Sources), cloneClaims(n.Claims)
	c.System, c.Level, c.Horizon = clonePtr(n.System), clonePtr(n.Level), clonePtr(n.Horizon)
	c.Established, c.Abolished, c.ObservedUntil, c.KnownFrom = clonePtr(n.Established), clonePtr(n.Abolished), clonePtr(n.ObservedUntil), clonePtr(n.KnownFrom)
	c.Identifiers = cloneIdentifiers(n.Identifiers)
	return &c
}
