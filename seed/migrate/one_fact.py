#!/usr/bin/env python3
"""Issue 20 (trust rules): one fact, one relationship; dated chairing rules; lifetimes.

Deterministic and idempotent: every change is keyed by ids and by (type, from, to, role,
succession), never by array position, so it can be re-run on top of other edits of
seed/atlas.json. Running it twice changes nothing.

1. One fact, one relationship. Relations telling the same fact (same type, ends, role
   and kind of succession) at times that may overlap become one relation. Its sources
   are every citation of every line of evidence; which source gives which date is kept
   in `dateClaims` (one claim per start, end or attestation a source gives, with that
   source's citations), ranked: the corpus's dates are PREFERRED over a reference page's
   where both give one, as for property claims. Relations of one key with a start or end
   whose dates cannot share a day are distinct tenures and stay apart; an undated or
   attested-only line joins the tenure its attestation falls in, or the one named in
   ATTACH; attested-only lines of a fact with no tenure are one relation.
2. Chairing rules taken from an undated snapshot (Thomas's Table 1) get the date range
   the curators infer from the article's content (INFERRED dates, with a note), so that
   they derive no chair outside it.
3. The cross-system groups, which Rana ties to the March 2018 changes, get that
   establishment date (an INFERRED claim with a note): nothing about them holds before.
4. Posts that one person holds at a time record it (`seats: 1`).

Usage: python3 seed/migrate/one_fact.py seed/atlas.json   (rewrites the file in place)

Run it after the other migrations of the same file (seed/migrate/citations.py of issue
20's citation work, for instance): it merges whatever relations tell one fact at the time
it runs, and records the merged lines as they were in seed/testdata/one-fact-lines.json.
"""
import calendar
import json
import sys

# Undated corpus lines that name the holder of a post the holder held more than once:
# which tenure (by relation id) the line belongs to, and why.
ATTACH = {
    ("HOLDS", "person/wang-yi", "position/foreign-minister", "source/thomas-fp"):
        "holds/person/wang-yi/position/foreign-minister/reference-2013",
}

THOMAS_NOTE = ("Dates inferred by the curators: Thomas's article is undated, but it speaks of the Foreign "
               "Affairs Commission created in 2018 as current and names Li Keqiang as the current Premier, so "
               "it was written after March 2018 and before Li Keqiang left office on 11 March 2023. Its "
               "Table 1 describes the groups as they stood then: the rule is taken to hold over that period "
               "only, and derives no chair before or after it.")
# (position, group) of each chairing rule of Thomas's Table 1, all attested for the
# period of the article's writing.
THOMAS_RULES = [
    ("position/general-secretary", "group/foreign-affairs-leading-small-group"),
    ("position/general-secretary", "group/finance-and-economy-leading-small-group"),
    ("position/general-secretary", "group/state-security-leading-small-group"),
    ("position/general-secretary", "group/taiwan-affairs-leading-small-group"),
    ("position/premier", "group/foreign-affairs-leading-small-group"),
    ("position/premier", "group/finance-and-economy-leading-small-group"),
    ("position/premier", "group/energy-leading-small-group"),
]
THOMAS_RULES_START, THOMAS_RULES_END = "2018-03", "2023-03-10"
OLD_THOMAS_NOTES = [
    "Dates inferred by the curators: Thomas's article is undated, but it speaks of the Foreign "
    "Affairs Commission created in 2018 as current and names Li Keqiang as the current Premier, so "
    "it was written between March 2018 and March 2023. Its Table 1 describes the groups as they "
    "stood then: the rule is taken to hold over that period only, and derives no chair before or "
    "after it.",
    "Dates inferred by the curators: Thomas's article is undated. It describes the groups under Xi Jinping, "
    "General Secretary since 2012 as it says, after the 2018 creation of the Foreign Affairs Commission, and "
    "names Li Keqiang as the current Premier, so it was written before March 2023. The table's rule is taken "
    "to hold over that period only: it derives no chair before or after it.",
    " For the Premier, the period starts with Li Keqiang's premiership (March 2013), the Premier the article names.",
]

