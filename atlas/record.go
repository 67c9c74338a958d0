package atlas

import (
	"bytes"
	"encoding/json"
	"slices"
)

// This file reads and rewrites single records in the dataset format, for changes: a
// node given whole, a node with a citation or claims added, the plain field a claim
// change implies.

// replaceNode replaces the node with id by n, or removes it when n is nil, keeping the
// order of the others.
func (d *Dataset) replaceNode(id string, n Node) {
	nodes, rels := d.Nodes(), d.Relations
	*d = Dataset{Relations: rels}
	for _, x := range nodes {
		switch {
		case x.NodeID() != id:
			d.Add(x)
		case n != nil:
			d.Add(n)
		}
	}
}

// sections names the dataset-format section of each kind of node.
var sections = map[NodeKind]string{
	GroupNode: "groups", OfficeNode: "offices", InstitutionNode: "institutions", PositionNode: "positions",
	PersonNode: "people", SourceNode: "sources", ReportedCountNode: "reportedCounts", StatementNode: "statements",
	TopicNode: "topics", DocumentNode: "documents",
}

// DecodeNode reads one node in the dataset format (seed/FORMAT.md), strictly: the kind
// comes from its id, and an unknown field is EINVALID.
func DecodeNode(record json.RawMessage) (Node, error) {
	var probe struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(record, &probe); err != nil {
		return nil, Errorf(EINVALID, "the record is not a JSON object: %v", err)
	}
	kind, err := KindOfID(probe.ID)
	if err != nil {
		return nil, err
	}
	wrapped := []byte(`{"` + sections[kind] + `":[` + string(record) + `]}`)
	var ds Dataset
	dec := json.NewDecoder(bytes.NewReader(wrapped))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ds); err != nil {
		return nil, Errorf(EINVALID, "record %s: %v", probe.ID, err)
	}
	nodes := ds.Nodes()
	if len(nodes) != 1 {
		return nil, Errorf(EINVALID, "record %s: want one node", probe.ID)
	}
	return nodes[0], nil
}

// patchNode rewrites n through its dataset-format JSON: edit changes the fields.
func patchNode(n Node, edit func(map[string]any)) (Node, error) {
	raw, err := json.Marshal(n)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	edit(m)
	out, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return DecodeNode(out)
}

// withCitation returns n citing c too, unless it cites c's passage already: the same
// passage with or without its quote is one citation, not two.
func withCitation(n Node, c Citation) (Node, error) {
	if slices.ContainsFunc(n.Citations(), c.SamePassage) {
		return n, nil
	}
	return patchNode(n, func(m map[string]any) {
		list, _ := m["sources"].([]any)
		m["sources"] = append(list, map[string]any{"source": c.Source, "locator": c.Locator})
	})
}

// plainFields names the dataset-format field of each property's plain value.
var plainFields = map[PropertyName]string{
	PropName: "name", PropNameZh: "nameZh", PropTitle: "title", PropTitleZh: "titleZh", PropKind: "kind",
	PropSystem: "system", PropLevel: "level", PropJurisdiction: "jurisdiction", PropHorizon: "horizon",
	PropCategory: "categories", PropCrossSystem: "crossSystem", PropEstablished: "established",
	PropAbolished: "abolished", PropStaffing: "staffing", PropPlacement: "placement", PropDescription: "description",
	PropIssued: "issued", PropBorn: "born", PropDied: "died", PropChairNotKnown: "chairNotKnown",
	PropMembersIncomplete: "membersIncomplete", PropEndedDateUnknown: "endedDateUnknown",
}

var booleanProps = map[PropertyName]bool{PropCrossSystem: true, PropChairNotKnown: true, PropMembersIncomplete: true, PropEndedDateUnknown: true}

// withClaims returns n with the given claims and the plain field of property p set
// from them, as the dataset's rule wants it: a single-valued property shows its
// PREFERRED claim (unset without one), a list shows every claim that is not DEPRECATED.
func withClaims(n Node, claims []PropertyClaim, p PropertyName) (Node, error) {
	return patchNode(n, func(m map[string]any) {
		m["claims"] = claims
		var live []PropertyClaim
		preferred := ""
		for _, c := range claims {
			if c.Property != p {
				continue
			}
			if c.Rank != Deprecated {
				live = append(live, c)
			}
			if c.Rank == Preferred {
				preferred = c.Value
			}
		}
		field := plainFields[p]
		switch {
		case p == PropAlias:
			var aliases []Alias
			names := map[string]bool{}
			for _, al := range AliasesOf(n) {
				if al.Editorial || slices.ContainsFunc(live, func(c PropertyClaim) bool { return c.Value == al.Name }) {
					aliases = append(aliases, al)
					names[al.Name] = true
				}
			}
			for _, c := range live {
				if !names[c.Value] {
					aliases = append(aliases, Alias{Name: c.Value, Source: c.Sources[0].Source})
				}
			}
			m["aliases"] = aliases
		case p == PropCategory:
			var values []string
			for _, c := range live {
				values = append(values, c.Value)
			}
			m[field] = values
		case booleanProps[p]:
			m[field] = preferred == "true"
		case preferred == "":
			delete(m, field)
		default:
			m[field] = preferred
		}
	})
}

// withValueClaims returns n with a claim for every plain value that has none, citing c:
// a node given whole is asserted by the source its change cites (STATED; the plain
// value is the PREFERRED one, or one NORMAL item of a list). For a change of old, only
// the values it changes: a value left as it was (a curators' description with no claim)
// is not what the citation supports.
func withValueClaims(n, old Node, c Citation) (Node, error) {
	claims := cloneClaims(ClaimsOf(n))
	added := false
	for _, p := range n.claimProperties() {
		for _, v := range PlainValues(n, p) {
			if old != nil && slices.Contains(PlainValues(old, p), v) {
				continue
			}
			if slices.ContainsFunc(claims, func(x PropertyClaim) bool { return x.Property == p && x.Value == v }) {
				continue
			}
			rank := Preferred
			if multiValued[p] {
				rank = Normal
			}
			claims = append(claims, PropertyClaim{Property: p, Value: v, Sources: []Citation{c}, Confidence: Stated, Rank: rank})
			added = true
		}
	}
	if !added {
		return n, nil
	}
	return patchNode(n, func(m map[string]any) { m["claims"] = claims })
}
