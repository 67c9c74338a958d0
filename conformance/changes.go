package conformance

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"lsgatlas/atlas"
	"lsgatlas/internal/changefeed"
)

// RunChanges runs the change feed's contract against stores made by open: which events
// imports and accepted changes give (and which steps give none), their order, who and
// why, pages that resume exactly, filters, and live subscribers that see a change and,
// resumed from a cursor, get exactly the events they missed.
func RunChanges(t *testing.T, open OpenCurated) {
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, open OpenCurated)
	}{
		{"Events", testChangeEvents},
		{"Pages", testChangePages},
		{"Subscribe", testChangeSubscribe},
		{"Durable", testChangeDurable},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, open) })
	}
}

// deadline bounds how long a test waits for an event that should come at once; it is
// a failure bound, not a timing: a passing test never waits for it.
const deadline = 30 * time.Second

// changesStep is the scripted history of the contract: an import, a re-import that
// changes nothing, a proposal and its acceptance, a rejected proposal, a direct
// retraction and an import that changes one node and drops one relationship.
type changesStep struct {
	store  CuratedStore
	cur    *atlas.Curator
	feed   *changefeed.Feed
	cancel context.CancelFunc
}

func newChanges(t *testing.T, open OpenCurated) changesStep {
	t.Helper()
	s, _ := open(t)
	return changesOn(t, s)
}

func changesOn(t *testing.T, s CuratedStore) changesStep {
	t.Helper()
	cur := atlas.NewCurator(s, s, Clock)
	feed := changefeed.New(s, s.Revision, changefeed.Options{PollInterval: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	if err := feed.Start(ctx); err != nil {
		t.Fatal(err)
	}
	go feed.Run(ctx)
	t.Cleanup(cancel)
	return changesStep{store: s, cur: cur, feed: feed, cancel: cancel}
}

const memberRelation = "member_of/person/yang-jiechi/group/foreign-affairs-lsg"

// script runs the history and returns the revision after each step.
func (c changesStep) script(t *testing.T) []int64 {
	t.Helper()
	admin, alice, carol := As("importer", atlas.RoleAdmin), As("alice", atlas.RoleContributor), As("carol", atlas.RoleCurator)
	var revs []int64
	mark := func() {
		rev, err := c.store.Revision(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		revs = append(revs, rev)
		c.feed.Poke() // as the service does after each commit
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := c.cur.Import(admin, Fixture(), false)
	must(err)
	mark()
	_, err = c.cur.Import(admin, Fixture(), false)
	must(err)
	mark()
	p, err := c.cur.Propose(alice, claimChange("Beta relays an earlier study.", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "history, p. 3"}), "Beta gives the page")
	must(err)
	_, err = c.cur.Accept(carol, p.ID, "page checked")
	must(err)
	mark()
	p2, err := c.cur.Propose(alice, claimChange("x", atlas.Normal, &atlas.Citation{Source: "source/gamma", Locator: "x"}), "")
	must(err)
	_, err = c.cur.Reject(carol, p2.ID, "no")
	must(err)
	mark()
	_, err = c.cur.Edit(carol, atlas.Change{Op: atlas.OpRetract, Kind: atlas.RecordRelationship, Target: memberRelation,
		Citation: &atlas.Citation{Source: "source/alpha", Locator: "s9"}}, 1, "not a member")
	must(err)
	mark()
	ds := Fixture()
	ds.Groups[2].Description = "Changed by the second import."
	_, err = c.cur.Import(admin, ds, true)
	must(err)
	mark()
	return revs
}

// describe is an event in one line, for exact comparisons.
func describe(e atlas.ChangeEvent) string {
	return fmt.Sprintf("%s %s %s %s v%d %s by %s (%s) %s nodes=%v", e.Cursor(), e.Type, e.RecordKind, e.Record, e.Version, e.Cause, e.Actor, e.Reason, e.Proposal, e.Nodes)
}

func describeAll(events []atlas.ChangeEvent) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = describe(e)
	}
	return out
}

func readAll(t *testing.T, feed *changefeed.Feed, pos atlas.FeedPosition, f atlas.ChangeFilter, first int) []atlas.ChangeEvent {
	t.Helper()
	var out []atlas.ChangeEvent
	for range 10000 {
		page, err := feed.Read(context.Background(), pos, f, first)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page.Events...)
		if !page.More {
			return out
		}
		pos = page.End
	}
	t.Fatal("the pages never ended")
	return nil
}

