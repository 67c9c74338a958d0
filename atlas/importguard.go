package atlas

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// ActionImported marks an import made through Curator.Import: the records it changed
// are the imported data's from then on (Lacking).
const ActionImported AuditAction = "IMPORTED"

// Lacking returns the accepted changes (ACCEPTED or EDITED entries) whose records ds
// does not hold as the change left them, one entry per record, in revision order. A
// record an import changed after its curation is the import's from then on (it could
// only have changed it by discarding the change, or by holding it already); an import
// that held the change leaves it curated, so a later import of an older file that lacks
// it is refused too.
func (c *Curator) Lacking(ctx context.Context, ds *Dataset) ([]AuditEntry, error) {
	entries, err := c.cur.AuditLog(ctx, AuditQuery{})
	if err != nil {
		return nil, err
	}
	latest := map[string]AuditEntry{} // record id → the last entry that changed it
	var order []string
	for _, e := range entries {
		switch e.Action {
		case ActionImported:
			if len(e.Imported) == 0 {
				// An entry written before imports listed their records (every import
				// entry changed something): it stands for all of them, as it did then.
				latest, order = map[string]AuditEntry{}, nil
			}
			for _, r := range e.Imported {
				delete(latest, r.ID)
			}
		case ActionAccepted, ActionEdited:
			for _, r := range e.Records {
				if _, seen := latest[r.ID]; !seen {
					order = append(order, r.ID)
				}
				one := e
				one.Records = []RecordChange{r}
				latest[r.ID] = one
			}
		}
	}
	prepared := ds.Prepared()
	var out []AuditEntry
	listed := map[string]bool{}
	for _, id := range order {
		e, curated := latest[id]
		if listed[id] || !curated {
			continue // listed already (curated again after an import), or the import's now
		}
		listed[id] = true
		if retractedWithItsNode(id, e, latest) {
			continue
		}
		if !sameRecord(e.Records[0], e.Records[0].After, recordJSON(prepared, e.Records[0])) {
			out = append(out, e)
		}
	}
	return out, nil
}

// retractedWithItsNode reports whether id is a claim whose node a later curation
// retracted: a node's retraction takes its claims with it without listing them, so the
// claim's own last change is not what the data should still hold. Counting it made the
// store refuse an import of its own dump, with or without -discard-curation.
func retractedWithItsNode(id string, e AuditEntry, latest map[string]AuditEntry) bool {
	owner, ok := ClaimOwner(id)
	if !ok {
		return false
	}
	n, curated := latest[owner]
	return curated && n.Revision > e.Revision && len(n.Records[0].After) == 0
}

// sameRecord reports whether a and b are the same record of rec's kind. A node is
// compared without its claims: each claim is a record of its own, and a claim changed
// after the node would otherwise make the node's curation look lost.
func sameRecord(rec RecordChange, a, b json.RawMessage) bool {
	switch rec.Kind {
	case RecordClaim, RecordAlias, RecordRelationship:
		return sameJSON(a, b)
	}
	return sameJSON(withoutClaims(a), withoutClaims(b))
}

func withoutClaims(raw json.RawMessage) json.RawMessage {
	var m map[string]any
	if len(raw) == 0 || json.Unmarshal(raw, &m) != nil {
		return raw
	}
	delete(m, "claims")
	out, _ := json.Marshal(m)
	return out
}

// recordJSON is the record of ds with rec's id in the form audit entries keep, nil when
// ds has none.
func recordJSON(ds *Dataset, rec RecordChange) json.RawMessage {
	switch rec.Kind {
	case RecordClaim, RecordAlias:
		if _, c, ok := FindClaim(ds, rec.ID); ok {
			return rawJSON(&c)
		}
	case RecordRelationship:
		if r := ds.Relation(rec.ID); r != nil {
			return rawJSON(stripDerived(r))
		}
	default:
		if n := ds.Node(rec.ID); n != nil {
			return rawJSON(n)
		}
	}
	return nil
}

func sameJSON(a, b json.RawMessage) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && sameStored(emptyAsNull(x), emptyAsNull(y))
}

// emptyAsNull reads an empty JSON array or object as null, as sameStored reads an empty
// slice as nil: a record written with "attested": [] and one with null are the same.
func emptyAsNull(v any) any {
	switch x := v.(type) {
	case []any:
		if len(x) == 0 {
			return nil
		}
		for i := range x {
			x[i] = emptyAsNull(x[i])
		}
	case map[string]any:
		if len(x) == 0 {
			return nil
		}
		for k := range x {
			x[k] = emptyAsNull(x[k])
		}
	}
	return v
}

// Import imports ds into the store unless the store holds accepted changes ds lacks:
// then it is ECONFLICT naming them, and nothing is written, unless discard says to drop
// them. An import that changed something is an IMPORTED audit entry, which names the
// changes it discarded and lists the records it changed (the change feed's events).
func (c *Curator) Import(ctx context.Context, ds *Dataset, discard bool) (ImportReport, error) {
	// Under the lock writes take, so no change commits between the check and the import
	// that would overwrite it.
	if err := c.turn.take(ctx); err != nil {
		return ImportReport{}, err
	}
	locked := true
	defer func() {
		if locked {
			c.turn.release()
		}
	}()
	lacking, err := c.Lacking(ctx, ds)
	if err != nil {
		return ImportReport{}, err
	}
	var names []string
	for _, e := range lacking {
		names = append(names, fmt.Sprintf("%s (revision %d, %s by %s)", e.Records[0].ID, e.Revision, strings.ToLower(string(e.Action)), e.Actor))
	}
	if len(lacking) > 0 && !discard {
		return ImportReport{}, Errorf(ECONFLICT, "the dataset lacks %d accepted change(s) the store holds: %s; write the current data out (the dump command), merge, and import that, or import with discard to drop them",
			len(lacking), strings.Join(names, "; "))
	}
	before, err := c.store.Snapshot(ctx)
	if err != nil {
		return ImportReport{}, err
	}
	report, err := c.store.Import(ctx, ds)
	c.turn.release()
	locked = false
	if err != nil || !report.Changed() {
		return report, err
	}
	imported := ImportChanges(before, ds.Prepared())
	ids := make([]string, len(imported))
	for i, r := range imported {
		ids[i] = r.ID
	}
	versions, err := c.cur.Versions(ctx, ids)
	if err != nil {
		return report, err
	}
	for i := range imported {
		imported[i].Version = versions[i]
	}
	reason := "import"
	if len(names) > 0 {
		reason = "import discarding " + strings.Join(names, "; ")
	}
	_, err = c.commit(ctx, func(rev int64, _ *Dataset) (Commit, error) {
		e := c.entry(ctx, ActionImported, reason)
		if e.Actor == "anonymous" {
			e.Actor, e.Role = "import", RoleAdmin
		}
		e.Imported = imported
		return Commit{Entry: e}, nil
	})
	return report, err
}
