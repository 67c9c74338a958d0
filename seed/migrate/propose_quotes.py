#!/usr/bin/env python3
"""Propose a quote for every corpus citation that has none in seed/migrate/quotes.json.

A helper for curators, not part of the migration: it reads the passage the locator
names (a line, a section, a table row), and picks the run of at most twelve words there
that best matches the names and years of the record the citation supports. Its
proposals are reviewed and corrected by hand in quotes.json, which citations.py applies.
Entries already in quotes.json are never changed.

Usage: python3 seed/migrate/propose_quotes.py seed/atlas.json seed/migrate/quotes.json
"""
import json
import math
import re
import sys

import citelib

MAX_WORDS = 12

# Where each section of the seed documents lies (1-based line numbers, inclusive).
SECTIONS = {
    "source/rana-2021": [
        ("abstract", 11, 15), ("opening section", 17, 47), ("origins", 29, 29), ("foreign affairs lsg", 49, 79),
        ("lsg functioning", 81, 89), ("current lsg practice", 91, 121), ("indian practices", 123, 145),
        ("conclusion", 147, 159), ("references", 161, 189)],
    "source/lsg-blog-2021": [
        ("types and categories", 11, 32), ("permanent", 15, 15), ("medium-term", 17, 17), ("short-term", 19, 19),
        ("six categories", 21, 28), ("organizational structure", 34, 47), ("lsg networks", 49, 56),
        ("conclusion", 58, 60), ("references", 62, 69), ("introduction", 3, 9)],
    "source/wikipedia-lsg": [("lead", 3, 3), ("role", 5, 19), ("membership", 21, 29)],
    "source/thomas-fp": [
        ("opening section", 1, 5), ("first paragraph", 5, 5), ("internal politics", 7, 11),
        ("foreign policy formulation", 13, 28), ("table 1", 17, 26), ("concentration of power", 30, 39)],
    "source/zhu-2015": [
        ("section 1", 22, 72), ("section 2.1", 76, 92), ("section 2.2", 94, 96), ("section 2.3", 98, 108),
        ("section 2.4", 110, 112), ("section 2.5", 114, 116), ("section 2.6", 118, 134)],
}
# Where the passage a footnote supports lies (its marker's sentence, or the note itself).
FOOTNOTES = {"source/rana-2021": {"1": [21, 35], "2": [21, 37], "3": [29], "4": [29], "5": [47], "6": [53],
                                  "9": [93, 101], "10": [108, 110], "11": [111], "12": [112, 119], "13": [121, 135]}}
# Zhu cites the CCP constitution by article in footnotes 4-9: the sentences they support.
ARTICLES = {"source/zhu-2015": {"article 46": [44, 48], "article 47": [62, 68], "article 10": [67], "chapter": [66]}}
STOP = set("the a an of and in on to for by with from as at is was its it that this be are were has have his her their "
           "which who what or not but also into than then there these those one two three section paragraph line "
           "well such both including while where when however "
           "bullet sentence quoted cited relayed footnote table row rana thomas zhu blog wikipedia".split())


def region(root, locator, lines):
    """The lines of the passage a locator names; a locator naming several places
    ("opening section; section '…'") names all of them."""
    if ";" in locator:
        out = []
        for part in locator.split(";"):
            out += [l for l in region(root, part, lines) if l not in out]
        return sorted(out)
    loc = locator.lower()
    m = re.findall(r"\blines? (\d+)(?:(?: and |-|–|, )(\d+))?", loc)
    if m:
        out = []
        for a, b in m:
            a = int(a)
            b = int(b) if b else a
            out.extend(range(a, b + 1))
        return [l for l in out if 1 <= l <= len(lines)]
    m = re.search(r"row '([^']+)'", locator)
    if m and root == "source/thomas-fp":
        for i in range(17, 27):
            if lines[i - 1].startswith(m.group(1)):
                return [i]
    m = re.search(r"\b(article \d+|chapters? 3)", loc)
    if m and root in ARTICLES:
        for k, lines_of in ARTICLES[root].items():
            if m.group(1).startswith(k):
                return lines_of
    m = re.search(r"footnote (\d+)", loc)
    if m and m.group(1) in FOOTNOTES.get(root, {}):
        return FOOTNOTES[root][m.group(1)]
    best = None
    for name, a, b in SECTIONS.get(root, []):
        if name in loc and (best is None or b - a < best[1] - best[0]):
            best = (a, b)
    if best:
        return list(range(best[0], best[1] + 1))
    return list(range(1, len(lines) + 1))