func testChangeEvents(t *testing.T, open OpenCurated) {
	c := newChanges(t, open)
	revs := c.script(t)
	all := readAll(t, c.feed, atlas.AfterRevision(0), atlas.ChangeFilter{}, changefeed.MaxPage)
	byRevision := map[int64][]atlas.ChangeEvent{}
	for _, e := range all {
		byRevision[e.Revision] = append(byRevision[e.Revision], e)
	}
	// The first import creates every record: nodes, claims and relationships.
	first := byRevision[revs[0]]
	counts := map[atlas.ChangeType]int{}
	for _, e := range first {
		counts[e.Type]++
		if e.Cause != atlas.CausedByImport || e.Actor != "importer" || e.Version != 1 {
			t.Fatalf("import event = %s", describe(e))
		}
	}
	fx := Fixture().Prepared()
	claims := 0
	for _, n := range fx.Nodes() {
		claims += len(atlas.ClaimsOf(n))
	}
	want := map[atlas.ChangeType]int{atlas.NodeCreated: len(fx.Nodes()), atlas.ClaimCreated: claims, atlas.RelationshipCreated: len(fx.Relations)}
	if fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Fatalf("first import's events by type = %v, want %v", counts, want)
	}
	if got := describe(first[0]); got != fmt.Sprintf("%d.0 NODE_CREATED NODE count/alpha-2017-all v1 IMPORTED by importer (import)  nodes=[count/alpha-2017-all]", revs[0]) {
		t.Fatalf("first event = %s", got)
	}
	// The re-import changed nothing and the rejected proposal applied nothing: no events.
	if revs[1] != revs[0] || len(byRevision[revs[3]]) != 0 {
		t.Fatalf("revisions %v; events at %d: %q", revs, revs[3], describeAll(byRevision[revs[3]]))
	}
	lsgNode := "nodes=[" + lsg + "]"
	discarding := fmt.Sprintf("import discarding %s (revision %d, accepted by carol); %s (revision %d, edited by carol)", SessionClaim, revs[2], memberRelation, revs[4])
	wantRest := []string{
		fmt.Sprintf("%d.0 CLAIM_CHANGED CLAIM %s v2 ACCEPTED by carol (page checked) proposal/%d %s", revs[2], SessionClaim, revs[2]-1, lsgNode),
		fmt.Sprintf("%d.0 RELATIONSHIP_RETRACTED RELATIONSHIP %s v2 EDITED by carol (not a member)  nodes=[person/yang-jiechi group/foreign-affairs-lsg]", revs[4], memberRelation),
		fmt.Sprintf("%d.0 NODE_CHANGED NODE group/deepening-reform v1 IMPORTED by importer (%s)  nodes=[group/deepening-reform]", revs[5], discarding),
		fmt.Sprintf("%d.1 CLAIM_CHANGED CLAIM %s v2 IMPORTED by importer (%s)  %s", revs[5], SessionClaim, discarding, lsgNode),
		fmt.Sprintf("%d.2 RELATIONSHIP_CREATED RELATIONSHIP %s v2 IMPORTED by importer (%s)  nodes=[person/yang-jiechi group/foreign-affairs-lsg]", revs[5], memberRelation, discarding),
	}
	var rest []atlas.ChangeEvent
	for _, e := range all {
		if e.Revision > revs[0] {
			rest = append(rest, e)
		}
	}
	if got := describeAll(rest); !slices.Equal(got, wantRest) {
		t.Fatalf("events after the first import:\n%s\nwant:\n%s", lines(got), lines(wantRest))
	}
}

