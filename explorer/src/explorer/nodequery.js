// The node page's queries: one per node kind, written out, so that each asks only for
// what its page shows and stays far inside the server's default limits (aliases, depth,
// fields, cost). test/nodequery.test.mjs validates them against the schema.

// A node at the far end of a relationship: enough to name it in both languages and, for
// statements and documents, to quote their text or title and date.
export const NODE_REF = `id type label ... on Group { nameZh } ... on Person { nameZh } ... on Office { nameZh }
  ... on Institution { nameZh } ... on Position { titleZh } ... on Topic { nameZh }
  ... on Statement { text textZh date until hedge } ... on Document { title titleZh issued }`;
// A citation: where in the source (locator) and, for the corpus, the exact words there (quote).
export const CITE = 'sources { locator quote source { id key title url date tier } }';
// Which source gives which date, where the sources disagree (empty: every source gives
// the dates shown).
const DATE_CLAIMS = 'dateClaims { part value rank sources { locator source { id } } }';
export const REL = `id type direction role succession start end attested incompleteList confidence note
  holding holdingReason holdingReasonDate stored derived via { id title titleZh } node { ${NODE_REF} } ${CITE} ${DATE_CLAIMS}`;

const ALIASES = 'aliases { name editorial }';
const RELS = `relationships(asOf: $asOf, tiers: $tiers) { ${REL} }`;
const CHAIRS = `chairs(asOf: $asOf, tiers: $tiers) { ${REL} }`;

// What each kind's page reads besides its relationships.
const KIND_FIELDS = {
  Group: `name nameZh kind system level jurisdiction horizon categories crossSystem established abolished description ${ALIASES} ${CITE} ${RELS} ${CHAIRS}`,
  Person: `name nameZh born died description ${ALIASES} ${CITE} ${RELS} ${CHAIRS}`,
  Position: `title titleZh description ${ALIASES} ${CITE} ${RELS} ${CHAIRS}`,
  Institution: `name nameZh kind system description ${ALIASES} ${CITE} ${RELS}`,
  Office: `name nameZh kind staffing placement description ${ALIASES} ${CITE} ${RELS}`,
  Topic: `name nameZh description ${ALIASES} ${CITE} ${RELS}`,
  Document: `title titleZh kind issued description ${ALIASES} ${CITE} ${RELS}`,
  Statement: `text textZh date until confidence hedge note ${CITE} ${RELS}`,
  Source: 'key title authors publisher date url kind tier note citedVia { id title }',
  ReportedCount: `year value qualifier scope system level confidence note ${CITE}`,
};
// Kinds whose page has no relationships, so no date or tier to ask them at.
export const UNTIMED = ['Source', 'ReportedCount'];
export const KINDS = Object.keys(KIND_FIELDS);

// The GraphQL type of a node id's kind ("group/x" → Group); null for kinds without a page.
export function typeOfId(id) {
  const prefix = String(id || '').split('/')[0];
  if (prefix === 'count') return 'ReportedCount';
  return KINDS.find((k) => k.toLowerCase() === prefix) || null;
}

// nodeQuery is the query for a node of the given GraphQL type.
export function nodeQuery(typeName) {
  const fields = KIND_FIELDS[typeName];
  if (!fields) throw new Error(`no page for ${typeName}`);
  const vars = UNTIMED.includes(typeName) ? '' : ', $asOf: PartialDate, $tiers: [SourceTier!]';
  return `query ${typeName}Page($id: ID!${vars}) { node(id: $id) { id ... on GraphNode { type label } ... on ${typeName} { ${fields} } } }`;
}

// Relationship types whose far end is a statement or a document: the page lists those
// apart, quoting the text, rather than in the table of ties.
export const ABOUT_TYPES = ['ABOUT', 'ISSUED_BY', 'CONCERNS', 'BASED_ON'];
