package atlas

import (
	"strings"
)

// NodeKind is the label of a node. It is also the prefix of every id: a group's id is
// "group/<slug>", so an id alone says what it names.
type NodeKind string

const (
	GroupNode         NodeKind = "GROUP"
	OfficeNode        NodeKind = "OFFICE"
	InstitutionNode   NodeKind = "INSTITUTION"
	PositionNode      NodeKind = "POSITION"
	PersonNode        NodeKind = "PERSON"
	SourceNode        NodeKind = "SOURCE"
	ReportedCountNode NodeKind = "REPORTED_COUNT"
)

// NodeKinds lists every kind, in the order listings and exports use.
var NodeKinds = []NodeKind{GroupNode, OfficeNode, InstitutionNode, PositionNode, PersonNode, SourceNode, ReportedCountNode,
	StatementNode, TopicNode, DocumentNode}

var idPrefixes = map[NodeKind]string{
	GroupNode: "group/", OfficeNode: "office/", InstitutionNode: "institution/",
	PositionNode: "position/", PersonNode: "person/", SourceNode: "source/", ReportedCountNode: "count/",
	StatementNode: "statement/", TopicNode: "topic/", DocumentNode: "document/",
}

// IDPrefix returns the id prefix of kind, e.g. "group/".
func (k NodeKind) IDPrefix() string { return idPrefixes[k] }

// validSlug reports whether s matches ^[a-z0-9]+(-[a-z0-9]+)*$. Written out rather than
// as a regular expression because every id a request touches is checked, several times.
func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// KindOfID returns the kind an id names, or an EINVALID error when the id is not of the
// form "<kind>/<slug>" with a lowercase hyphenated slug.
func KindOfID(id string) (NodeKind, error) {
	// One lookup by the text up to the first slash: every id a request touches is
	// checked, and trying each kind's prefix in turn was 4% of an executed query's CPU.
	if i := strings.IndexByte(id, '/'); i >= 0 {
		if k, ok := kindsByPrefix[id[:i+1]]; ok && validSlug(id[i+1:]) {
			return k, nil
		}
	}
	return "", Errorf(EINVALID, "invalid id %q: want \"<kind>/<slug>\" with kind one of group, office, institution, position, person, source, count, statement, topic, document and a lowercase hyphenated slug", id)
}

// kindsByPrefix is idPrefixes the other way round.
var kindsByPrefix = func() map[string]NodeKind {
	m := make(map[string]NodeKind, len(idPrefixes))
	for k, p := range idPrefixes {
		m[p] = k
	}
	return m
}()

// Alias is another spelling of a name, kept with the source that uses it.
type Alias struct {
	Name string `json:"name"`
	// Source is the id of the source that prints this spelling; empty when editorial.
	Source string `json:"source,omitempty"`
	// Editorial marks a spelling no source uses, added only to help search.
	Editorial bool `json:"editorial,omitempty"`
	// Ambiguous marks a spelling that a source uses for another node too.
	Ambiguous bool `json:"ambiguous,omitempty"`
}

// Citation points at the place in a source that supports a fact.
type Citation struct {
	Source  string `json:"source"`
	Locator string `json:"locator"`
	// Quote is a short exact fragment of the passage (at most MaxQuoteWords words), so
	// that a reader, or a test, can find the passage the locator names. Every citation
	// of a corpus document carries one; reference pages are cited by their locator only.
	Quote string `json:"quote,omitempty"`
}

// SamePassage says whether two citations point at the same place (source and locator),
// whatever quote either carries: comparing facts across a migration that added quotes.
func (c Citation) SamePassage(o Citation) bool {
	return c.Source == o.Source && c.Locator == o.Locator
}

// MaxQuoteWords bounds a citation's quote: a fragment that finds the passage, never the
// source's sentences.
const MaxQuoteWords = 12