CROSS_SYSTEM = ["group/cross-system-national-security-leading-small-group",
                "group/cross-system-foreign-affairs-leading-small-group",
                "group/cross-system-political-legal-leading-small-group"]
CROSS_SYSTEM_CLAIM = {
    "property": "ESTABLISHED", "value": "2018-03",
    "sources": [{"source": "source/rana-2021",
                 "locator": "section 'Current LSG practice', bullet on the three top-level LSGs (footnote 11)"}],
    "confidence": "INFERRED", "rank": "PREFERRED",
    "note": ("Rana places the three cross-system groups among the changes of the March 2018 reforms "
             "('as part of the above changes'); no source gives a founding date, so the curators date "
             "the group to those reforms. Nothing about it is taken to hold before."),
}

SINGLE_SEAT = [
    "position/general-secretary", "position/president", "position/chairman-of-the-central-military-commission",
    "position/premier", "position/executive-vice-premier", "position/foreign-minister",
    "position/minister-of-commerce", "position/minister-of-national-defence", "position/minister-of-state-security",
    "position/head-of-the-international-department", "position/chairman-of-the-ndrc",
    "position/head-of-the-propaganda-department", "position/head-of-the-united-front-work-department",
    "position/director-of-the-general-office-of-the-ccp-central-committee",
]

# Boilerplate of a reference-only relation that is no longer true of a merged one.
REFERENCE_BOILERPLATE = [
    "Reference tier: from the cited reference page, not the corpus.",
    "The corpus dates this holding differently; both are kept and the corpus relation is preferred.",
]

CONFIDENCE_ORDER = ["STATED", "REPORTED", "INFERRED", "DISPUTED"]


def earliest(s):
    parts = [int(x) for x in s.split("-")]
    return (parts + [1, 1])[0] * 10000 + (parts + [1, 1])[1] * 100 + (parts + [1, 1])[2]


def latest(s):
    parts = [int(x) for x in s.split("-")]
    y = parts[0]
    m = parts[1] if len(parts) > 1 else 12
    d = parts[2] if len(parts) > 2 else calendar.monthrange(y, m)[1]
    return y * 10000 + m * 100 + d


def intervals(r):
    """The days a relation may hold on, as atlas.Span.Bounds sees it (lifetimes aside)."""
    start, end, att = r.get("start"), r.get("end"), r.get("attested") or []
    if start is None and end is None and att:
        return [(earliest(a), latest(a)) for a in att]
    return [(earliest(start) if start else 0, latest(end) if end else 99991231)]


def overlaps(a, b):
    return any(x[0] <= y[1] and y[0] <= x[1] for x in intervals(a) for y in intervals(b))


def key(r):
    return (r["type"], r["from"], r["to"], r.get("role"), r.get("succession"))


def rid(r):
    return r.get("id") or "%s/%s/%s" % (r["type"].lower(), r["from"], r["to"])


def dated(r):
    return r.get("start") is not None or r.get("end") is not None


