package conformance

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"lsgatlas/atlas"
)

// CuratedStore is a store the curation workflow can write through.
type CuratedStore interface {
	atlas.Store
	atlas.CurationStore
}

// OpenCurated returns a new, empty store for one subtest, and reopen, which closes it
// and returns a new store on the same data (a restart), or nil when the store cannot
// be reopened.
type OpenCurated func(t *testing.T) (store CuratedStore, reopen func() CuratedStore)

// RunCuration runs the curation contract: roles, validation, conflicts, the audit log
// and durability, through atlas.Curator, against stores made by open.
func RunCuration(t *testing.T, open OpenCurated) {
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, open OpenCurated)
	}{
		{"Session", testCurationSession},
		{"Records", testCurationRecords},
		{"Durable", testCurationDurable},
		{"ImportKeepsCuration", testImportKeepsCuration},
		{"RetractedNodeTakesItsClaims", testRetractedNodeTakesItsClaims},
		{"ConcurrentAccepts", testConcurrentAccepts},
		{"RefusesMalformed", testCurationRefusesMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, open) })
	}
}

// Clock is the audit log's clock in the contract: a fixed time, so answers compare exactly.
func Clock() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

// As returns ctx acting for subject with role.
func As(subject string, role atlas.Role) context.Context {
	return atlas.WithPrincipal(context.Background(), atlas.Principal{Subject: subject, Role: role})
}

func curated(t *testing.T, open OpenCurated) (CuratedStore, *atlas.Curator, func() CuratedStore) {
	t.Helper()
	s, reopen := open(t)
	if _, err := s.Import(context.Background(), Fixture()); err != nil {
		t.Fatalf("import fixture: %v", err)
	}
	return s, atlas.NewCurator(s, s, Clock), reopen
}

const lsg = "group/foreign-affairs-lsg"

// SessionClaim is the claim the scripted session changes: the founding year one source
// relays.
var SessionClaim = atlas.ClaimID(lsg, atlas.PropEstablished, "1954")

func claimChange(note string, rank atlas.Rank, cite *atlas.Citation) atlas.Change {
	return atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordClaim, Target: SessionClaim, Citation: cite,
		Claim: &atlas.ClaimChange{PropertyClaim: atlas.PropertyClaim{Property: atlas.PropEstablished, Value: "1954", Confidence: atlas.Disputed, Rank: rank, Note: note}}}
}