// Node is anything with a stable id: the Relay node, the federation key, the export id.
// Every rule that differs by kind is a method here, so a new kind that leaves one out does
// not compile (see kinds.go and the kind_*.go files, one per kind), instead of a type
// switch somewhere quietly answering nil for it.
type Node interface {
	NodeID() string
	NodeKind() NodeKind
	// Label is the name a person would read: a name, a title or a source's title.
	Label() string
	// Citations are the sources the node's own properties come from.
	Citations() []Citation
	// NodeAliases are the other spellings of the node's name; nil for kinds without.
	NodeAliases() []Alias
	// NodeIdentifiers are the node's identifiers in other datasets; nil for kinds
	// without (only groups, institutions, positions and people carry them).
	NodeIdentifiers() []Identifier
	// NodeClaims are the property claims behind the plain fields; nil for kinds without.
	NodeClaims() []PropertyClaim
	// SearchFields lists every searchable text of the node in a fixed order (names
	// first), empty texts left out. Both stores index exactly these fields, which is
	// what keeps their search results equal.
	SearchFields() []SearchField
	// Summary is what a flat table of nodes shows of it (the exports' node records).
	Summary() Summary
	// NodeTiers are the tiers import derived for the node (see Tiered); SetNodeTiers
	// is for a store reading them back.
	NodeTiers() []SourceTier
	SetNodeTiers(tiers []SourceTier)

	// claimProperties lists the properties a node of the kind has claims for (every
	// one of them a case of plainValues); nil for sources, reported counts and
	// statements, which are claims themselves.
	claimProperties() []PropertyName
	// plainValues is PlainValues for the properties of the kind's own fields.
	plainValues(p PropertyName) []string
	// matches is MatchesFilter for the filters of the kind's own fields.
	matches(f NodeFilter) bool
	// checkFields adds the validation problems of the kind's own fields.
	checkFields(v *validator, rec string)
	// lifeBounds is the ordinal span the node can hold anything in (a person's life, a
	// group's lifetime), counting the life dates of tiers only; unbounded for kinds
	// without a lifetime.
	lifeBounds(tiers []SourceTier, source func(id string) *Source) [2]int
	// clone is CloneNode: a copy sharing nothing reachable with the node.
	clone() Node
	// addTo appends the node to its kind's section of d.
	addTo(d *Dataset)
}

// Group is a leading small group, commission, coordination or working group, committee
// or leading party members' group.
type Group struct {
	Tiered
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	NameZh  string  `json:"nameZh,omitempty"`
	Aliases []Alias `json:"aliases,omitempty"`
	// Identifiers are the node's identifiers in other datasets (Wikidata first), each
	// with its sources.
	Identifiers  []Identifier `json:"identifiers,omitempty"`
	Kind         GroupKind    `json:"kind"`
	System       *System      `json:"system,omitempty"`
	Level        *Level       `json:"level,omitempty"`
	Jurisdiction string       `json:"jurisdiction,omitempty"`
	Horizon      *Horizon     `json:"horizon,omitempty"`
	Categories   []Category   `json:"categories,omitempty"`
	CrossSystem  bool         `json:"crossSystem"`
	Established  *PartialDate `json:"established,omitempty"`
	Abolished    *PartialDate `json:"abolished,omitempty"`
	Description  string       `json:"description,omitempty"`
	// Unknown is not none: ChairNotKnown says the sources discuss the group without
	// naming its chair (no CHAIRS relation is then "not known", not "none");
	// MembersIncomplete that the known member list is incomplete for the whole group;
	// EndedDateUnknown that it ended at a date no source gives (so Abolished is unset
	// and it is not known to exist up to its latest source). Each is a property claim.
	ChairNotKnown     bool       `json:"chairNotKnown,omitempty"`
	MembersIncomplete bool       `json:"membersIncomplete,omitempty"`
	EndedDateUnknown  bool       `json:"endedDateUnknown,omitempty"`
	Sources           []Citation `json:"sources"`
	// Claims are the property claims behind the plain fields, each with its own sources.
	Claims []PropertyClaim `json:"claims,omitempty"`
	// ObservedUntil is the latest date of the sources describing the group, or the last
	// day one of its relationships is KNOWN to hold if later: a group not known to be
	// abolished is known to exist up to then, and only possibly after.
	// Computed on import, never read from the dataset.
	ObservedUntil *PartialDate `json:"-"`
	// KnownFrom is the first day one of the group's relationships is KNOWN to hold: the
	// group was alive then, whatever its own dates say. Computed on import.
	KnownFrom *PartialDate `json:"-"`
}

