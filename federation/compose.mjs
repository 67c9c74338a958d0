// Composes the LSG Atlas subgraph with the example "biographies" subgraph into an
// Apollo Federation v2 supergraph, using @apollo/composition (what rover runs).
//
//   ATLAS_URL=http://127.0.0.1:18080/graphql node compose.mjs                   # supergraph SDL on stdout
//   ATLAS_URL=http://127.0.0.1:18080/graphql node compose.mjs supergraph.graphql
//
// EXAMPLE_URL sets the routing URL recorded for the example subgraph (it need not
// be running to compose). Exit status: 0 composed; 1 composition errors or serious
// hints; 2 could not fetch or read a subgraph SDL.

import { writeFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { exampleTypeDefs, EXAMPLE_SUBGRAPH_NAME } from './example-subgraph.mjs';

export const ATLAS_SUBGRAPH_NAME = 'atlas';
export const DEFAULT_ATLAS_URL = 'http://127.0.0.1:18080/graphql';
export const DEFAULT_EXAMPLE_URL = 'http://127.0.0.1:4001/graphql';

// Hints we do not treat as serious even though their level is WARN: differing
// descriptions only mean one subgraph's description wins in the supergraph.
const TOLERATED_WARN_HINTS = new Set(['INCONSISTENT_DESCRIPTION']);
// Hints we treat as serious even though their level is INFO: a subgraph SDL that
// is not Federation v2 (no @link) gets silently upgraded from Federation 1.
const SERIOUS_INFO_HINTS = new Set(['IMPLICITLY_UPGRADED_FEDERATION_VERSION']);

export class CompositionFailure extends Error {
  constructor(message, { errors = [], seriousHints = [], hints = [] } = {}) {
    super(message);
    this.name = 'CompositionFailure';
    this.errors = errors;
    this.seriousHints = seriousHints;
    this.hints = hints;
  }
}

/** Fetches a subgraph's SDL with `{ _service { sdl } }`. */
export async function fetchSubgraphSdl(url, { timeoutMs = 10_000 } = {}) {
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: 'query __ApolloGetServiceDefinition__ { _service { sdl } }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new Error(`cannot reach ${url}: ${err.cause?.message ?? err.message}`);
  }
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered HTTP ${res.status} with non-JSON: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) {
    throw new Error(`${url} answered _service with errors: ${body.errors.map((e) => e.message).join('; ')}`);
  }
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== 'string' || sdl.trim() === '') {
    throw new Error(`${url} returned no _service.sdl (HTTP ${res.status})`);
  }
  return sdl;
}

function isSerious(hint) {
  const code = hint.definition.code;
  if (SERIOUS_INFO_HINTS.has(code)) return true;
  return hint.definition.level.name === 'WARN' && !TOLERATED_WARN_HINTS.has(code);
}

export function formatHint(hint) {
  return `[${hint.definition.level.name}] ${hint.definition.code}: ${hint.message}`;
}

export function formatError(err) {
  const code = err.extensions?.code ? `${err.extensions.code}: ` : '';
  return `${code}${err.message}`;
}

/**
 * Composes LSG Atlas (its SDL fetched from atlasUrl, or given as atlasSdl) with the
 * example subgraph. Returns { supergraphSdl, hints, subgraphs } where subgraphs is
 * [{ name, url }]. Throws CompositionFailure on any composition error or serious hint.
 */
export async function composeSupergraph({
  atlasUrl = process.env.ATLAS_URL || DEFAULT_ATLAS_URL,
  atlasSdl,
  exampleUrl = process.env.EXAMPLE_URL || DEFAULT_EXAMPLE_URL,
} = {}) {
  const sdl = atlasSdl ?? (await fetchSubgraphSdl(atlasUrl));
  let atlasTypeDefs;
  try {
    atlasTypeDefs = parse(sdl);
  } catch (err) {
    throw new CompositionFailure(`LSG Atlas SDL does not parse: ${err.message}`, { errors: [err] });
  }
  const subgraphs = [
    { name: ATLAS_SUBGRAPH_NAME, url: atlasUrl, typeDefs: atlasTypeDefs },
    { name: EXAMPLE_SUBGRAPH_NAME, url: exampleUrl, typeDefs: exampleTypeDefs },
  ];
  const result = composeServices(subgraphs);
  const hints = result.hints ?? [];
  if (result.errors?.length) {
    throw new CompositionFailure(`composition failed with ${result.errors.length} error(s)`, {
      errors: result.errors,
      hints,
    });
  }
  const seriousHints = hints.filter(isSerious);
  if (seriousHints.length) {
    throw new CompositionFailure(`composition produced ${seriousHints.length} serious hint(s)`, {
      seriousHints,
      hints,
    });
  }
  return {
    supergraphSdl: result.supergraphSdl,
    hints,
    subgraphs: subgraphs.map(({ name, url }) => ({ name, url })),
  };
}

function isMain() {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const out = process.argv[2];
  let composed;
  try {
    composed = await composeSupergraph();
  } catch (err) {
    if (err instanceof CompositionFailure) {
      console.error(`compose: ${err.message}`);
      for (const e of err.errors) console.error(`  error: ${formatError(e)}`);
      for (const h of err.seriousHints) console.error(`  serious hint: ${formatHint(h)}`);
      for (const h of err.hints.filter((h) => !err.seriousHints.includes(h))) console.error(`  hint: ${formatHint(h)}`);
      process.exit(1);
    }
    console.error(`compose: ${err.message}`);
    process.exit(2);
  }
  for (const h of composed.hints) console.error(`compose: hint: ${formatHint(h)}`);
  if (out) {
    writeFileSync(out, composed.supergraphSdl.endsWith('\n') ? composed.supergraphSdl : `${composed.supergraphSdl}\n`);
    console.error(`compose: wrote supergraph (${composed.subgraphs.map((s) => `${s.name}=${s.url}`).join(', ')}) to ${out}`);
  } else {
    process.stdout.write(composed.supergraphSdl.endsWith('\n') ? composed.supergraphSdl : `${composed.supergraphSdl}\n`);
  }
}