// testCurationSession is the scripted session of issue 25: a contributor proposes with a
// source, a curator accepts, another curator's stale accept is CONFLICT, a reader's
// proposal is UNAUTHORIZED, one without a source INVALID, one breaking a lifetime is
// refused, and every step is in the history.
func testCurationSession(t *testing.T, open OpenCurated) {
	s, cur, _ := curated(t, open)
	alice, bob := As("alice", atlas.RoleContributor), As("bob", atlas.RoleContributor)
	carol, dave := As("carol", atlas.RoleCurator), As("dave", atlas.RoleCurator)

	p1, err := cur.Propose(alice, claimChange("Beta relays an earlier study.", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "history, p. 3"}), "Beta gives the page")
	if err != nil {
		t.Fatalf("propose: %v", err)
	}
	p2, err := cur.Propose(bob, claimChange("Judged a misreading.", atlas.Deprecated, &atlas.Citation{Source: "source/gamma", Locator: "history"}), "")
	if err != nil {
		t.Fatalf("second propose: %v", err)
	}
	if p1.ID != "proposal/2" || p2.ID != "proposal/3" || p1.Status != atlas.Pending || p1.BaseVersions[SessionClaim] != 1 {
		t.Fatalf("proposals = %+v, %+v", p1, p2)
	}
	// Nothing shows before review.
	if got := claimNote(t, s, SessionClaim); got != "" {
		t.Fatalf("note before review = %q", got)
	}
	accepted, err := cur.Accept(carol, p1.ID, "page checked")
	if err != nil {
		t.Fatalf("accept: %v", err)
	}
	if accepted.Status != atlas.Accepted || accepted.ReviewedBy != "carol" {
		t.Fatalf("accepted = %+v", accepted)
	}
	if got := claimNote(t, s, SessionClaim); got != "Beta relays an earlier study." {
		t.Fatalf("note after accept = %q", got)
	}
	if pending, err := cur.Proposals(alice, atlas.ProposalQuery{Status: atlas.Pending}); err != nil || len(pending) != 1 || pending[0].ID != p2.ID {
		t.Fatalf("pending proposals = %+v, %v", pending, err)
	}
	if all, err := cur.Proposals(alice, atlas.ProposalQuery{}); err != nil || len(all) != 2 || all[0].ID != p2.ID || all[1].Status != atlas.Accepted {
		t.Fatalf("proposals = %+v, %v", all, err)
	}
	_, err = cur.Proposals(As("ralph", atlas.RoleReader), atlas.ProposalQuery{})
	wantCode(t, err, atlas.EUNAUTHORIZED)
	rev, _ := s.Revision(context.Background())
	_, err = cur.Accept(dave, p2.ID, "also fine")
	wantCode(t, err, atlas.ECONFLICT)
	if !strings.Contains(atlas.ErrorMessage(err), SessionClaim+" is at version 2, not 1") {
		t.Fatalf("conflict message = %q", atlas.ErrorMessage(err))
	}
	if after, _ := s.Revision(context.Background()); after != rev {
		t.Fatalf("a conflict moved the revision from %d to %d", rev, after)
	}
	_, err = cur.Accept(dave, p1.ID, "again")
	wantCode(t, err, atlas.ECONFLICT)

	_, err = cur.Propose(As("ralph", atlas.RoleReader), claimChange("x", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "x"}), "")
	wantCode(t, err, atlas.EUNAUTHORIZED)
	_, err = cur.Accept(alice, p2.ID, "mine now")
	wantCode(t, err, atlas.EUNAUTHORIZED)
	_, err = cur.Propose(alice, claimChange("no source", atlas.Normal, nil), "")
	wantCode(t, err, atlas.EINVALID)
	_, err = cur.Propose(alice, claimChange("no locator", atlas.Normal, &atlas.Citation{Source: "source/beta"}), "")
	wantCode(t, err, atlas.EINVALID)

	// Li Keqiang died in 2023: a seat from 2024 breaks his lifetime.
	_, err = cur.Propose(alice, atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: &atlas.Citation{Source: "source/alpha", Locator: "s9"},
		Relation: &atlas.Relation{Type: atlas.Chairs, From: "person/li-keqiang", To: "group/deepening-reform", Start: atlas.DatePtr("2024"), Confidence: atlas.Stated}}, "")
	wantCode(t, err, atlas.EINVALID)
	if msg := atlas.ErrorMessage(err); !strings.Contains(msg, "after person/li-keqiang died (2023-10-27)") {
		t.Fatalf("lifetime refusal = %q", msg)
	}
	// After the group's abolition: the loader's own rule.
	_, err = cur.Propose(alice, atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Citation: &atlas.Citation{Source: "source/alpha", Locator: "s9"},
		Relation: &atlas.Relation{Type: atlas.Chairs, From: "person/hu-jintao", To: lsg, Start: atlas.DatePtr("2019"), Confidence: atlas.Stated}}, "")
	wantCode(t, err, atlas.EINVALID)
	if msg := atlas.ErrorMessage(err); !strings.Contains(msg, "lies outside the lifetime of group/foreign-affairs-lsg") {
		t.Fatalf("lifetime refusal = %q", msg)
	}

	rejected, err := cur.Reject(dave, p2.ID, "stale; propose again")
	if err != nil || rejected.Status != atlas.Rejected {
		t.Fatalf("reject = %+v, %v", rejected, err)
	}
	history, err := cur.History(context.Background(), SessionClaim)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"PROPOSED alice proposal/2", "PROPOSED bob proposal/3", "ACCEPTED carol proposal/2", "REJECTED dave proposal/3"}
	if got := steps(history); !slices.Equal(got, want) {
		t.Fatalf("history = %q, want %q", got, want)
	}
	if e := history[2]; len(e.Records) != 1 || e.Records[0].Version != 2 || !strings.Contains(string(e.Records[0].Before), `"rank":"NORMAL"`) ||
		!strings.Contains(string(e.Records[0].After), "Beta relays an earlier study.") || !e.At.Equal(Clock()) || e.Reason != "page checked" {
		t.Fatalf("accepted entry = %+v", e)
	}
	if nodeHistory, _ := cur.History(context.Background(), lsg); !slices.Equal(steps(nodeHistory), want) {
		t.Fatalf("the group's history = %q, want %q", steps(nodeHistory), want)
	}
	_, err = cur.AuditLog(alice, atlas.AuditQuery{})
	wantCode(t, err, atlas.EUNAUTHORIZED)
	byCarol, err := cur.AuditLog(carol, atlas.AuditQuery{Actor: "carol"})
	if err != nil || !slices.Equal(steps(byCarol), want[2:3]) {
		t.Fatalf("carol's entries = %q, %v", steps(byCarol), err)
	}
	later := Clock().Add(time.Second)
	if none, _ := cur.AuditLog(carol, atlas.AuditQuery{Since: &later}); len(none) != 0 {
		t.Fatalf("entries since %s = %q", later, steps(none))
	}
	// Curators edit directly against the version they saw.
	_, err = cur.Edit(carol, claimChange("Edited.", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "history"}), 1, "")
	wantCode(t, err, atlas.ECONFLICT)
	e, err := cur.Edit(carol, claimChange("Edited.", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "history"}), 2, "tidy")
	if err != nil || e.Action != atlas.ActionEdited || e.Records[0].Version != 3 {
		t.Fatalf("edit = %+v, %v", e, err)
	}
	_, err = cur.Edit(alice, claimChange("Edited.", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "history"}), 3, "")
	wantCode(t, err, atlas.EUNAUTHORIZED)
}

