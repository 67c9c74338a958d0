// The GraphiQL playground, bundled so it works offline and from our own origin: the
// schema's docs pane open, a click-to-build query explorer, the README's example queries
// as tabs and as a list, a button that asks the service what the query costs, and a
// link to the Explorer.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { DOC_EXPLORER_PLUGIN, ToolbarButton, useEditorContext } from '@graphiql/react';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import '@graphiql/plugin-explorer/dist/style.css';
import './playground.css';

const fetcher = async (params, opts = {}) => {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(opts.headers || {}) },
    body: JSON.stringify(params),
  });
  return res.json();
};

// What GraphiQL runs queries with: plain JSON, or multipart/mixed for @defer, whose
// parts it shows as they come (GraphQL over HTTP incremental delivery).
const incrementalFetcher = createGraphiQLFetcher({ url: '/graphql' });

// Tabs are titled by operation name, so an anonymous example gets one made from its
// introduction ("Who chairs the Central…" → WhoChairsTheCentral).
const operationName = (title) => title.replace(/[^A-Za-z0-9 ]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 4)
  .map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'Example';
const withTitle = (ex) => {
  const q = ex.query.trim();
  return `# ${ex.title}\n${q.startsWith('{') ? `query ${operationName(ex.title)} ${q}` : q}\n`;
};

function ExampleList({ examples }) {
  const editors = useEditorContext({ nonNull: true });
  return (
    <div className="examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>From the README. Each opens in a new tab.</p>
      <ol>
        {examples.map((ex, i) => (
          <li key={i}>
            <button type="button" onClick={() => { editors.addTab(); setTimeout(() => editors.queryEditor?.setValue(withTitle(ex)), 0); }}>
              {ex.title}
            </button>
            <code>{ex.query.replace(/\s+/g, ' ').slice(0, 70)}</code>
          </li>
        ))}
      </ol>
      <p><a href="/explore/">Open the LSG Atlas Explorer →</a></p>
    </div>
  );
}

// CostButton runs the current query with Atlas-Cost: 1 and shows the cost the service
// reports in the response's extensions (its static cost, depth and time), beside the
// limits a query must stay within.
function CostButton() {
  const editors = useEditorContext({ nonNull: true });
  const [cost, setCost] = useState(null);
  const ask = async () => {
    const query = editors.queryEditor?.getValue() || '';
    let variables;
    try { variables = JSON.parse(editors.variableEditor?.getValue() || '{}'); } catch { variables = {}; }
    try {
      const body = await fetcher({ query, variables }, { headers: { 'Atlas-Cost': '1' } });
      const c = body.extensions && body.extensions.cost;
      setCost(c ? `cost ${c.cost}, depth ${c.depth}, ${c.durationMs} ms` : (body.errors && body.errors[0] ? body.errors[0].message : 'no cost reported'));
    } catch (e) { setCost(String(e)); }
  };
  return (
    <>
      <ToolbarButton onClick={ask} label="Cost: run the query and show what the service counts">
        <span className="cost-icon" aria-hidden="true">¤</span>
      </ToolbarButton>
      {cost && <output id="cost-result" className="cost-result" title={cost}>{cost}</output>}
    </>
  );
}

const ExamplesIcon = () => (
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
    <path d="M5 4h14v16H5z M8 8h8 M8 12h8 M8 16h5" />
  </svg>
);

const explorer = explorerPlugin({ showAttribution: false });

async function start() {
  let examples = [];
  try { examples = await (await fetch('/playground/examples.json')).json(); } catch { /* the list stays empty */ }
  const plugin = { title: 'Examples', icon: ExamplesIcon, content: () => <ExampleList examples={examples} /> };
  const tabs = examples.map((ex) => ({ query: withTitle(ex) }));
  createRoot(document.getElementById('graphiql')).render(
    <GraphiQL fetcher={incrementalFetcher} defaultTabs={tabs.length ? tabs : undefined} plugins={[explorer, plugin]}
      visiblePlugin={DOC_EXPLORER_PLUGIN} defaultEditorToolsVisibility={false}
      toolbar={{ additionalContent: <CostButton /> }}>
      <GraphiQL.Logo><a href="/explore/" className="explorer-link" title="Open the LSG Atlas Explorer">LSG Atlas</a></GraphiQL.Logo>
    </GraphiQL>,
  );
}

start();
