package difftest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"lsgatlas/atlas"
	"lsgatlas/conformance"
	"lsgatlas/httpapi"
	"lsgatlas/inprocess"
	"lsgatlas/internal/auth"
	"lsgatlas/neo4j/neo4jtest"
)

const secret = "difftest-secret-0123456789abcdef0123"

// step is one request of a scripted curation session: who sends it, the GraphQL, and
// what the in-process answer must contain (the live answer must then be the same bytes).
type step struct {
	who   string // "" for anonymous, else "subject:ROLE"
	gql   string
	wants string
}

// Session is the scripted curation session of issue 25 over the fixture, as GraphQL.
var session = []step{
	{"alice:CONTRIBUTOR", `mutation { proposeClaim(op: CHANGE, target: "` + conformance.SessionClaim + `",
		claim: {value: "1954", confidence: DISPUTED, rank: NORMAL, note: "Beta relays an earlier study."},
		citation: {source: "source/beta", locator: "history, p. 3"}, reason: "Beta gives the page") {
		id status op kind target by at reason baseVersions { record version } citation { source locator } } }`, `"id":"proposal/2","status":"PENDING"`},
	{"bob:CONTRIBUTOR", `mutation { proposeClaim(op: CHANGE, target: "` + conformance.SessionClaim + `",
		claim: {value: "1954", confidence: DISPUTED, rank: DEPRECATED, note: "Judged a misreading."},
		citation: {source: "source/gamma", locator: "history"}) { id status } }`, `"id":"proposal/3"`},
	{"alice:CONTRIBUTOR", `{ proposals(status: PENDING) { id by } }`, `"proposals":[{"id":"proposal/3","by":"bob"},{"id":"proposal/2","by":"alice"}]`},
	{"carol:CURATOR", `mutation { acceptProposal(id: "proposal/2", reason: "page checked") { id status reviewedBy reviewedAt reviewReason } }`, `"status":"ACCEPTED","reviewedBy":"carol"`},
	{"dave:CURATOR", `mutation { acceptProposal(id: "proposal/3", reason: "also fine") { id status } }`, `"code":"CONFLICT"`},
	{"", `mutation { proposeClaim(op: CHANGE, target: "` + conformance.SessionClaim + `", claim: {value: "1954", confidence: STATED, rank: NORMAL},
		citation: {source: "source/beta", locator: "x"}) { id } }`, `"code":"UNAUTHORIZED"`},
	{"ralph:READER", `mutation { rejectProposal(id: "proposal/3", reason: "no") { id } }`, `"code":"UNAUTHORIZED"`},
	{"alice:CONTRIBUTOR", `mutation { proposeAlias(op: ADD, alias: {node: "group/foreign-affairs-lsg", name: "Central FALSG", confidence: STATED}) { id } }`, `"code":"INVALID"`},
	{"alice:CONTRIBUTOR", `mutation { proposeRelationship(op: ADD, relationship: {type: CHAIRS, from: "person/li-keqiang", to: "group/deepening-reform", start: "2024", confidence: STATED},
		citation: {source: "source/alpha", locator: "s9"}) { id } }`, `after person/li-keqiang died (2023-10-27)`},
	{"carol:CURATOR", `mutation { editRelationship(op: ADD, relationship: {type: MEMBER_OF, from: "person/yang-jiechi", to: "group/foreign-affairs-commission", role: MEMBER, start: "2018-03", end: "2022-10", confidence: STATED},
		citation: {source: "source/delta", locator: "p. 9", newSource: "{\"id\": \"source/delta\", \"key\": \"delta\", \"title\": \"Delta Handbook\", \"kind\": \"REPORT\", \"date\": \"2023\"}"},
		reason: "new handbook", expectedVersion: 1) { revision action actor records { id kind version before after } } }`, `"action":"EDITED"`},
	{"carol:CURATOR", `mutation { editRelationship(op: CHANGE, target: "member_of/person/yang-jiechi/group/foreign-affairs-commission", relationship: {end: "2022-10-23", role: MEMBER, start: "2018-03", confidence: STATED},
		citation: {source: "source/delta", locator: "p. 10"}, expectedVersion: 1) { revision } }`, `"code":"CONFLICT"`},
	{"", `{ relationship(id: "member_of/person/yang-jiechi/group/foreign-affairs-commission") { id type start end sources { source { id title } locator } from { id } to { id } } }`, `"id":"member_of/person/yang-jiechi/group/foreign-affairs-commission"`},
	{"", `{ claim(id: "` + conformance.SessionClaim + `") { id version node { id } claim { property value rank note sources { source { id } locator } } } }`, `"version":2`},
	{"", `{ history(id: "` + conformance.SessionClaim + `") { revision action actor role at reason proposal op kind target citation { source locator } records { id kind version before after } } }`, `"action":"ACCEPTED","actor":"carol"`},
	{"", `{ history(id: "group/foreign-affairs-lsg") { revision action actor } }`, `{"revision":3,"action":"PROPOSED","actor":"bob"}`},
	{"carol:CURATOR", `mutation { rejectProposal(id: "proposal/3", reason: "stale; propose again") { status } }`, `"status":"REJECTED"`},
	{"carol:CURATOR", `{ auditLog { revision action actor proposal } byDave: auditLog(actor: "dave") { revision } }`, `"byDave":[]`},
	{"alice:CONTRIBUTOR", `{ auditLog { revision } }`, `"code":"UNAUTHORIZED"`},
	// Filters that would quietly select something else than asked are refused.
	{"", `{ history(id: "") { revision } }`, `{"message":"\"\" is not the id of a node, relationship or claim","path":["history"],"locations":[{"line":1,"column":3}],"extensions":{"code":"INVALID"}}`},
	{"carol:CURATOR", `{ auditLog(since: "2020-01-01") { revision } }`, `{"message":"invalid time \"2020-01-01\": want an RFC 3339 time such as 2026-01-02T15:04:05Z","path":["auditLog","since"],"extensions":{"code":"INVALID"}}`},
	{"carol:CURATOR", `{ auditLog(first: 0) { revision } }`, `{"message":"first must be 1 to 1000, got 0","path":["auditLog"],"locations":[{"line":1,"column":3}],"extensions":{"code":"INVALID"}}`},
	{"carol:CURATOR", `{ auditLog(first: -1) { revision } }`, `"message":"first must be 1 to 1000, got -1"`},
	{"carol:CURATOR", `{ auditLog(record: "") { revision } }`, `"message":"record must be the id of a node, relationship or claim; leave it out to keep every record"`},
	{"carol:CURATOR", `{ auditLog(actor: " ") { revision } }`, `"message":"actor must name someone; leave it out to keep every actor"`},
	{"carol:CURATOR", `{ auditLog(afterRevision: -5) { revision } }`, `"message":"afterRevision must be 0 or more, got -5"`},
	{"carol:CURATOR", `{ auditLog(since: "2030-01-01T00:00:00Z", until: "2020-01-01T00:00:00Z") { revision } }`, `"message":"since (2030-01-01T00:00:00Z) must be before until (2020-01-01T00:00:00Z)"`},
	{"carol:CURATOR", `{ auditLog(record: "zz") { revision } }`, `"message":"\"zz\" is not the id of a node, relationship or claim","path":["auditLog"],"locations":[{"line":1,"column":3}],"extensions":{"code":"INVALID"}}`},
	{"carol:CURATOR", `{ auditLog(record: "person/hu-jintao") { revision } }`, `{"data":{"auditLog":[]}`},
	{"alice:CONTRIBUTOR", `{ proposals(first: 0) { id } }`, `"message":"first must be 1 to 1000, got 0"`},
	// An explicit null is the schema's default (100), never "no limit".
	{"carol:CURATOR", `{ all: auditLog(first: null) { revision } some: auditLog(first: 2) { revision } }`, `"all":[{"revision":2},{"revision":3},{"revision":4},{"revision":5},{"revision":6}],"some":[{"revision":2},{"revision":3}]`},
	{"", `{ group(id: "group/foreign-affairs-lsg") { established claims { property value rank note } } version(id: "` + conformance.SessionClaim + `") viewer { role } }`, `"version":2`},
	{"carol:CURATOR", `{ viewer { subject role } }`, `{"subject":"carol","role":"CURATOR"}`},
	// A record never changed is at version 1, and so is one not yet created (what an ADD
	// of it expects); a string that is no record's id has no version.
	{"", `{ version(id: "person/yang-jiechi") }`, `{"data":{"version":1}`},
	{"", `{ version(id: "member_of/person/yang-jiechi/group/foreign-affairs-lsg") }`, `{"data":{"version":1}`},
	{"", `{ version(id: "person/nobody-yet") }`, `{"data":{"version":1}`},
	{"", `{ version(id: "bogus") }`, `{"message":"\"bogus\" is not the id of a node, relationship or claim","path":["version"],"locations":[{"line":1,"column":3}],"extensions":{"code":"INVALID"}}`},
	{"", `{ version(id: "chairs/person/xi-jinping/group") }`, `"code":"INVALID"`},
	{"", `{ version(id: "derived/x+y") }`, `"message":"\"derived/x+y\" is a derived chair: an inference from its premises, not a record; see the premises (derivedFrom)"`},
	{"", `{ history(id: "person/hu-jintao") { revision } }`, `{"data":{"history":[]}`},
	{"", `{ history(id: "bogus") { revision } }`, `"code":"INVALID"`},

	{"", `{ group(id: "group/foreign-affairs-lsg") { history { revision action } claims { id property value history { revision action actor } } }
		relationship(id: "member_of/person/yang-jiechi/group/foreign-affairs-commission") { history { revision action actor } }
		person(id: "person/yang-jiechi") { history { revision action } } }`, `"history":[{"revision":2,"action":"PROPOSED","actor":"alice"},{"revision":3,"action":"PROPOSED","actor":"bob"},{"revision":4,"action":"ACCEPTED","actor":"carol"}`},
	// The change feed of the session: the accepted change and the edit, nothing for the
	// proposals and rejections, in order, with who and why; then a page resumed after the first.
	{"", `{ changes(since: 1) { events { cursor revision index type record recordKind version nodes cause actor at reason proposal } endCursor hasNextPage } }`,
		`"cursor":"4.0","revision":4,"index":0,"type":"CLAIM_CHANGED"`},
	{"", `{ changes(after: "4.0", types: [RELATIONSHIP_CREATED, NODE_CREATED], first: 1) { events { cursor type record nodes } endCursor hasNextPage } }`,
		`"type":"NODE_CREATED","record":"source/delta"`},
	{"", `{ changes(after: "4.0", ids: ["person/yang-jiechi"]) { events { cursor type record } endCursor hasNextPage } }`,
		`"type":"RELATIONSHIP_CREATED","record":"member_of/person/yang-jiechi/group/foreign-affairs-commission"`},
}

