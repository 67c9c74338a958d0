package atlas

import (
	"strings"
)

// What the sources say beyond the entities and their ties: statements (general
// propositions and authors' arguments, in the curators' words), the topics they are
// about, and the policy documents that regulate or concern the entities.
const (
	StatementNode NodeKind = "STATEMENT"
	TopicNode     NodeKind = "TOPIC"
	DocumentNode  NodeKind = "DOCUMENT"
)

// Relationship types of statements and documents.
const (
	About    RelType = "ABOUT"     // Statement → any node but a statement or a source
	IssuedBy RelType = "ISSUED_BY" // Document → Institution or Group
	Concerns RelType = "CONCERNS"  // Document → any node but a statement or a source
	BasedOn  RelType = "BASED_ON"  // Document → Document it builds on
)

// subjects are the kinds a statement can be about or a document can concern.
var subjects = []NodeKind{GroupNode, OfficeNode, InstitutionNode, PositionNode, PersonNode, TopicNode, DocumentNode}

// DocumentKind is the kind of a policy document.
type DocumentKind string

var DocumentKinds = []DocumentKind{"REGULATION", "OPINION", "NOTICE", "DECISION", "PLAN", "PROGRAMME", "PROVISIONS", "OTHER"}

// Statement is a proposition a source makes, in the curators' own words (never the
// source's sentence), about one or more nodes or topics (ABOUT relationships).
type Statement struct {
	Tiered
	ID string `json:"id"`
	// Text is the proposition in the curators' own words.
	Text   string `json:"text"`
	TextZh string `json:"textZh,omitempty"`
	// Date is when the proposition holds or the event it tells of happened, where the
	// source gives one; with Until, the start of a period.
	Date  *PartialDate `json:"date,omitempty"`
	Until *PartialDate `json:"until,omitempty"`
	// Confidence: a hedged statement ("reportedly", "presumably") is REPORTED or INFERRED.
	Confidence Confidence `json:"confidence"`
	// Hedge is the hedge the source puts on the proposition, such as "reportedly";
	// empty when the source asserts it outright.
	Hedge   string     `json:"hedge,omitempty"`
	Note    string     `json:"note,omitempty"`
	Sources []Citation `json:"sources"`
}

// Topic is a subject general statements are about: leading small groups as an
// institution, cross-system coordination, the dual-track Party-State.
type Topic struct {
	Tiered
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	NameZh      string          `json:"nameZh,omitempty"`
	Aliases     []Alias         `json:"aliases,omitempty"`
	Description string          `json:"description,omitempty"`
	Sources     []Citation      `json:"sources"`
	Claims      []PropertyClaim `json:"claims,omitempty"`
}

// Document is a policy document: a regulation, opinion, notice, decision or plan. Its
// issuer, what it concerns and what it builds on are relationships (ISSUED_BY,
// CONCERNS, BASED_ON).
type Document struct {
	Tiered
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	TitleZh     string          `json:"titleZh,omitempty"`
	Aliases     []Alias         `json:"aliases,omitempty"`
	Kind        DocumentKind    `json:"kind"`
	Issued      *PartialDate    `json:"issued,omitempty"`
	Description string          `json:"description,omitempty"`
	Sources     []Citation      `json:"sources"`
	Claims      []PropertyClaim `json:"claims,omitempty"`
}

func (n *Statement) Hedged() bool { return n.Hedge != "" }

// Label of a statement is its text, cut to a readable length on a word boundary.
func (n *Statement) Label() string {
	const max = 80
	r := []rune(n.Text)
	if len(r) <= max {
		return n.Text
	}
	s := string(r[:max])
	if i := strings.LastIndexByte(s, ' '); i > max/2 {
		s = s[:i]
	}
	return s + "…"
}