func steps(entries []atlas.AuditEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, string(e.Action)+" "+e.Actor+" "+e.Proposal)
	}
	return out
}

func claimNote(t *testing.T, s atlas.Store, id string) string {
	t.Helper()
	ds, err := s.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	_, c, ok := atlas.FindClaim(ds, id)
	if !ok {
		t.Fatalf("claim %s not found", id)
	}
	return c.Note
}

// testCurationRecords adds, changes and retracts every kind of record through direct
// edits and checks what the store then answers.
func testCurationRecords(t *testing.T, open OpenCurated) {
	s, cur, _ := curated(t, open)
	carol := As("carol", atlas.RoleCurator)
	ctx := context.Background()
	delta := &atlas.Source{ID: "source/delta", Title: "Delta Handbook", Kind: "REPORT", Date: atlas.DatePtr("2023")}
	edit := func(ch atlas.Change, version int64) atlas.AuditEntry {
		t.Helper()
		e, err := cur.Edit(carol, ch, version, "test")
		if err != nil {
			t.Fatalf("edit %s %s: %v", ch.Op, ch.Kind, err)
		}
		return e
	}
	// An alias citing a new source, added with it.
	edit(atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordAlias, NewSource: delta, Citation: &atlas.Citation{Source: delta.ID, Locator: "p. 7"},
		Claim: &atlas.ClaimChange{Node: lsg, PropertyClaim: atlas.PropertyClaim{Value: "Central FALSG", Confidence: atlas.Stated}}}, 1)
	nodes, err := s.Nodes(ctx, []string{lsg, delta.ID})
	if err != nil || nodes[1] == nil || !slices.ContainsFunc(atlas.AliasesOf(nodes[0]), func(a atlas.Alias) bool { return a.Name == "Central FALSG" && a.Source == delta.ID }) {
		t.Fatalf("after alias: %v, %v", nodes, err)
	}
	// A relationship with its dates; its id is the one function's.
	rel := &atlas.Relation{Type: atlas.MemberOf, From: "person/yang-jiechi", To: "group/foreign-affairs-commission", Role: ptr(atlas.MemberRole("MEMBER")),
		Start: atlas.DatePtr("2018-03"), End: atlas.DatePtr("2022-10"), Confidence: atlas.Stated}
	relID := atlas.DefaultRelationID(rel.Type, rel.From, rel.To)
	e := edit(atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordRelationship, Relation: rel, Citation: &atlas.Citation{Source: delta.ID, Locator: "p. 9"}}, 1)
	if e.Records[0].ID != relID || !slices.Contains(e.Keys, "person/yang-jiechi") {
		t.Fatalf("relationship entry = %+v", e)
	}
	rels, err := s.Relations(ctx, atlas.RelationQuery{IDs: []string{"person/yang-jiechi"}, Types: []atlas.RelType{atlas.MemberOf}})
	if err != nil || !slices.ContainsFunc(rels[0], func(r atlas.Relation) bool { return r.ID == relID && r.End.String() == "2022-10" }) {
		t.Fatalf("relations after add = %v, %v", rels, err)
	}
	changed := *rel
	changed.End = atlas.DatePtr("2022-10-23")
	edit(atlas.Change{Op: atlas.OpChange, Kind: atlas.RecordRelationship, Target: relID, Relation: &changed, Citation: &atlas.Citation{Source: delta.ID, Locator: "p. 10"}}, 2)
	_, err = cur.Edit(carol, atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordRelationship, Target: relID, Citation: &atlas.Citation{Source: delta.ID, Locator: "p. 11"}}, 2, "")
	wantCode(t, err, atlas.ECONFLICT)
	edit(atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordRelationship, Target: relID, Citation: &atlas.Citation{Source: delta.ID, Locator: "p. 11"}}, 3)
	rels, _ = s.Relations(ctx, atlas.RelationQuery{IDs: []string{"person/yang-jiechi"}, Types: []atlas.RelType{atlas.MemberOf}})
	if slices.ContainsFunc(rels[0], func(r atlas.Relation) bool { return r.ID == relID }) {
		t.Fatalf("retracted relationship still there")
	}
	// A node, a statement and a source, given in the dataset format.
	record := func(v any) json.RawMessage { b, _ := json.Marshal(v); return b }
	edit(atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordNode, Citation: &atlas.Citation{Source: delta.ID, Locator: "p. 12"},
		Record: record(map[string]any{"id": "person/wang-yi", "name": "Wang Yi", "sources": []any{}})}, 1)
	edit(atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordStatement, Citation: &atlas.Citation{Source: delta.ID, Locator: "p. 13"},
		Record: record(map[string]any{"id": "statement/delta-says", "text": "Delta says groups coordinate.", "confidence": "STATED", "sources": []any{}})}, 1)
	edit(atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordSource, Citation: &atlas.Citation{Source: "source/epsilon", Locator: "title page"},
		Record: record(map[string]any{"id": "source/epsilon", "key": "epsilon", "title": "Epsilon", "kind": "REPORT"})}, 1)
	nodes, _ = s.Nodes(ctx, []string{"person/wang-yi", "statement/delta-says", "source/epsilon"})
	for i, n := range nodes {
		if n == nil {
			t.Fatalf("node %d missing after add", i)
		}
	}
	if got := nodes[0].Citations(); len(got) != 1 || got[0].Locator != "p. 12" {
		t.Fatalf("new person cites %v", got)
	}
	_, err = cur.Edit(carol, atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordStatement, Citation: &atlas.Citation{Source: delta.ID, Locator: "x"},
		Record: record(map[string]any{"id": "person/li-peng", "name": "Li Peng", "sources": []any{}})}, 1, "")
	wantCode(t, err, atlas.EINVALID)
	_, err = cur.Edit(carol, atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordNode, Target: "person/li-keqiang", Citation: &atlas.Citation{Source: delta.ID, Locator: "x"}}, 1, "")
	wantCode(t, err, atlas.EINVALID) // his relationships would dangle
	_, err = cur.Edit(carol, atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordClaim, Target: lsg + "/claims/name/000000000000", Citation: &atlas.Citation{Source: delta.ID, Locator: "x"}}, 1, "")
	wantCode(t, err, atlas.ENOTFOUND)
}

