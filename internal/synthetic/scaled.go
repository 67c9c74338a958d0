package synthetic

import (
	"encoding/json"
	"fmt"

	"lsgatlas/atlas"
)

// Scaled returns seed replicated factor times: replica 0 is seed itself, replica k > 0 a
// copy whose every id (nodes, statements, topics, documents, counts, sources, relation
// ids) ends in "-x<k>" and whose every name and title ends in " x<k>", so ids and
// normalised names stay unique and Validate holds. Replicas are then tied together
// without changing any node's degree: every CrossLinkEvery-th MEMBER_OF relation of the
// seed is rotated, replica k's copy pointing at replica k+1's copy of its group (the last
// at replica 0). Each group still receives exactly one copy of each membership, each
// person still holds exactly one, and the group at the other end is a copy of the one in
// the seed, with the same dates, so every degree, every date and every derived chair
// (HOLDS and CHAIRS are never rotated) is the seed's, times factor; only who sits beside
// whom changes: people are shared across replicas as in the real graph they are shared
// across groups. factor 1 gives a copy of seed.
func Scaled(seed *atlas.Dataset, factor int) (*atlas.Dataset, error) {
	if factor < 1 {
		return nil, fmt.Errorf("synthetic: factor %d is less than 1", factor)
	}
	raw, err := json.Marshal(seed)
	if err != nil {
		return nil, err
	}
	var tree map[string]any
	if err := json.Unmarshal(raw, &tree); err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, list := range tree {
		items, _ := list.([]any)
		for _, it := range items {
			if rec, ok := it.(map[string]any); ok {
				if id, ok := rec["id"].(string); ok && id != "" {
					ids[id] = true
				}
			}
		}
	}
	out := map[string][]any{}
	for k := range factor {
		for kind, list := range tree {
			items, _ := list.([]any)
			for _, it := range items {
				out[kind] = append(out[kind], replica(it, k, "", ids))
			}
		}
	}
	merged, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	var ds atlas.Dataset
	if err := json.Unmarshal(merged, &ds); err != nil {
		return nil, err
	}
	crossLink(&ds, len(seed.Relations), factor)
	return &ds, nil
}

// CrossLinkEvery is how often a seed MEMBER_OF relation is rotated across replicas.
const CrossLinkEvery = 3

// RotatedMemberships lists the indexes, in seed.Relations, of the MEMBER_OF relations
// Scaled rotates across replicas.
func RotatedMemberships(seed *atlas.Dataset) []int {
	var out []int
	n := 0
	for i, r := range seed.Relations {
		if r.Type != atlas.MemberOf {
			continue
		}
		if n%CrossLinkEvery == 0 {
			out = append(out, i)
		}
		n++
	}
	return out
}

func crossLink(ds *atlas.Dataset, perReplica, factor int) {
	if factor == 1 {
		return
	}
	seed := &atlas.Dataset{Relations: ds.Relations[:perReplica]}
	for _, i := range RotatedMemberships(seed) {
		targets := make([]string, factor)
		for k := range factor {
			targets[k] = ds.Relations[k*perReplica+i].To
		}
		for k := range factor {
			ds.Relations[k*perReplica+i].To = targets[(k+1)%factor]
		}
	}
}

// nameClaims are the claim properties whose value is a name or title.
var nameClaims = map[string]bool{"NAME": true, "NAME_ZH": true, "ALIAS": true, "TITLE": true, "TITLE_ZH": true}

// replica copies one decoded JSON value for replica k: strings that are ids get the
// replica's id suffix, names and titles (field is the key the value sits under) its
// name suffix, a source's key follows its id.
func replica(v any, k int, field string, ids map[string]bool) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for key, val := range x {
			m[key] = replica(val, k, key, ids)
		}
		// A claim on a name carries the name as its value: it follows the renamed field.
		if prop, _ := x["property"].(string); nameClaims[prop] && k > 0 {
			if val, ok := x["value"].(string); ok {
				m["value"] = replica(val, k, "name", ids)
			}
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, val := range x {
			l[i] = replica(val, k, field, ids)
		}
		return l
	case string:
		if k == 0 {
			return x
		}
		switch {
		case ids[x]:
			return fmt.Sprintf("%s-x%d", x, k)
		case field == "name" || field == "nameZh" || field == "title" || field == "titleZh":
			return fmt.Sprintf("%s x%d", x, k)
		case field == "key":
			return fmt.Sprintf("%s-x%d", x, k)
		}
		return x
	default:
		return v
	}
}
