// A search combobox (WAI-ARIA pattern): type, arrow through suggestions, Enter to pick.
import { gql } from './api.js';
import { nodeLabel, valueLabel, zhName } from './i18n.js';

const SEARCH = `query Search($text: String!, $types: [NodeType!]) {
  search(text: $text, types: $types, first: 8) {
    matched score
    node { id type label
      ... on Group { nameZh } ... on Person { nameZh } ... on Office { nameZh }
      ... on Institution { nameZh } ... on Position { titleZh } }
  }
}`;

import { NODE_TYPES } from './state.js';
let uid = 0;

// exactMatch is the hit whose name (English or Chinese, or id) is the text typed,
// whatever its case: a name typed in full stands for the node without a pick.
export function exactMatch(hits, text) {
  const want = text.trim().toLowerCase();
  if (!want) return null;
  const names = (n) => [n.id, n.label, zhName(n)].filter(Boolean).map((v) => v.toLowerCase());
  const exact = hits.filter((h) => names(h.node).includes(want));
  return exact.length === 1 ? exact[0].node : null;
}

// combobox turns input into a search box; onPick receives the chosen node, onEdit is
// told when the text is changed by hand (so what was picked no longer holds).
export function combobox(input, onPick, { types = NODE_TYPES, onEdit } = {}) {
  const id = `suggest-${++uid}`;
  const list = document.createElement('ul');
  list.id = id;
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', id);
  input.autocomplete = 'off';

  // hitsFor is the text the hits answer: typing outruns the search, and Enter must not
  // pick a suggestion for text no longer in the box.
  let hits = [], hitsFor = '', active = -1, timer, seq = 0;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${id}-${i}`);
  };
  const pick = (i) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = nodeLabel(hit.node);
    close();
    onPick(hit.node);
  };
  const render = () => {
    list.replaceChildren(...hits.map((h, i) => {
      const li = document.createElement('li');
      li.id = `${id}-${i}`;
      li.setAttribute('role', 'option');
      li.dataset.id = h.node.id;
      const zh = zhName(h.node);
      li.innerHTML = `<span class="type t-${h.node.type}"></span><span class="name"></span><span class="zh"></span><span class="matched"></span>`;
      li.children[0].textContent = valueLabel(h.node.type);
      li.children[1].textContent = h.node.label;
      li.children[2].textContent = zh && zh !== h.node.label ? zh : '';
      li.children[3].textContent = h.matched !== h.node.label && h.matched !== zh ? h.matched : '';
      li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(i); });
      return li;
    }));
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    highlight(hits.length ? 0 : -1);
  };
  const lookup = async () => {
    const text = input.value.trim();
    const mine = ++seq;
    if (!text) { hits = []; hitsFor = ''; render(); return; }
    try {
      const d = await gql(SEARCH, { text, types });
      if (mine === seq) { hits = d.search; hitsFor = text; render(); }
    } catch { if (mine === seq) { hits = []; hitsFor = text; render(); } }
  };
  // enter picks the highlighted suggestion for the text in the box, searching first when
  // the suggestions shown are for earlier text; with none shown it only shows them.
  const enter = async () => {
    const text = input.value.trim();
    if (list.hidden) { lookup(); return; }
    if (hitsFor !== text) {
      clearTimeout(timer);
      await lookup();
      if (hitsFor !== input.value.trim()) return; // typed on meanwhile
    }
    if (active >= 0) pick(active);
  };
  input.addEventListener('input', () => { onEdit?.(input.value); clearTimeout(timer); timer = setTimeout(lookup, 120); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length) { e.preventDefault(); if (list.hidden) render(); else highlight((active + 1) % hits.length); }
    else if (e.key === 'ArrowUp' && hits.length) { e.preventDefault(); highlight((active - 1 + hits.length) % hits.length); }
    else if (e.key === 'Enter') { e.preventDefault(); enter(); }
    else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return {
    set(node) { input.value = node ? nodeLabel(node) : ''; },
    // resolve finds the node the text typed names exactly (null when none or several).
    async resolve() {
      const text = input.value.trim();
      if (!text) return null;
      const d = await gql(SEARCH, { text, types });
      const node = exactMatch(d.search, text);
      if (node) { input.value = nodeLabel(node); close(); }
      return node;
    },
  };
}