// testCurationDurable checks that an accepted change and its audit entry survive a
// restart of the store.
func testCurationDurable(t *testing.T, open OpenCurated) {
	_, cur, reopen := curated(t, open)
	if reopen == nil {
		t.Skip("this store cannot be reopened")
	}
	p, err := cur.Propose(As("alice", atlas.RoleContributor), claimChange("Kept.", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "history"}), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cur.Accept(As("carol", atlas.RoleCurator), p.ID, "ok"); err != nil {
		t.Fatal(err)
	}
	s := reopen()
	if got := claimNote(t, s, SessionClaim); got != "Kept." {
		t.Fatalf("note after restart = %q", got)
	}
	history, err := s.AuditLog(context.Background(), atlas.AuditQuery{Key: SessionClaim})
	if err != nil || !slices.Equal(steps(history), []string{"PROPOSED alice proposal/2", "ACCEPTED carol proposal/2"}) {
		t.Fatalf("history after restart = %q, %v", steps(history), err)
	}
	if v, _ := s.Versions(context.Background(), []string{SessionClaim}); v[0] != 2 {
		t.Fatalf("version after restart = %d", v[0])
	}
	if rev, _ := s.Revision(context.Background()); rev != 3 {
		t.Fatalf("revision after restart = %d, want 3", rev)
	}
}