def merge_lines(lines, corpus):
    """One relation from several lines of evidence for one fact."""
    def is_corpus(r):
        return any(c["source"] in corpus for c in r["sources"])

    # The line whose id the fact keeps: a corpus line (the default id), else the first.
    lines = sorted(lines, key=lambda r: (not is_corpus(r), r.get("id") is not None, rid(r)))
    base = dict(lines[0])
    base["id"] = lines[0].get("id")
    sources = []
    for r in lines:
        for c in r["sources"]:
            if c not in sources:
                sources.append(c)
    conf = min((r["confidence"] for r in lines), key=CONFIDENCE_ORDER.index)
    if all(r["confidence"] == "DISPUTED" for r in lines):
        conf = "DISPUTED"
    # A reference page's DISPUTED marks its dates against the corpus, not the fact.
    conf = min((r["confidence"] for r in lines if r["confidence"] != "DISPUTED"),
               key=CONFIDENCE_ORDER.index, default=conf)

    def date_rank(r):
        # corpus first, then a line that is not disputed, then the more precise date
        return (not is_corpus(r), r["confidence"] == "DISPUTED", rid(r))

    claims = []
    preferred = {}
    for part, field in (("START", "start"), ("END", "end")):
        givers = sorted([r for r in lines if r.get(field)], key=date_rank)
        for i, r in enumerate(givers):
            c = {"part": part, "value": r[field], "sources": r["sources"],
                 "confidence": r.get("dateConfidence") or r["confidence"],
                 "rank": "PREFERRED" if i == 0 else "NORMAL"}
            if c["confidence"] == "INFERRED" or len({g[field] for g in givers}) > 1:
                c["note"] = clean_note(r.get("note", "")) or "Dates as this source gives them."
            claims.append(c)
            if i == 0:
                preferred[field] = r
    attested = []
    for r in sorted(lines, key=date_rank):
        for a in r.get("attested") or []:
            claims.append({"part": "ATTESTED", "value": a, "sources": r["sources"],
                           "confidence": r.get("dateConfidence") or r["confidence"], "rank": "NORMAL"})
            if a not in attested:
                attested.append(a)
    for c in claims:
        if c["confidence"] == "INFERRED" and not c.get("note"):
            c["note"] = clean_note(next(r.get("note", "") for r in lines if r["sources"] == c["sources"])) or \
                "Date inferred by the curators from the cited passage."
    disputed = any(len({c["value"] for c in claims if c["part"] == p}) > 1 for p in ("START", "END"))
    date_conf = None
    if disputed:
        date_conf = "DISPUTED"
    else:
        confs = [c["confidence"] for c in claims if c["rank"] == "PREFERRED" or c["part"] == "ATTESTED"]
        weakest = max(confs, key=CONFIDENCE_ORDER.index, default=conf)
        if confs and weakest != conf:
            date_conf = weakest
    notes = []
    for r in lines:
        n = clean_note(r.get("note", ""))
        if n and n not in notes:
            notes.append(n)
    out = {}
    for k in base:
        out[k] = base[k]
    out["start"] = preferred["start"]["start"] if "start" in preferred else None
    out["end"] = preferred["end"]["end"] if "end" in preferred else None
    out["attested"] = attested
    out["incompleteList"] = any(r.get("incompleteList") for r in lines)
    out["confidence"] = conf
    if date_conf is not None and (out["start"] or out["end"] or attested):
        out["dateConfidence"] = date_conf
    else:
        out.pop("dateConfidence", None)
    out["note"] = " ".join(notes)
    out["sources"] = sources
    out["dateClaims"] = claims
    return out


def clean_note(n):
    for b in REFERENCE_BOILERPLATE:
        n = n.replace(b, "")
    return " ".join(n.split())


