// The years a relationship's bar covers on a timeline, apart from the drawing so that
// test/spans.test.mjs can check them without a browser.

export const yearOf = (d) => (d ? Number(String(d).slice(0, 4)) : null);

// A node's life in years: a group's establishment and abolition, a person's birth and
// death; null where unknown (or for kinds with no life, such as a post).
export const lifeOf = (n) => ({ start: yearOf(n?.established ?? n?.born), end: yearOf(n?.abolished ?? n?.died), group: Boolean(n?.established) });

// barSpan says where a relationship between `own` and `other` (each a life, as lifeOf
// gives) is drawn: { from, to, undated }, or null when it has no date to stand on. A bar
// never starts before either end existed nor runs past either end's life: its start is
// the relationship's start, or, when the sources give none, the later of the two ends'
// beginnings (an undated fact is drawn over the life of the group it lies in, no earlier
// than the person was born); a fact with no known end runs until either end's life ends,
// or until `last` (this year).
export function barSpan(r, own, other, last) {
  const s = yearOf(r.start), en = yearOf(r.end);
  const starts = [own.start, other.start].filter((y) => y !== null && y !== undefined);
  const floor = starts.length ? Math.max(...starts) : null;
  const openEnd = Math.min(...[own.end, other.end].filter((y) => y !== null && y !== undefined), last);
  if (s === null && en === null) {
    // Undated: over the life of the group it lies in, when that is known; attestations alone
    // are drawn as dots, not as a bar.
    if ((r.attested && r.attested.length) || floor === null || !(own.group || other.group)) return null;
    return { from: floor, to: Math.max(floor, openEnd), undated: true };
  }
  const from = Math.max(s ?? en, floor ?? -Infinity);
  const to = Math.max(from, en ?? openEnd);
  return { from, to, undated: false };
}