// testImportKeepsCuration: an import that lacks an accepted change is refused, naming
// it, and writes nothing; one that holds it goes through; discarding is explicit and
// recorded.
func testImportKeepsCuration(t *testing.T, open OpenCurated) {
	s, cur, _ := curated(t, open)
	ctx := context.Background()
	carol := As("carol", atlas.RoleCurator)
	if _, err := cur.Edit(carol, claimChange("Curated.", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "history"}), 1, "curated"); err != nil {
		t.Fatal(err)
	}
	rev, _ := s.Revision(ctx)
	_, err := cur.Import(ctx, Fixture(), false)
	wantCode(t, err, atlas.ECONFLICT)
	if msg := atlas.ErrorMessage(err); !strings.Contains(msg, SessionClaim+" (revision 2, edited by carol)") {
		t.Fatalf("refusal = %q", msg)
	}
	if after, _ := s.Revision(ctx); after != rev || claimNote(t, s, SessionClaim) != "Curated." {
		t.Fatalf("a refused import changed the store (revision %d → %d)", rev, after)
	}
	// The current data, written out and imported again, holds the change.
	current, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if report, err := cur.Import(ctx, current, false); err != nil || report.Changed() {
		t.Fatalf("importing the current data: %+v, %v", report, err)
	}
	// The current data with an unrelated edit (the dump, merged) goes through and holds
	// the change; an older file, lacking it, is still refused after that import.
	merged := current.Clone()
	merged.Groups[2].Description = "Merged into the dump."
	if report, err := cur.Import(ctx, merged, false); err != nil || !report.Changed() {
		t.Fatalf("importing the dump, merged: %+v, %v", report, err)
	}
	_, err = cur.Import(ctx, Fixture(), false)
	wantCode(t, err, atlas.ECONFLICT)
	if claimNote(t, s, SessionClaim) != "Curated." {
		t.Fatal("after importing the merged dump, an older file's import dropped the curated change")
	}
	rev, _ = s.Revision(ctx)
	report, err := cur.Import(carol, Fixture(), true)
	if err != nil || !report.Changed() || claimNote(t, s, SessionClaim) != "" {
		t.Fatalf("discarding import: %+v, %v", report, err)
	}
	log, _ := s.AuditLog(ctx, atlas.AuditQuery{AfterRevision: rev})
	if len(log) != 1 || log[0].Action != atlas.ActionImported || log[0].Actor != "carol" || !strings.Contains(log[0].Reason, "discarding "+SessionClaim) {
		t.Fatalf("import entries = %+v", log)
	}
	if _, err := cur.Import(ctx, Fixture(), false); err != nil {
		t.Fatalf("after a discarding import, the same import: %v", err)
	}
}