func lines(s []string) string {
	out := ""
	for _, l := range s {
		out += "  " + l + "\n"
	}
	return out
}

func eventTypes(events []atlas.ChangeEvent) []atlas.ChangeType {
	out := make([]atlas.ChangeType, len(events))
	for i, e := range events {
		out[i] = e.Type
	}
	return out
}

func testChangePages(t *testing.T, open OpenCurated) {
	c := newChanges(t, open)
	revs := c.script(t)
	all := readAll(t, c.feed, atlas.AfterRevision(0), atlas.ChangeFilter{}, changefeed.MaxPage)
	// Pages of one resume exactly: the same events, none twice.
	if got := describeAll(readAll(t, c.feed, atlas.AfterRevision(0), atlas.ChangeFilter{}, 1)); !slices.Equal(got, describeAll(all)) {
		t.Fatalf("pages of 1 gave %d events, one page %d", len(got), len(all))
	}
	// From any event's cursor, exactly the events after it.
	for _, i := range []int{0, 5, len(all) - 2, len(all) - 1} {
		pos, err := atlas.ParseFeedPosition(all[i].Cursor())
		if err != nil {
			t.Fatal(err)
		}
		if got := describeAll(readAll(t, c.feed, pos, atlas.ChangeFilter{}, 7)); !slices.Equal(got, describeAll(all[i+1:])) {
			t.Fatalf("after %s: %d events, want %d", all[i].Cursor(), len(got), len(all)-i-1)
		}
	}
	// Since a revision: the events of later revisions only.
	if got := readAll(t, c.feed, atlas.AfterRevision(revs[2]), atlas.ChangeFilter{}, 100); len(got) != 4 || got[0].Revision != revs[4] {
		t.Fatalf("since %d: %q", revs[2], describeAll(got))
	}
	// Filters: by type, and by node (a relationship touching it, a claim of it).
	if got := readAll(t, c.feed, atlas.AfterRevision(revs[0]), atlas.ChangeFilter{Types: []atlas.ChangeType{atlas.RelationshipRetracted, atlas.ClaimChanged}}, 100); len(got) != 3 ||
		got[0].Record != SessionClaim || got[1].Record != memberRelation || got[2].Record != SessionClaim || got[2].Revision != revs[5] {
		t.Fatalf("by type: %q", describeAll(got))
	}
	// The group's founding claim affects its member too: his seat's lifetime bound moves.
	if got := readAll(t, c.feed, atlas.AfterRevision(revs[0]), atlas.ChangeFilter{IDs: []string{"person/yang-jiechi"}}, 100); !slices.Equal(eventTypes(got),
		[]atlas.ChangeType{atlas.ClaimChanged, atlas.RelationshipRetracted, atlas.ClaimChanged, atlas.RelationshipCreated}) ||
		!slices.Contains(got[0].Affects, "person/yang-jiechi") || slices.Contains(got[0].Nodes, "person/yang-jiechi") {
		t.Fatalf("by node: %q", describeAll(got))
	}
	if got := readAll(t, c.feed, atlas.AfterRevision(revs[0]), atlas.ChangeFilter{IDs: []string{"person/yang-jiechi"}, Types: []atlas.ChangeType{atlas.RelationshipCreated}}, 100); len(got) != 1 || got[0].Revision != revs[5] {
		t.Fatalf("by node: %q", describeAll(got))
	}
	// Bad requests are INVALID.
	_, err := c.feed.Read(context.Background(), atlas.AfterRevision(0), atlas.ChangeFilter{}, 0)
	wantCode(t, err, atlas.EINVALID)
	_, err = c.feed.Read(context.Background(), atlas.AfterRevision(0), atlas.ChangeFilter{Types: []atlas.ChangeType{"NODE_EXPLODED"}}, 1)
	wantCode(t, err, atlas.EINVALID)
	_, err = atlas.ParseFeedPosition("12.x")
	wantCode(t, err, atlas.EINVALID)
}

