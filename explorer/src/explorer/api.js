// The GraphQL client: one POST per question, errors surfaced with their codes.
export async function gql(query, variables = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors && body.errors.length) {
    const e = body.errors[0];
    const code = e.extensions && e.extensions.code ? ` (${e.extensions.code})` : '';
    throw new Error(e.message + code);
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