def literals_of(ds, kind, rec, node, nodes):
    """Phrases that should appear near the passage: names, aliases, years, values."""
    phrases = []

    def names(n):
        if not n:
            return []
        out = [n.get("name"), n.get("title"), n.get("nameZh"), n.get("titleZh")]
        out += [a["name"] for a in n.get("aliases") or []]
        out += [c["value"] for c in n.get("claims") or [] if c["property"] in ("ALIAS", "NAME", "TITLE", "NAME_ZH")]
        return [x for x in out if x]

    alternatives = []
    if kind == "claim":
        if rec["property"] in ("NAME", "NAME_ZH", "ALIAS", "TITLE", "TITLE_ZH", "JURISDICTION"):
            phrases.append((rec["value"], 30))
            alternatives = [[[rec["value"]]], [names(node)]]
        elif re.fullmatch(r"\d{4}(-\d\d){0,2}", rec["value"]):
            phrases.append((rec["value"][:4], 20))
            alternatives = alternatives_of(date_groups(rec["value"]), [names(node)])
        else:
            alternatives = [[names(node)]]
        phrases += [(x, 8) for x in names(node)]
    elif kind == "node":
        phrases += [(x, 10) for x in names(node)]
        alternatives = [[names(node)]]
    elif kind == "relation":
        ends = [names(nodes.get(rec["from"])), names(nodes.get(rec["to"]))]
        for e in ends:
            phrases += [(x, 10) for x in e]
        dates = [d for d in [rec.get("start"), rec.get("end")] + list(rec.get("attested") or []) if d]
        for d in dates:
            phrases.append((d[:4], 6))
        # Both ends, then each end alone, the one named on fewer lines of the passage
        # first (it says more about it); each with the date where a run of words gives it.
        date_alts = date_groups(dates[0]) if dates else []

        def relation_alternatives(passage):
            def spread(names_of):
                return sum(1 for l in passage if any(has(l.lower(), n.lower()) for n in names_of)) or len(passage) + 1
            out = []
            for required in [[ends[0], ends[1]]] + [[e] for e in sorted(ends, key=spread)]:
                out += [alt + required for alt in date_alts] + [required]
            return out + date_alts
        alternatives = relation_alternatives
    elif kind == "count":
        phrases += [(str(rec["value"]), 15), (str(rec["year"]), 10)]
        alternatives = [[[str(rec["value"])], [str(rec["year"])]], [[str(rec["value"])]]]
    basis = " ".join(p for p, _ in phrases)
    if kind in ("statement", "count"):
        basis += " " + (rec.get("text") or rec.get("scope") or "")
    words = re.findall(r"[A-Za-z\u4e00-\u9fff'’-]{4,}", basis)
    tokens = {w.lower() for w in words if w.lower() not in STOP}
    return phrases, tokens, alternatives


def rarity(text_lines, tokens):
    """A token found on few lines of the document says more about a passage."""
    lows = [l.lower() for l in text_lines if l.strip()]
    return {t: math.log((len(lows) + 1) / (1 + sum(1 for l in lows if t in l))) + 0.5 for t in tokens}


def best_window(text_lines, line_numbers, phrases, tokens, alternatives=()):
    """The best window that meets the first requirement set some window of the passage
    can meet: a set is a list of groups, and a window meets it when it contains a
    phrase of every group."""
    for required in list(alternatives) + [[]]:
        required = [[p.lower() for p in g if p] for g in required if any(g)]
        score, frag = best_window_of(text_lines, line_numbers, phrases, tokens, required)
        if frag is not None:
            return score, frag
    return float("-inf"), None


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def date_groups(d):
    """Requirement groups for a partial date, most specific first."""
    y = d[:4]
    years = [y, "-" + y[2:], "–" + y[2:]]
    if len(d) >= 7:
        m = MONTHS[int(d[5:7]) - 1]
        return [[[f"{m} {y}", f"{y}/{d[5:7]}", f"{y}-{d[5:7]}"]], [[m], years], [[m]], [years]]
    return [[years]]


