package conformance

import "lsgatlas/atlas"

func ptr[T any](v T) *T { return &v }

func cite(source, locator string) []atlas.Citation {
	return []atlas.Citation{{Source: source, Locator: locator}}
}

// quoted is a citation with the exact fragment of the passage, as corpus citations carry.
func quoted(source, locator, quote string) []atlas.Citation {
	return []atlas.Citation{{Source: source, Locator: locator, Quote: quote}}
}

// Fixture is a small graph built to exercise every Store method and every "as of" edge
// case: open and closed intervals, a group's abolition bounding open relations, facts
// known only by attestation, month and day precision, disputed parallel claims. It is
// invented test data, not a claim about the world.
func Fixture() *atlas.Dataset {
	alpha, beta, gamma := "source/alpha", "source/beta", "source/gamma"
	return &atlas.Dataset{
		Sources: []*atlas.Source{
			{ID: alpha, Key: "alpha", Title: "Alpha Study", Authors: []string{"A. Author"}, Date: atlas.DatePtr("2020-06"), Kind: "ANALYSIS"},
			// The date of the version cited, cited like any claim (here, by the report's own cover).
			{ID: beta, Key: "beta", Title: "Beta Report", Date: atlas.DatePtr("2010"), DateSources: cite(beta, "cover"), Kind: "REPORT", CitedVia: alpha},
			{ID: gamma, Key: "gamma", Title: "Gamma Encyclopedia", Kind: "ENCYCLOPEDIA"},
		},
		Groups: []*atlas.Group{
			{ID: "group/foreign-affairs-lsg", Name: "Foreign Affairs Leading Small Group", NameZh: "中央外事工作领导小组",
				Aliases: []atlas.Alias{{Name: "FALSG", Source: alpha}}, Kind: atlas.LeadingSmallGroup,
				System: ptr(atlas.PartySystem), Level: ptr(atlas.Level("CENTRAL")), Horizon: ptr(atlas.Horizon("PERMANENT")),
				Categories: []atlas.Category{"FOREIGN_AFFAIRS_UNITED_FRONT"}, Established: atlas.DatePtr("1958"), Abolished: atlas.DatePtr("2018-03"),
				Description: "Fixture group that was upgraded.", Sources: cite(alpha, "s1"),
				// Three sources, three founding years: the plain field shows the preferred one.
				Claims: []atlas.PropertyClaim{
					{Property: atlas.PropEstablished, Value: "1958", Sources: quoted(alpha, "s1", "the group was formed in 1958"), Confidence: atlas.Disputed, Rank: atlas.Preferred, Note: "Alpha dates it precisely."},
					{Property: atlas.PropEstablished, Value: "1954", Sources: cite(beta, "history"), Confidence: atlas.Disputed, Rank: atlas.Normal},
					{Property: atlas.PropEstablished, Value: "1950", Sources: cite(gamma, "history"), Confidence: atlas.Disputed, Rank: atlas.Deprecated, Note: "A misprint."},
					{Property: atlas.PropAlias, Value: "FALSG", Sources: cite(alpha, "s1"), Confidence: atlas.Stated, Rank: atlas.Normal},
				}},
			{ID: "group/foreign-affairs-commission", Name: "Foreign Affairs Commission", NameZh: "中央外事工作委员会",
				Aliases: []atlas.Alias{{Name: "CFAC", Source: alpha}}, Kind: atlas.Commission,
				System: ptr(atlas.PartySystem), Level: ptr(atlas.Level("CENTRAL")), Horizon: ptr(atlas.Horizon("PERMANENT")),
				Categories: []atlas.Category{"FOREIGN_AFFAIRS_UNITED_FRONT"}, Established: atlas.DatePtr("2018-03"), Sources: cite(alpha, "s2")},
			{ID: "group/deepening-reform", Name: "Deepening Reform Group", Kind: atlas.LeadingSmallGroup,
				System: ptr(atlas.JointSystem), Level: ptr(atlas.Level("CENTRAL")), Horizon: ptr(atlas.Horizon("MEDIUM_TERM")),
				Categories: []atlas.Category{"ECONOMY_FINANCE", "PARTY_BUILDING"}, CrossSystem: true,
				Established: atlas.DatePtr("2013-12-30"), Sources: cite(gamma, "history")},
			{ID: "group/guangdong-group", Name: "Guangdong Provincial Group", Kind: atlas.WorkingGroup,
				System: ptr(atlas.LocalSystem), Level: ptr(atlas.Level("PROVINCIAL")), Jurisdiction: "Guangdong", Sources: cite(gamma, "provinces"),
				// Unknown is not none: gamma names the group but says its chair and members are not known.
				ChairNotKnown: true, MembersIncomplete: true,
				Claims: []atlas.PropertyClaim{
					{Property: atlas.PropChairNotKnown, Value: "true", Sources: cite(gamma, "provinces, footnote"), Confidence: atlas.Stated, Rank: atlas.Preferred},
					{Property: atlas.PropMembersIncomplete, Value: "true", Sources: cite(gamma, "provinces, footnote"), Confidence: atlas.Stated, Rank: atlas.Preferred},
				}},
		},
		Offices: []*atlas.Office{
			{ID: "office/commission-general-office", Name: "Commission General Office", Kind: "GENERAL_OFFICE",
				Staffing: ptr(atlas.Staffing("PERMANENT")), Placement: ptr(atlas.Placement("IN_PARTY_ENTITY")), Sources: cite(alpha, "s3")},
		},
		Institutions: []*atlas.Institution{
			{ID: "institution/ministry-of-foreign-affairs", Name: "Ministry of Foreign Affairs", NameZh: "外交部",
				Aliases: []atlas.Alias{{Name: "MFA", Editorial: true}}, Kind: "MINISTRY", System: ptr(atlas.StateCouncilSystem), Sources: cite(alpha, "s1")},
			{ID: "institution/standing-committee", Name: "Politburo Standing Committee", Kind: "PARTY_LEADERSHIP", System: ptr(atlas.PartySystem), Sources: cite(gamma, "structure")},
		},
		Positions: []*atlas.Position{
			{ID: "position/general-secretary", Title: "General Secretary", TitleZh: "总书记", Sources: cite(alpha, "s1")},
		},
		People: []*atlas.Person{
			{ID: "person/xi-jinping", Name: "Xi Jinping", NameZh: "习近平", Aliases: []atlas.Alias{{Name: "Xí Jìnpíng", Editorial: true}}, Sources: cite(alpha, "s2")},
			{ID: "person/hu-jintao", Name: "Hu Jintao", NameZh: "胡锦涛", Sources: cite(alpha, "s1")},
			// Died: open seats end at the death (atlas.Relation.HolderDeaths).
			{ID: "person/li-keqiang", Name: "Li Keqiang", NameZh: "李克强", Died: atlas.DatePtr("2023-10-27"), Sources: cite(alpha, "s2")},
			{ID: "person/yang-jiechi", Name: "Yang Jiechi", NameZh: "杨洁篪", Sources: cite(beta, "member list")},
		},
		Relations: []*atlas.Relation{
			{Type: atlas.Chairs, From: "person/xi-jinping", To: "group/foreign-affairs-commission", Start: atlas.DatePtr("2018-03"), Confidence: atlas.Stated, Sources: quoted(alpha, "s2", "Xi chairs the commission")},
			{Type: atlas.Chairs, From: "position/general-secretary", To: "group/foreign-affairs-lsg", Confidence: atlas.Stated, Sources: cite(alpha, "s1")},
			{Type: atlas.Holds, From: "person/hu-jintao", To: "position/general-secretary", Start: atlas.DatePtr("2002-11"), End: atlas.DatePtr("2012-11"), Confidence: atlas.Stated, Sources: cite(alpha, "s1")},
			{Type: atlas.Holds, From: "person/xi-jinping", To: "position/general-secretary", Start: atlas.DatePtr("2012-11"), Confidence: atlas.Stated, Sources: cite(alpha, "s1")},
			{Type: atlas.MemberOf, From: "person/li-keqiang", To: "group/foreign-affairs-commission", Role: ptr(atlas.MemberRole("DEPUTY_LEADER")),
				Start: atlas.DatePtr("2018-03"), End: atlas.DatePtr("2023-03"), Confidence: atlas.Stated, Sources: cite(alpha, "s2")},
			{Type: atlas.MemberOf, From: "person/yang-jiechi", To: "group/foreign-affairs-lsg", Role: ptr(atlas.MemberRole("MEMBER")),
				Attested: []atlas.PartialDate{atlas.MustDate("2010")}, IncompleteList: true, Confidence: atlas.Reported, Sources: cite(beta, "member list")},
			{Type: atlas.MemberOf, From: "institution/ministry-of-foreign-affairs", To: "group/foreign-affairs-lsg", Role: ptr(atlas.MemberRole("MEMBER")),
				Attested: []atlas.PartialDate{atlas.MustDate("2010"), atlas.MustDate("2013-06")}, Confidence: atlas.Reported, Sources: cite(beta, "member list")},
			{ID: "member_of/li-keqiang/deepening-reform/deputy", Type: atlas.MemberOf, From: "person/li-keqiang", To: "group/deepening-reform", Role: ptr(atlas.MemberRole("DEPUTY_LEADER")),
				Start: atlas.DatePtr("2013-12"), Confidence: atlas.Disputed, DateConfidence: ptr(atlas.Inferred), Note: "Alpha says deputy leader; the month is the curators' inference.", Sources: cite(alpha, "s4")},
			{ID: "member_of/li-keqiang/deepening-reform/member", Type: atlas.MemberOf, From: "person/li-keqiang", To: "group/deepening-reform", Role: ptr(atlas.MemberRole("MEMBER")),
				Start: atlas.DatePtr("2013-12"), Confidence: atlas.Disputed, Note: "Gamma says ordinary member.", Sources: cite(gamma, "history")},
			{Type: atlas.SucceededBy, From: "group/foreign-affairs-lsg", To: "group/foreign-affairs-commission", Succession: ptr(atlas.SuccessionKind("UPGRADED")),
				Start: atlas.DatePtr("2018-03"), Confidence: atlas.Stated, Sources: cite(alpha, "s2")},
			{Type: atlas.HasOffice, From: "group/foreign-affairs-commission", To: "office/commission-general-office", Start: atlas.DatePtr("2018"), Confidence: atlas.Stated, Sources: cite(alpha, "s3")},
			{Type: atlas.HostedBy, From: "office/commission-general-office", To: "institution/standing-committee", Confidence: atlas.Inferred, Note: "Fixture inference.", Sources: cite(alpha, "s3")},
			{Type: atlas.Directs, From: "person/yang-jiechi", To: "office/commission-general-office", Start: atlas.DatePtr("2018-03"), End: atlas.DatePtr("2022-10-23"), Confidence: atlas.Stated, Sources: cite(alpha, "s3")},
			{Type: atlas.ReportsTo, From: "group/foreign-affairs-commission", To: "institution/standing-committee", Confidence: atlas.Stated, Sources: cite(gamma, "structure")},
			{Type: atlas.Supervises, From: "group/foreign-affairs-commission", To: "institution/ministry-of-foreign-affairs", Start: atlas.DatePtr("2018-03"), Confidence: atlas.Stated, Sources: cite(alpha, "s2")},
			{Type: atlas.Supervises, From: "group/deepening-reform", To: "group/guangdong-group", Confidence: atlas.Reported, Sources: cite(gamma, "provinces")},
			{Type: atlas.PositionIn, From: "position/general-secretary", To: "institution/standing-committee", Confidence: atlas.Stated, Sources: cite(gamma, "structure")},
			{Type: atlas.About, From: "statement/small-groups-go-back-to-1941", To: "topic/small-groups", Confidence: atlas.Reported, Sources: cite(beta, "history")},
			{Type: atlas.About, From: "statement/small-groups-go-back-to-1941", To: "group/foreign-affairs-lsg", Confidence: atlas.Inferred, Note: "Fixture: the earliest group named.", Sources: cite(beta, "history")},
			{Type: atlas.IssuedBy, From: "document/group-regulation", To: "institution/standing-committee", Confidence: atlas.Stated, Sources: cite(alpha, "s6")},
			{Type: atlas.Concerns, From: "document/group-regulation", To: "topic/small-groups", Confidence: atlas.Stated, Sources: cite(alpha, "s6")},
			{Type: atlas.BasedOn, From: "document/group-regulation", To: "document/earlier-opinion", Confidence: atlas.Reported, Sources: cite(beta, "footnote")},
		},
		ReportedCounts: []*atlas.ReportedCount{
			{ID: "count/alpha-2017-party", Year: 2017, Value: 26, Qualifier: "EXACT", Scope: "central party groups", System: ptr(atlas.PartySystem), Level: ptr(atlas.Level("CENTRAL")), Confidence: atlas.Reported, Sources: cite(alpha, "counts")},
			{ID: "count/alpha-2017-all", Year: 2017, Value: 83, Qualifier: "EXACT", Scope: "all central groups", Confidence: atlas.Reported, Sources: cite(alpha, "counts")},
			{ID: "count/beta-1981", Year: 1981, Value: 44, Qualifier: "ABOUT", Scope: "central groups", Confidence: atlas.Reported, Sources: cite(beta, "history")},
		},
		Statements: []*atlas.Statement{
			{ID: "statement/small-groups-go-back-to-1941", Text: "Fixture: small groups reportedly go back to 1941.", Date: atlas.DatePtr("1941"),
				Confidence: atlas.Reported, Hedge: "reportedly", Sources: cite(beta, "history")},
		},
		Topics: []*atlas.Topic{
			{ID: "topic/small-groups", Name: "Small groups as an institution", NameZh: "领导小组", Sources: cite(alpha, "s5"),
				Claims: []atlas.PropertyClaim{{Property: atlas.PropName, Value: "Small groups as an institution", Sources: cite(alpha, "s5"), Confidence: atlas.Stated, Rank: atlas.Preferred}}},
		},
		Documents: []*atlas.Document{
			{ID: "document/group-regulation", Title: "Fixture Regulation on Groups", TitleZh: "小组条例", Kind: "REGULATION", Issued: atlas.DatePtr("2015-05-29"),
				Description: "Fixture document.", Sources: cite(alpha, "s6")},
			{ID: "document/earlier-opinion", Title: "Fixture Earlier Opinion", Kind: "OPINION", Issued: atlas.DatePtr("2013"), Sources: cite(beta, "footnote")},
		},
	}
}

// FixtureNodeCount and FixtureRelationCount are the sizes of Fixture.
const (
	FixtureNodeCount     = 3 + 4 + 1 + 2 + 1 + 4 + 3 + 1 + 1 + 2
	FixtureRelationCount = 22
)
