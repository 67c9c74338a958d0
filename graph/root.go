package graph

// Root is r as the executor's resolver root (Config.Resolvers), each object's resolver
// made once. gqlgen's getters (Resolver.Group and the rest, which go generate rewrites in
// the .resolvers.go files) make a new resolver every time the executor asks for one,
// which it does for every resolver field of every object: 133 of the 2,387 allocations
// of an executed two-level query went to them. The resolvers hold nothing but r, so one
// of each serves every request.
func Root(r *Resolver) ResolverRoot {
	return &root{
		alias:         r.Alias(),
		auditEntry:    r.AuditEntry(),
		citation:      r.Citation(),
		conflict:      r.Conflict(),
		conflictSide:  r.ConflictSide(),
		derivation:    r.Derivation(),
		development:   r.Development(),
		document:      r.Document(),
		entity:        r.Entity(),
		group:         r.Group(),
		institution:   r.Institution(),
		lineageBody:   r.LineageBody(),
		mutation:      r.Mutation(),
		office:        r.Office(),
		path:          r.Path(),
		person:        r.Person(),
		position:      r.Position(),
		propertyClaim: r.PropertyClaim(),
		proposal:      r.Proposal(),
		query:         r.Query(),
		recordChange:  r.RecordChange(),
		relationship:  r.Relationship(),
		reportedCount: r.ReportedCount(),
		source:        r.Source(),
		statement:     r.Statement(),
		subgraph:      r.Subgraph(),
		subscription:  r.Subscription(),
		support:       r.Support(),
		timelineEvent: r.TimelineEvent(),
		topic:         r.Topic(),
	}
}

// root holds one resolver of each object (Root).
type root struct {
	alias         AliasResolver
	auditEntry    AuditEntryResolver
	citation      CitationResolver
	conflict      ConflictResolver
	conflictSide  ConflictSideResolver
	derivation    DerivationResolver
	development   DevelopmentResolver
	document      DocumentResolver
	entity        EntityResolver
	group         GroupResolver
	institution   InstitutionResolver
	lineageBody   LineageBodyResolver
	mutation      MutationResolver
	office        OfficeResolver
	path          PathResolver
	person        PersonResolver
	position      PositionResolver
	propertyClaim PropertyClaimResolver
	proposal      ProposalResolver
	query         QueryResolver
	recordChange  RecordChangeResolver
	relationship  RelationshipResolver
	reportedCount ReportedCountResolver
	source        SourceResolver
	statement     StatementResolver
	subgraph      SubgraphResolver
	subscription  SubscriptionResolver
	support       SupportResolver
	timelineEvent TimelineEventResolver
	topic         TopicResolver
}

func (r *root) Alias() AliasResolver                 { return r.alias }
func (r *root) AuditEntry() AuditEntryResolver       { return r.auditEntry }
func (r *root) Citation() CitationResolver           { return r.citation }
func (r *root) Conflict() ConflictResolver           { return r.conflict }
func (r *root) ConflictSide() ConflictSideResolver   { return r.conflictSide }
func (r *root) Derivation() DerivationResolver       { return r.derivation }
func (r *root) Development() DevelopmentResolver     { return r.development }
func (r *root) Document() DocumentResolver           { return r.document }
func (r *root) Entity() EntityResolver               { return r.entity }
func (r *root) Group() GroupResolver                 { return r.group }
func (r *root) Institution() InstitutionResolver     { return r.institution }
func (r *root) LineageBody() LineageBodyResolver     { return r.lineageBody }
func (r *root) Mutation() MutationResolver           { return r.mutation }
func (r *root) Office() OfficeResolver               { return r.office }
func (r *root) Path() PathResolver                   { return r.path }
func (r *root) Person() PersonResolver               { return r.person }
func (r *root) Position() PositionResolver           { return r.position }
func (r *root) PropertyClaim() PropertyClaimResolver { return r.propertyClaim }
func (r *root) Proposal() ProposalResolver           { return r.proposal }
func (r *root) Query() QueryResolver                 { return r.query }
func (r *root) RecordChange() RecordChangeResolver   { return r.recordChange }
func (r *root) Relationship() RelationshipResolver   { return r.relationship }
func (r *root) ReportedCount() ReportedCountResolver { return r.reportedCount }
func (r *root) Source() SourceResolver               { return r.source }
func (r *root) Statement() StatementResolver         { return r.statement }
func (r *root) Subgraph() SubgraphResolver           { return r.subgraph }
func (r *root) Subscription() SubscriptionResolver   { return r.subscription }
func (r *root) Support() SupportResolver             { return r.support }
func (r *root) TimelineEvent() TimelineEventResolver { return r.timelineEvent }
func (r *root) Topic() TopicResolver                 { return r.topic }