def merge_relations(d):
    corpus = {s["id"] for s in d["sources"] if s.get("tier", "CORPUS") == "CORPUS"}
    groups = {}
    order = []
    for r in d["relations"]:
        k = key(r)
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(r)
    merged_away = {}
    replacement = {}
    position = {id(r): i for i, r in enumerate(d["relations"])}
    lines_out = []
    for k in order:
        rs = groups[k]
        # Two tenures of one post that cannot share a day are two facts; anything else
        # told twice (overlapping dates, or a line with no start or end) is one.
        if len(rs) < 2 or (all(dated(r) for r in rs) and
                           not any(overlaps(a, b) for i, a in enumerate(rs) for b in rs[i + 1:])):
            continue
        tenures = [r for r in rs if dated(r)]
        loose = [r for r in rs if not dated(r)]
        clusters = {rid(t): [t] for t in tenures}
        if not tenures:
            clusters = {rid(loose[0]): list(loose)}
            loose = []
        # Dated lines of one key that overlap are one tenure told twice.
        ids = sorted(clusters)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if a in clusters and b in clusters and overlaps(clusters[a][0], clusters[b][0]):
                    clusters[a].extend(clusters.pop(b))
        for r in loose:
            target = None
            for c in r["sources"]:
                t = ATTACH.get((r["type"], r["from"], r["to"], c["source"]))
                if t:
                    target = next(cid for cid, ls in clusters.items() if any(rid(x) == t for x in ls))
            if target is None:
                fits = [cid for cid, ls in clusters.items() if any(overlaps(r, x) for x in ls)]
                if len(fits) != 1:
                    sys.exit("cannot place %s %s among tenures %s: add it to ATTACH" % (rid(r), r["sources"], fits))
                target = fits[0]
            clusters[target].append(r)
        for cid, ls in clusters.items():
            if len(ls) < 2:
                continue
            m = merge_lines(ls, corpus)
            for r in ls:
                merged_away[id(r)] = True
                lines_out.append(r)
            # The merged relation takes the place of its first line in file order.
            replacement[id(min(ls, key=lambda x: position[id(x)]))] = m
    out = []
    for r in d["relations"]:
        if id(r) in replacement:
            out.append(replacement[id(r)])
        elif id(r) not in merged_away:
            out.append(r)
    d["relations"] = out
    return lines_out


def date_thomas_rules(d):
    abolished = {g["id"]: g.get("abolished") for g in d["groups"]}
    for r in d["relations"]:
        k = (r["from"], r["to"])
        if r["type"] != "CHAIRS" or k not in THOMAS_RULES:
            continue
        if not any(c["source"] == "source/thomas-fp" for c in r["sources"]) or len(r["sources"]) != 1:
            continue
        # A group gone before the article's latest date stops the rule with it.
        end = THOMAS_RULES_END
        if abolished.get(r["to"]) and latest(abolished[r["to"]]) < latest(end):
            end = abolished[r["to"]]
        r["start"], r["end"] = THOMAS_RULES_START, end
        r["dateConfidence"] = "INFERRED"
        note = r.get("note", "")
        for old in OLD_THOMAS_NOTES:
            note = note.replace(old, "")
        if THOMAS_NOTE not in note:
            note = note.strip() + " " + THOMAS_NOTE
        r["note"] = " ".join(note.split())


def date_cross_system(d):
    for g in d["groups"]:
        if g["id"] not in CROSS_SYSTEM or (g.get("established") not in (None, "2018-03")):
            continue
        g["established"] = "2018-03"
        claims = g.setdefault("claims", [])
        if not any(c["property"] == "ESTABLISHED" for c in claims):
            claims.append(json.loads(json.dumps(CROSS_SYSTEM_CLAIM)))


def seats(d):
    for p in d["positions"]:
        if p["id"] in SINGLE_SEAT:
            # keep the field after description, before sources
            items = list(p.items())
            if "seats" in p:
                continue
            out = {}
            for k, v in items:
                if k == "sources":
                    out["seats"] = 1
                out[k] = v
            p.clear()
            p.update(out)


LINES_FILE = "seed/testdata/one-fact-lines.json"


def record_lines(lines):
    """Keep every merged line as it was, for seed/onefact_test.go to prove nothing was lost.

    The file is rewritten whenever a run merges something, so it always holds the lines of
    the last run that merged (a re-run on merged data merges nothing and leaves it)."""
    with open(LINES_FILE, "w", encoding="utf-8") as f:
        f.write(json.dumps(lines, indent=2, ensure_ascii=False) + "\n")


def main(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    lines = merge_relations(d)
    if lines:
        record_lines(lines)
    date_thomas_rules(d)
    date_cross_system(d)
    seats(d)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "seed/atlas.json")