// TestLiveSameCurationSession runs the scripted curation session against both stores
// and requires the same answer, byte for byte, at every step, extensions (the revision
// each answer was read at) included.
func TestLiveSameCurationSession(t *testing.T) {
	neo4jtest.Require(t)
	inproc := serveCurated(t, inprocess.New())
	live := serveCurated(t, neo4jtest.Open(t))
	for i, s := range session {
		want := post(t, inproc, s)
		got := post(t, live, s)
		if !strings.Contains(want, s.wants) {
			t.Errorf("step %d (%s): in-process answer lacks %s:\n%s", i+1, s.who, s.wants, want)
		}
		if got != want {
			t.Errorf("step %d (%s): the backends differ\nrequest: %s\nin-process: %s\nneo4j:      %s", i+1, s.who, s.gql, want, got)
		}
	}
}

// TestCurationSession runs the scripted session against the embedded store alone, so
// every `go test ./...` checks each step's answer even without a Neo4j.
func TestCurationSession(t *testing.T) {
	srv := serveCurated(t, inprocess.New())
	for i, s := range session {
		if got := post(t, srv, s); !strings.Contains(got, s.wants) {
			t.Errorf("step %d (%s): answer lacks %s:\n%s", i+1, s.who, s.wants, got)
		}
	}
}

func serveCurated(t *testing.T, store atlas.Store) *httptest.Server {
	t.Helper()
	v, err := auth.NewSecretVerifier([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Import(t.Context(), conformance.Fixture()); err != nil {
		t.Fatal(err)
	}
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.ErrorLevel)
	srv := httptest.NewServer(httpapi.New(store, httpapi.Options{Log: log, Verifier: v, Clock: conformance.Clock, DatasetVersion: "test"}))
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, srv *httptest.Server, s step) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": s.gql})
	req, _ := http.NewRequest("POST", srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if sub, role, ok := strings.Cut(s.who, ":"); ok {
		tok, err := auth.Mint([]byte(secret), sub, atlas.Role(role), time.Now(), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
