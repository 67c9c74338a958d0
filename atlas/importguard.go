package atlas

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// ActionImported marks an import made through Curator.Import: the changes accepted
// before it are part of the imported data from then on.
const ActionImported AuditAction = "IMPORTED"

// Lacking returns the accepted changes (ACCEPTED or EDITED entries since the last
// import) whose records ds does not hold as the change left them, one entry per record,
// in revision order.
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
			latest, order = map[string]AuditEntry{}, nil
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
	for _, id := range order {
		e := latest[id]
		if !sameJSON(e.Records[0].After, recordJSON(prepared, e.Records[0])) {
			out = append(out, e)
		}
	}
	return out, nil
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
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

// Import imports ds into the store unless the store holds accepted changes ds lacks:
// then it is ECONFLICT naming them, and nothing is written, unless discard says to drop
// them. An import that changed something is an IMPORTED audit entry, which names the
// changes it discarded and lists the records it changed (the change feed's events).
func (c *Curator) Import(ctx context.Context, ds *Dataset, discard bool) (ImportReport, error) {
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
	c.mu.Lock()
	before, err := c.store.Snapshot(ctx)
	if err != nil {
		c.mu.Unlock()
		return ImportReport{}, err
	}
	report, err := c.store.Import(ctx, ds)
	c.mu.Unlock()
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