// next waits for the next event of a subscription.
func next(t *testing.T, events <-chan *atlas.ChangeEvent, sub *changefeed.Subscription) atlas.ChangeEvent {
	t.Helper()
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatalf("the subscription ended: %v", sub.Err())
		}
		return *e
	case <-time.After(deadline):
		t.Fatalf("no event within %s", deadline)
	}
	return atlas.ChangeEvent{}
}

func testChangeSubscribe(t *testing.T, open OpenCurated) {
	c := newChanges(t, open)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	live, sub, err := c.feed.Subscribe(ctx, "client", atlas.AfterRevision(0), atlas.ChangeFilter{Types: []atlas.ChangeType{atlas.ClaimChanged, atlas.RelationshipRetracted, atlas.NodeChanged}})
	if err != nil {
		t.Fatal(err)
	}
	revs := c.script(t)
	var got []string
	for range 4 {
		got = append(got, describe(next(t, live, sub)))
	}
	all := readAll(t, c.feed, atlas.AfterRevision(revs[0]), atlas.ChangeFilter{Types: []atlas.ChangeType{atlas.ClaimChanged, atlas.RelationshipRetracted, atlas.NodeChanged}}, 100)
	if !slices.Equal(got, describeAll(all)) {
		t.Fatalf("the subscriber saw:\n%s\nthe log has:\n%s", lines(got), lines(describeAll(all)))
	}
	// A subscriber that went away after the accepted change resumes from its cursor and
	// gets exactly the events it missed, then the next live one, and no duplicates.
	everything := readAll(t, c.feed, atlas.AfterRevision(0), atlas.ChangeFilter{}, changefeed.MaxPage)
	resumeAt := slices.IndexFunc(everything, func(e atlas.ChangeEvent) bool { return e.Revision == revs[2] })
	resumed, sub2, err := c.feed.Subscribe(ctx, "client", everything[resumeAt].Position(), atlas.ChangeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var missed []atlas.ChangeEvent
	for range len(everything) - resumeAt - 1 {
		missed = append(missed, next(t, resumed, sub2))
	}
	if !slices.Equal(describeAll(missed), describeAll(everything[resumeAt+1:])) {
		t.Fatalf("resumed subscriber got:\n%s\nwant:\n%s", lines(describeAll(missed)), lines(describeAll(everything[resumeAt+1:])))
	}
	e, err := c.cur.Edit(As("carol", atlas.RoleCurator), claimChange("Live.", atlas.Normal, &atlas.Citation{Source: "source/beta", Locator: "history"}), 2, "live")
	if err != nil {
		t.Fatal(err)
	}
	c.feed.Poke()
	if ev := next(t, resumed, sub2); ev.Revision != e.Revision || ev.Type != atlas.ClaimChanged || ev.Version != 3 {
		t.Fatalf("live event after resuming = %s", describe(ev))
	}
	if ev := next(t, live, sub); ev.Revision != e.Revision {
		t.Fatalf("live event = %s", describe(ev))
	}
	// The feed counts and bounds subscribers.
	if n := c.feed.Subscribers(); n != 2 {
		t.Fatalf("subscribers = %d", n)
	}
	cancel()
	for range live { //nolint:revive // drain until the subscription ends
	}
	if sub.Err() != nil {
		t.Fatalf("a subscriber that left ended with %v", sub.Err())
	}
}

// testChangeDurable: the events are the audit log's, so a restarted store (and a new
// feed over it) gives the same events, cursors included.
func testChangeDurable(t *testing.T, open OpenCurated) {
	s, reopen := open(t)
	if reopen == nil {
		t.Skip("this store cannot be reopened")
	}
	c := changesOn(t, s)
	c.script(t)
	before := describeAll(readAll(t, c.feed, atlas.AfterRevision(0), atlas.ChangeFilter{}, changefeed.MaxPage))
	c.cancel()
	after := changesOn(t, reopen())
	if got := describeAll(readAll(t, after.feed, atlas.AfterRevision(0), atlas.ChangeFilter{}, changefeed.MaxPage)); !slices.Equal(got, before) {
		t.Fatalf("after a restart: %d events, before: %d", len(got), len(before))
	}
}
