// Runs the graphql-http audit suite (GraphQL over HTTP spec) against a running LSG Atlas
// and fails on any error or warning. Usage: node audit.mjs http://127.0.0.1:8080/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url || !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url)) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql (loopback only)');
  process.exit(2);
}
const results = await auditServer({ url });
let bad = 0;
for (const r of results) {
  if (r.status === 'ok') continue;
  bad++;
  console.log(`${r.status.toUpperCase()} ${r.id} ${r.name}: ${r.reason}`);
}
const count = (s) => results.filter((r) => r.status === s).length;
console.log(`graphql-http audit: ${results.length} audits, ${count('ok')} ok, ${count('warn')} warnings, ${count('error')} errors`);
process.exit(bad === 0 ? 0 : 1);
