// Lints every neo4j/cypher/*.cypher file with Neo4j's own Cypher language service
// (@neo4j-cypher/language-support: the parser plus the Neo4j compiler's semantic analysis).
// Any diagnostic, error or warning, fails the run and is printed as file:line:column.
//
// Each statement is checked against a schema that declares exactly what our code may use:
// the labels and relationship types the store writes (the whitelists spelled out in
// upsert_nodes.cypher and create_relations.cypher), the property keys of neo4j/props.go,
// the functions and procedures the statements call, and, per file, the parameters its
// header comment declares ("// Parameters: $a (...), $b (...)"). A parameter used but not
// declared is an error from the language service; one declared but unused is an error here.
//
// Usage: node lint.mjs [DIR]   (DIR defaults to ../cypher)
//        node lint.mjs --expect-failures DIR   (every file in DIR must be rejected)
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's ESM build uses extensionless imports that Node cannot load; its CommonJS
// bundle is the entry point Node is meant to use.
const { lintCypherQuery, parseParameters, testData } = createRequire(import.meta.url)(
  '@neo4j-cypher/language-support',
);

const VERSION = 'CYPHER 5';

const labels = ['Entity', 'AtlasMeta', 'AtlasAudit', 'AtlasProposal', 'AtlasVersion', 'AtlasWrite', 'Group', 'Office', 'Institution', 'Position', 'Person', 'Source', 'ReportedCount',
  'Statement', 'Topic', 'Document'];
const relationshipTypes = [
  'CHAIRS', 'MEMBER_OF', 'SUPERVISES', 'REPORTS_TO', 'HAS_OFFICE', 'HOSTED_BY',
  'DIRECTS', 'HOLDS', 'POSITION_IN', 'SUCCEEDED_BY', 'PARTY_GROUP_OF',
  'ABOUT', 'ISSUED_BY', 'CONCERNS', 'BASED_ON',
];
const propertyKeys = [
  // every node
  'scopedId', 'ns', 'id', 'nodeKind', 'sortName', 'sortEstablished', 'searchKeys', 'searchNames',
  'searchText', 'searchTerms', 'aliasNames', 'aliases', 'claims', 'sources', 'description', 'citedSources',
  // per kind
  'name', 'nameZh', 'kind', 'system', 'level', 'jurisdiction', 'horizon', 'categories', 'crossSystem',
  'established', 'abolished', 'observedUntil', 'knownFrom', 'validFrom', 'validTo', 'staffing', 'placement',
  'title', 'titleZh', 'key', 'authors', 'publisher', 'date', 'dateSources', 'url', 'citedVia', 'tier', 'note',
  'year', 'value', 'qualifier', 'scope', 'confidence',
  'text', 'textZh', 'until', 'hedge', 'issued', 'born', 'died', 'chairNotKnown', 'membersIncomplete', 'endedDateUnknown',
  'dateConfidence', 'identifiers',
  'seats',
  // relationships: what Cypher filters on, and the record every read decodes (neo4j/record.go)
  'role', 'attestedOnly', 'attestedFrom', 'attestedTo', 'tiers', 'relayedBy', 'record',
  // meta node
  'revision',
  // curation: audit entries, proposals, record versions
  'actor', 'at', 'keys', 'entry', 'json', 'status', 'key', 'changes',
  // write records: the nodes each write touched
  'nodes',
];
// The built-in functions the statements call. Their signatures are taken from the function
// listing of a Neo4j 5 server that the language-support package ships as its test schema, so
// that semantic analysis checks argument types; a function missing here is an error.
const usedFunctions = ['any', 'coalesce', 'collect', 'count', 'endNode', 'properties', 'range', 'size', 'startNode', 'type'];
// The procedures the statements call (full-text search), from the same listing.
const usedProcedures = ['db.awaitIndexes', 'db.index.fulltext.queryNodes', 'db.index.fulltext.queryRelationships'];

function procedureRegistry() {
  const known = testData?.mockSchema?.procedures?.[VERSION] ?? {};
  const out = {};
  for (const name of usedProcedures) {
    if (!known[name]) throw new Error(`no signature for procedure ${name} in the language-support package`);
    out[name] = known[name];
  }
  return out;
}

function functionRegistry() {
  const known = testData?.mockSchema?.functions?.[VERSION] ?? {};
  const out = {};
  for (const name of usedFunctions) {
    if (!known[name]) throw new Error(`no signature for function ${name} in the language-support package`);
    out[name] = known[name];
  }
  return out;
}

// declaredParameters reads the "// Parameters:" header, which may continue on following
// comment lines until the next "// Index:" line.
function declaredParameters(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('// Parameters:'));
  if (start < 0) return null;
  const names = new Set();
  for (let i = start; i < lines.length && lines[i].startsWith('//'); i++) {
    if (i > start && lines[i].startsWith('// Index:')) break;
    for (const m of lines[i].matchAll(/\$([A-Za-z][A-Za-z0-9]*)/g)) names.add(m[1]);
  }
  return names;
}

// Paths are printed from the repository root, as an editor or CI log expects them.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function lintFile(file, functions, procedures) {
  const text = readFileSync(file, 'utf8');
  const problems = [];
  const where = (line, col) => `${relative(repoRoot, file)}:${line + 1}:${col + 1}`;
  const declared = declaredParameters(text);
  if (declared === null) {
    problems.push(`${where(0, 0)}: error: no "// Parameters:" header`);
    return problems;
  }
  if (!/^\/\/ Index:/m.test(text)) problems.push(`${where(0, 0)}: error: no "// Index:" header`);
  const parameters = Object.fromEntries([...declared].map((p) => [p, '']));
  const schema = {
    labels, relationshipTypes, propertyKeys, parameters,
    functions: { [VERSION]: functions }, procedures: { [VERSION]: procedures },
    defaultLanguage: VERSION,
  };
  for (const d of lintCypherQuery(text, schema)) {
    const level = d.severity === 1 ? 'error' : 'warning';
    problems.push(`${where(d.range.start.line, d.range.start.character)}: ${level}: ${d.message}`);
  }
  const used = new Set(parseParameters(text, false));
  for (const p of declared) {
    if (!used.has(p)) problems.push(`${where(0, 0)}: error: parameter $${p} is declared in the header but not used`);
  }
  // One statement per file: a second statement is a mistake even if each is valid.
  const statements = text.replace(/\/\/.*$/gm, '').split(';').filter((s) => s.trim() !== '');
  if (statements.length !== 1) problems.push(`${where(0, 0)}: error: ${statements.length} statements; want exactly one`);
  return problems;
}

function main(argv) {
  const expectFailures = argv[0] === '--expect-failures';
  const args = expectFailures ? argv.slice(1) : argv;
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = resolve(args[0] ?? join(here, '..', 'cypher'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort().map((f) => join(dir, f));
  if (files.length === 0) {
    console.error(`cypherlint: no .cypher files in ${dir}`);
    return 1;
  }
  const functions = functionRegistry();
  const procedures = procedureRegistry();
  let failed = 0;
  for (const file of files) {
    const problems = lintFile(file, functions, procedures);
    if (expectFailures) {
      // A fixture of broken statements proves the linter rejects what it should.
      if (problems.length === 0) {
        console.error(`${file}: error: expected diagnostics for this broken statement, got none`);
        failed++;
      }
      continue;
    }
    for (const p of problems) console.error(p);
    if (problems.length > 0) failed++;
  }
  const what = expectFailures ? 'broken fixtures not rejected' : 'files with diagnostics';
  console.log(`cypherlint: ${files.length} file(s) in ${basename(dir)}/, ${failed} ${what}`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
