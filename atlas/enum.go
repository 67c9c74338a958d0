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

// SourceTier says which body of evidence a source belongs to: the corpus (the seed
// documents and the works they relay, the authority on leading small groups) or the
// reference tier (reference pages cited only for what the corpus never gives).
type SourceTier string

const (
	CorpusTier    SourceTier = "CORPUS"
	ReferenceTier SourceTier = "REFERENCE"
)

var SourceTiers = []SourceTier{CorpusTier, ReferenceTier}

// EffectiveTier is the source's tier, CORPUS when the dataset gives none.
func (s *Source) EffectiveTier() SourceTier {
	if s.Tier == "" {
		return CorpusTier
	}
	return s.Tier
}

// TierOf is the tier of a fact cited by cs: CORPUS when any cited source is in the
// corpus, REFERENCE when every one is a reference source, "" when none is known.
// source looks a source up by id.
func TierOf(cs []Citation, source func(id string) *Source) SourceTier {
	var tier SourceTier
	for _, c := range cs {
		s := source(c.Source)
		if s == nil {
			continue
		}
		if s.EffectiveTier() == CorpusTier {
			return CorpusTier
		}
		tier = ReferenceTier
	}
	return tier
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
