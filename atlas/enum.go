package atlas

// The enumerations of the domain brief. Each is a string type whose values are the
// GraphQL enum values, so the API, the dataset file and the database all spell them the
// same way. Extend only with reason; never rename a value.

type GroupKind string

const (
	LeadingSmallGroup GroupKind = "LEADING_SMALL_GROUP"
	Commission        GroupKind = "COMMISSION"
	CoordinationGroup GroupKind = "COORDINATION_GROUP"
	WorkingGroup      GroupKind = "WORKING_GROUP"
	Committee         GroupKind = "COMMITTEE"
	PartyMembersGroup GroupKind = "PARTY_MEMBERS_GROUP"
	OtherGroupKind    GroupKind = "OTHER"
)

var GroupKinds = []GroupKind{LeadingSmallGroup, Commission, CoordinationGroup, WorkingGroup, Committee, PartyMembersGroup, OtherGroupKind}

type System string

const (
	PartySystem        System = "PARTY"
	StateCouncilSystem System = "STATE_COUNCIL"
	MilitarySystem     System = "MILITARY"
	NPCSystem          System = "NPC"
	JointSystem        System = "JOINT"
	LocalSystem        System = "LOCAL"
)

var Systems = []System{PartySystem, StateCouncilSystem, MilitarySystem, NPCSystem, JointSystem, LocalSystem}

type Level string

var Levels = []Level{"CENTRAL", "PROVINCIAL", "PREFECTURAL", "COUNTY", "OTHER"}

type Horizon string

var Horizons = []Horizon{"PERMANENT", "MEDIUM_TERM", "SHORT_TERM"}

type Category string

var Categories = []Category{
	"ORGANIZATION_PERSONNEL", "PUBLICITY_CULTURE_EDUCATION", "POLITICS_LAW",
	"ECONOMY_FINANCE", "FOREIGN_AFFAIRS_UNITED_FRONT", "PARTY_BUILDING",
}

type OfficeKind string

var OfficeKinds = []OfficeKind{"GENERAL_OFFICE", "OFFICE", "DIRECTORATE", "SECRETARIAT", "OTHER"}

type Staffing string

var Staffings = []Staffing{"PERMANENT", "TEMPORARY"}

type Placement string

var Placements = []Placement{"IN_LEAD_DEPARTMENT", "AUTONOMOUS", "IN_PARTY_ENTITY"}

type InstitutionKind string

var InstitutionKinds = []InstitutionKind{
	"PARTY_LEADERSHIP", "PARTY_DEPARTMENT", "STATE_COUNCIL", "MINISTRY", "STATE_AGENCY",
	"MILITARY", "LEGISLATURE", "PROVINCE", "MEDIA", "THINK_TANK", "MASS_ORGANIZATION",
	"SOCIAL_ORGANIZATION", "ENTERPRISE", "OTHER",
}

type SourceKind string

var SourceKinds = []SourceKind{
	"ANALYSIS", "ARTICLE", "BLOG_POST", "ENCYCLOPEDIA", "WORKING_PAPER", "BOOK",
	"JOURNAL_ARTICLE", "REPORT", "OFFICIAL_DOCUMENT", "NEWS", "OTHER",
}

// Confidence says how directly the sources support a fact.
type Confidence string

const (
	Stated   Confidence = "STATED"   // the source says it
	Reported Confidence = "REPORTED" // the source relays someone else
	Inferred Confidence = "INFERRED" // a curator's inference, explained in the note
	Disputed Confidence = "DISPUTED" // sources disagree; each claim is kept with its own source
)

var Confidences = []Confidence{Stated, Reported, Inferred, Disputed}

// MemberRole is the seat a MEMBER_OF relationship gives.
type MemberRole string

var MemberRoles = []MemberRole{
	"DEPUTY_LEADER", "EXECUTIVE_DEPUTY", "MEMBER", "SECRETARY_GENERAL",
	"DEPUTY_SECRETARY_GENERAL", "DEPUTY_SECRETARY", "ADVISER",
}

// SuccessionKind says how one group followed another.
type SuccessionKind string

var SuccessionKinds = []SuccessionKind{"RENAMED", "REPLACED", "UPGRADED", "MERGED", "RECONSTITUTED"}

// CountQualifier says how exact a reported count is.
type CountQualifier string

var CountQualifiers = []CountQualifier{"EXACT", "ABOUT", "AT_LEAST", "AT_MOST"}

// Holding says how surely a fact holds at an "as of" date.
type Holding string

const (
	Known    Holding = "KNOWN"    // the fact is known to hold throughout the date
	Possible Holding = "POSSIBLE" // the fact may hold for part or all of the date
)

// Direction of a relationship seen from one of its ends.
type Direction string

const (
	Outgoing Direction = "OUTGOING"
	Incoming Direction = "INCOMING"
	Both     Direction = "BOTH"
)

// Valid reports whether v is one of the allowed values.
func Valid[T ~string](v T, allowed []T) bool {
	for _, a := range allowed {
		if a == v {
			return true
		}
	}
	return false
}