// testRetractedNodeTakesItsClaims: a node's retraction takes its curated claims with
// it, so the store's own data imports again, and a discarding import ends the
// curation. The import guard took the claims' own last changes for what the data must
// still hold, and refused the store's dump even after -discard-curation.
func testRetractedNodeTakesItsClaims(t *testing.T, open OpenCurated) {
	s, cur, _ := curated(t, open)
	ctx := context.Background()
	carol := As("carol", atlas.RoleCurator)
	cite := &atlas.Citation{Source: "source/beta", Locator: "p. 4"}
	record, _ := json.Marshal(map[string]any{"id": "person/zz", "name": "Z Z", "sources": []any{}})
	steps := []struct {
		change atlas.Change
		target string
	}{
		{atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordNode, Record: record, Citation: cite}, "person/zz"},
		{atlas.Change{Op: atlas.OpAdd, Kind: atlas.RecordClaim, Citation: cite,
			Claim: &atlas.ClaimChange{Node: "person/zz", PropertyClaim: atlas.PropertyClaim{Property: atlas.PropDescription, Value: "A test person.", Confidence: atlas.Stated, Rank: atlas.Preferred}}},
			atlas.ClaimID("person/zz", atlas.PropDescription, "A test person.")},
		{atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordNode, Target: "person/zz", Citation: cite}, "person/zz"},
	}
	claim := steps[1].target
	var claimVersions []int64
	for i, st := range steps {
		v, err := cur.Version(ctx, st.target)
		if err == nil {
			_, err = cur.Edit(carol, st.change, v, "test")
		}
		if err != nil {
			t.Fatalf("step %d (%s %s): %v", i+1, st.change.Op, st.change.Kind, err)
		}
		cv, _ := cur.Version(ctx, claim)
		claimVersions = append(claimVersions, cv)
	}
	// The claim is created by its ADD and retracted with its node: an edit read before
	// the retraction cannot match a claim made again later.
	if want := []int64{1, 2, 3}; !slices.Equal(claimVersions, want) {
		t.Errorf("the claim's versions after each step = %v, want %v", claimVersions, want)
	}
	if h, err := cur.History(ctx, claim); err != nil || len(h) != 2 {
		t.Errorf("the claim's history = %d entries (%v), want its ADD and its node's RETRACT", len(h), err)
	}
	current, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if report, err := cur.Import(ctx, current, false); err != nil || report.Changed() {
		t.Fatalf("importing the store's own data: %+v, %v", report, err)
	}
	if _, err := cur.Import(carol, Fixture(), true); err != nil {
		t.Fatalf("discarding import: %v", err)
	}
	if _, err := cur.Import(ctx, Fixture(), false); err != nil {
		t.Fatalf("after a discarding import, the same import: %v", err)
	}
}

// testConcurrentAccepts: two curators in two processes (two Curators over one store)
// accept two proposals on the same claim at once: exactly one applies, the other is
// CONFLICT, and the log has one ACCEPTED entry.
func testConcurrentAccepts(t *testing.T, open OpenCurated) {
	s, cur, _ := curated(t, open)
	other := atlas.NewCurator(s, s, Clock)
	alice := As("alice", atlas.RoleContributor)
	p1, err := cur.Propose(alice, claimChange("First.", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "history"}), "")
	if err != nil {
		t.Fatal(err)
	}
	p2, err := cur.Propose(alice, claimChange("Second.", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "history"}), "")
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 2)
	go func() { _, err := cur.Accept(As("carol", atlas.RoleCurator), p1.ID, "ok"); errs <- err }()
	go func() { _, err := other.Accept(As("dave", atlas.RoleCurator), p2.ID, "ok"); errs <- err }()
	codes := []string{atlas.ErrorCode(<-errs), atlas.ErrorCode(<-errs)}
	slices.Sort(codes)
	if !slices.Equal(codes, []string{"", atlas.ECONFLICT}) {
		t.Fatalf("codes = %q, want one success and one CONFLICT", codes)
	}
	accepted, _ := s.AuditLog(context.Background(), atlas.AuditQuery{Key: SessionClaim})
	n := 0
	for _, e := range accepted {
		if e.Action == atlas.ActionAccepted {
			n++
		}
	}
	if note := claimNote(t, s, SessionClaim); n != 1 || (note != "First." && note != "Second.") {
		t.Fatalf("%d accepted entries, note %q", n, note)
	}
}
