// The live indicator: follows the change feed over Server-Sent Events (graphql-sse; a
// fetch stream, since EventSource cannot POST) and, when a curator's change or an import
// lands, says "data changed at revision N" and refreshes the current view, without a
// reload. It reconnects with Last-Event-ID, so no change is missed while it was away.
// Self-contained: it adds its own element to the header, and does nothing on a service
// without subscriptions.
import { t } from './i18n.js';

const QUERY = 'subscription { changes { cursor revision } }';

// relabelLive says the indicator's state again, in the current language.
export function relabelLive() {
  const el = document.getElementById('live');
  if (!el || !el.dataset.said) return;
  el.textContent = el.dataset.revision ? t('liveChanged', { n: el.dataset.revision }) : t('live');
}

export function followChanges(types, refresh) {
  if (!types.get('Subscription')) return;
  const el = Object.assign(document.createElement('span'), { id: 'live', role: 'status' });
  el.setAttribute('aria-live', 'polite');
  Object.assign(el.style, { fontSize: '0.85em', marginLeft: '1em', opacity: '0.8' });
  el.dataset.state = 'connecting';
  (document.querySelector('header') || document.body).append(el);
  let lastId = '';
  let pending = null; // the revision a refresh is due for
  let refreshing = false;
  let backoff = 1000;

  async function refreshOnce() {
    if (refreshing || pending === null) return;
    refreshing = true;
    const rev = pending;
    pending = null;
    try { await refresh(); } catch { /* the view shows its own error */ }
    el.dataset.refreshed = String(rev);
    refreshing = false;
    refreshOnce();
  }

  function onEvent(data) {
    const change = data && data.data && data.data.changes;
    if (!change) return;
    el.dataset.revision = String(change.revision);
    el.dataset.said = '1';
    relabelLive();
    pending = change.revision;
    // The events of one change arrive together: refresh once they are in.
    setTimeout(refreshOnce, 50);
  }

  async function connect() {
    try {
      const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: QUERY }) });
      if (!res.ok || !res.body) throw new Error(String(res.status));
      el.dataset.state = 'live';
      if (!el.dataset.said) { el.dataset.said = '1'; relabelLive(); }
      backoff = 1000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let end;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          let event = '', data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) lastId = line.slice(4);
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (event === 'next' && data) onEvent(JSON.parse(data));
        }
      }
    } catch { /* reconnect below */ }
    el.dataset.state = 'reconnecting';
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 30000);
  }
  connect();
}
