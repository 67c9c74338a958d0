// The graph's queries, apart so that test/queries.test.mjs can validate them against the
// schema without a browser.

const NODE_FIELDS = `id type label ... on Group { nameZh kind system level established abolished } ... on Person { nameZh }
  ... on Office { nameZh } ... on Institution { nameZh system } ... on Position { titleZh }`;
const REL_FIELDS = `id type role start end attested holding holdingDuring confidence stored derived via { id title } from { id } to { id }
  sources { locator source { id key } }`;
const FILTER_VARS = '$ids: [ID!]!, $depth: Int, $rt: [RelationshipType!], $nt: [NodeType!], $tiers: [SourceTier!], $derived: Boolean';
const FILTER_ARGS = 'ids: $ids, depth: $depth, relationshipTypes: $rt, nodeTypes: $nt, limit: 400, tiers: $tiers, derived: $derived';

export const NETWORK = `query Network(${FILTER_VARS}, $asOf: PartialDate) {
  network(${FILTER_ARGS}, asOf: $asOf) { truncated nodes { ${NODE_FIELDS} } relationships { ${REL_FIELDS} } }
}`;

// One request for a period: the network over all of it, laid out once, and a frame per
// year saying which of its nodes and relationships hold then.
export const FRAMES = `query Frames(${FILTER_VARS}, $during: Period!) {
  networkFrames(${FILTER_ARGS}, during: $during) {
    network { truncated nodes { ${NODE_FIELDS} } relationships { ${REL_FIELDS} } }
    frames { year nodes truncated relationships { id holding } }
  }
}`;

// The scores of the nodes drawn (ids), whatever their rank.
export const CENTRALITY = `query Centrality($metric: CentralityMetric!, $ids: [ID!]!, $rt: [RelationshipType!], $nt: [NodeType!], $asOf: PartialDate, $during: Period, $tiers: [SourceTier!]) {
  centrality(metric: $metric, ids: $ids, relationshipTypes: $rt, nodeTypes: $nt, asOf: $asOf, during: $during, tiers: $tiers) { node { id } value }
}`;

// A node's names in both languages: the timeline's other ends, a path's ends.
const NAME = `id ... on GraphNode { type label } ... on Group { nameZh } ... on Person { nameZh } ... on Office { nameZh }
  ... on Institution { nameZh } ... on Position { titleZh } ... on Topic { nameZh } ... on Document { titleZh }`;

// With the timeline, each event's other end in both languages, so that it is named in the
// reader's, and each other node's life (a group's establishment and abolition, a person's
// birth and death): a bar starts no earlier than both ends existed (the relationship's
// start, or the later beginning when the sources give no start) and, with no end given,
// runs no further than the life of either end.
export const TIMELINE = `query Timeline($id: ID!, $others: [ID!]!) { timeline(id: $id) {
  kind date succession other { ${NAME} } sources { locator source { id key } } }
  nodes(ids: $others) { id ... on Group { established abolished } ... on Person { born died } } }`;

// The names of the nodes a link gives as a path's ends.
export const PATH_ENDS = `query PathEnds($ids: [ID!]!) { nodes(ids: $ids) { ${NAME} } }`;