def alternatives_of(date_alts, name_groups):
    """Each date requirement with the names, then alone; then the names alone."""
    out = []
    for alt in date_alts:
        out.append(alt + name_groups)
        out.append(alt)
    out.append(name_groups)
    for i in range(len(name_groups) - 1, 0, -1):
        out.append(name_groups[:i])
    return out


_PATTERNS = {}


def has(low, phrase):
    """Whether a lowercased fragment contains a phrase as whole words ('pla' is not in 'replaced')."""
    pat = _PATTERNS.get(phrase)
    if pat is None:
        pat = _PATTERNS[phrase] = re.compile(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])")
    return pat.search(low) is not None


def best_window_of(text_lines, line_numbers, phrases, tokens, required):
    weight = rarity(text_lines, tokens)
    best = (float("-inf"), None)
    for ln in line_numbers:
        words = text_lines[ln - 1].split()
        for i in range(len(words)):
            if words[i].lower().strip("'\"‘“(") in STOP or re.search(r"[.,;:]$", words[i]):
                continue  # a fragment starts on a word that carries meaning, not on a sentence's tail
            for j in range(i + 1, min(len(words), i + MAX_WORDS) + 1):
                if words[j - 1].lower().strip(",.;:'\"’”)") in STOP:
                    continue
                frag = " ".join(words[i:j])
                low = frag.lower()
                if not all(any(has(low, p) for p in g) for g in required):
                    continue
                score = sum(w for p, w in phrases if has(low, p.lower()))
                score += sum(weight[t] for t in tokens if t in low) * 2
                score -= abs(j - i - 6) * 0.05  # of two equal windows, prefer one of about six words
                if j - i < 4:
                    score -= 3  # too short to find a passage by
                if score > best[0]:
                    best = (score, frag)
    return best


def tidy(frag):
    frag = re.sub(r"(<sup>\d+</sup>)+$", "", frag).strip()
    frag = re.sub(r"^[\"'‘“(*•\-]+", "", frag)
    frag = re.sub(r"[,.;:*(\"“‘”’']+$", "", frag)
    if frag.count("(") > frag.count(")"):
        frag = frag.rstrip(")")
    return frag.strip()


def main(atlas_path, quotes_path):
    ds = citelib.load(atlas_path)
    srcs = citelib.sources_by_id(ds)
    texts = citelib.seed_texts(ds)
    try:
        table = citelib.load(quotes_path)
    except FileNotFoundError:
        table = []
    have = {(e["record"], e["source"], e["locator"]) for e in table}
    nodes = {n["id"]: n for sec in citelib.NODE_SECTIONS for n in ds.get(sec, [])}
    added = 0
    quote_of = {(e["record"], e["source"], e["locator"]): e["quote"] for e in table}
    # Statements first: what a statement is about is told by the statement's own passage.
    ordered = sorted(citelib.records(ds), key=lambda r: r[2] != "statement")
    for key, rec, kind, node in ordered:
        for c in citelib.own_citations(kind, rec):
            if not citelib.is_corpus(srcs, c["source"]) or (key, c["source"], c["locator"]) in have:
                continue
            root = citelib.root_source(srcs, c["source"])
            if root not in texts:
                continue
            told = quote_of.get((f"statement|{rec.get('from')}", c["source"], c["locator"])) if kind == "relation" and rec["type"] == "ABOUT" else None
            if told:
                table.append({"record": key, "source": c["source"], "locator": c["locator"], "quote": told, "score": 0})
                have.add((key, c["source"], c["locator"]))
                added += 1
                continue
            lines = texts[root].split("\n")
            phrases, tokens, required = literals_of(ds, kind, rec, node, nodes)
            passage = region(root, c["locator"], lines)
            if callable(required):
                required = required([lines[i - 1] for i in passage])
            score, frag = best_window(lines, passage, phrases, tokens, required)
            if frag is None:
                continue
            table.append({"record": key, "source": c["source"], "locator": c["locator"], "quote": tidy(frag),
                          "score": round(score, 1)})
            quote_of[(key, c["source"], c["locator"])] = tidy(frag)
            have.add((key, c["source"], c["locator"]))
            added += 1
    table.sort(key=lambda e: (e["record"], e["source"], e["locator"]))
    with open(quotes_path, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in table) + "\n]\n")
    print(f"proposed {added} quotes", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
