// The GraphQL client: one POST per question; an error keeps the API's code (e.code) and
// message (e.detail), which i18n.js's errorText tells the reader in their language.
export async function gql(query, variables = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw Object.assign(new Error(`HTTP ${res.status}`), { code: 'UNAVAILABLE' });
  }
  if (body.errors && body.errors.length) {
    const e = body.errors[0];
    const code = e.extensions && e.extensions.code ? e.extensions.code : '';
    throw Object.assign(new Error(e.message + (code ? ` (${code})` : '')), { code, detail: e.message });
  }
  return body.data;
}

// What the schema offers, read once by introspection, so the Explorer can use fields
// that other releases add (statements, documents, tiers) and skip those they lack.
let schemaPromise;
export function schema() {
  schemaPromise ??= gql(`{ __schema { types { name kind enumValues { name } interfaces { name }
      fields { name args { name type { ...T } } type { ...T } } } } }
    fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`)
    .then((d) => {
      const types = new Map();
      for (const t of d.__schema.types) types.set(t.name, t);
      return types;
    })
    .catch(() => new Map());
  return schemaPromise;
}

export function namedType(ref) {
  while (ref && !ref.name) ref = ref.ofType;
  return ref;
}

export function requiredArgs(field) {
  return field.args.some((a) => a.type.kind === 'NON_NULL');
}