// Office is the staff office, general office or directorate backing a group.
type Office struct {
	Tiered
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	NameZh      string     `json:"nameZh,omitempty"`
	Aliases     []Alias    `json:"aliases,omitempty"`
	Kind        OfficeKind `json:"kind"`
	Staffing    *Staffing  `json:"staffing,omitempty"`
	Placement   *Placement `json:"placement,omitempty"`
	Description string     `json:"description,omitempty"`
	Sources     []Citation `json:"sources"`
	// Claims are the property claims behind the plain fields, each with its own sources.
	Claims []PropertyClaim `json:"claims,omitempty"`
}

// Institution is a standing body: the Politburo, the State Council, a ministry, a Party
// department, a PLA department, a province, a newspaper, a think tank.
type Institution struct {
	Tiered
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	NameZh  string  `json:"nameZh,omitempty"`
	Aliases []Alias `json:"aliases,omitempty"`
	// Identifiers are the node's identifiers in other datasets (Wikidata first), each
	// with its sources.
	Identifiers []Identifier    `json:"identifiers,omitempty"`
	Kind        InstitutionKind `json:"kind"`
	System      *System         `json:"system,omitempty"`
	Description string          `json:"description,omitempty"`
	Sources     []Citation      `json:"sources"`
	// Claims are the property claims behind the plain fields, each with its own sources.
	Claims []PropertyClaim `json:"claims,omitempty"`
}

// Position is a post a person holds, such as "Premier".
type Position struct {
	Tiered
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	TitleZh string  `json:"titleZh,omitempty"`
	Aliases []Alias `json:"aliases,omitempty"`
	// Identifiers are the node's identifiers in other datasets (Wikidata first), each
	// with its sources.
	Identifiers []Identifier `json:"identifiers,omitempty"`
	Description string       `json:"description,omitempty"`
	// Seats is how many people may hold the post at once (1 for Premier or Foreign
	// Minister); nil when not known. A single-seat post never has two KNOWN holders at
	// one date (CheckInvariants).
	Seats   *int       `json:"seats,omitempty"`
	Sources []Citation `json:"sources"`
	// Claims are the property claims behind the plain fields, each with its own sources.
	Claims []PropertyClaim `json:"claims,omitempty"`
}

// Person is an individual, named family name first as usually romanised.
type Person struct {
	Tiered
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	NameZh  string  `json:"nameZh,omitempty"`
	Aliases []Alias `json:"aliases,omitempty"`
	// Identifiers are the node's identifiers in other datasets (Wikidata first), each
	// with its sources.
	Identifiers []Identifier `json:"identifiers,omitempty"`
	Description string       `json:"description,omitempty"`
	Sources     []Citation   `json:"sources"`
	// Born and Died are the years (or dates) of birth and death, where a source gives them.
	Born *PartialDate `json:"born,omitempty"`
	Died *PartialDate `json:"died,omitempty"`
	// Claims are the property claims behind the plain fields, each with its own sources.
	Claims []PropertyClaim `json:"claims,omitempty"`
}

// Source is a document facts come from.
type Source struct {
	Tiered
	ID        string       `json:"id"`
	Key       string       `json:"key,omitempty"`
	Title     string       `json:"title"`
	Authors   []string     `json:"authors,omitempty"`
	Publisher string       `json:"publisher,omitempty"`
	Date      *PartialDate `json:"date,omitempty"`
	// DateSources cite where the date comes from, as any claim is cited: the passage,
	// the page's revision or the address of the version cited that gives it.
	DateSources []Citation `json:"dateSources,omitempty"`
	URL         string     `json:"url,omitempty"`
	Kind        SourceKind `json:"kind"`
	// Tier is CORPUS or REFERENCE; empty means CORPUS (see EffectiveTier).
	Tier SourceTier `json:"tier,omitempty"`
	// CitedVia is the id of the source through which this one is read, when it is read
	// second-hand.
	CitedVia string `json:"citedVia,omitempty"`
	Note     string `json:"note,omitempty"`
}

// ReportedCount is a study's claim of how many groups existed: a claim, not an entity
// count, to be compared with what the dataset itself knows.
type ReportedCount struct {
	Tiered
	ID         string         `json:"id"`
	Year       int            `json:"year"`
	Value      int            `json:"value"`
	Qualifier  CountQualifier `json:"qualifier"`
	Scope      string         `json:"scope"`
	System     *System        `json:"system,omitempty"`
	Level      *Level         `json:"level,omitempty"`
	Confidence Confidence     `json:"confidence"`
	Note       string         `json:"note,omitempty"`
	Sources    []Citation     `json:"sources"`
}
