#!/usr/bin/env python3
"""Citations per value (issue 20): every property claim cites only the sources that give
its value, every corpus citation carries a short exact quote, curators' inferences are
INFERRED with a note, flags agree with the facts and no working note stays public.

Deterministic and idempotent: records are found by node id, (property, value), relation
(type, from, to) and source id, never by array index, so the script applies to a file
that changed around it (relations merged into one carrying several sources, new aliases).
It refuses to write when a fact would be lost: every node, claim value, alias and
relation it read is still there after it ran (with fewer sources, or INFERRED).

Rules, in order:
1. Issue-area labels that no source uses for a body (Wikipedia's lead lists the areas
   major LSGs cover) stop being aliases: REMOVED_ALIASES; the statement that holds the
   area list keeps the fact.
2. A claim of a printed value (name, Chinese name, title, alias, jurisdiction, a date's
   year) keeps a corpus citation only when that document prints the value (case, spacing
   and quotation marks aside), and of those only the ones whose located passage prints it
   when any does. When none prints it, the claim is INFERRED, keeps the
   passages it was inferred from and gets a note (NOTES, or a default saying so).
3. A classification (kind, system, level, cross-system) keeps the corpus citations whose
   document prints one of the node's names carrying the marker the classification rests
   on ("Commission", "LSG", "Central", "State Council", …; README "Classifying groups");
   when none does, it is INFERRED with a note. A horizon cites only the blog (the only
   source with the typology); a category is always the curators' assignment (INFERRED).
4. A group with a member edge from a list its source calls partial is membersIncomplete;
   where the file holds per-source dates (`dateClaims`), a relation's dates cite only the
   sources that give them (DATE_GIVERS).
5. Working notes are rewritten (NOTE_FIXES).
6. Every corpus citation gets the quote quotes.json gives for (record, source, locator).

Usage (run it after the other migrations of the file, e.g. one_fact.py, whose per-source
dates it narrows):

    python3 seed/migrate/citations.py seed/atlas.json        # rewrites it in place
    # when it reports corpus citations without a quote (citations added since):
    python3 seed/migrate/propose_quotes.py seed/atlas.json seed/migrate/quotes.json
    python3 seed/migrate/quote_overrides.py seed/migrate/quotes.json
    python3 seed/migrate/citations.py seed/atlas.json
"""
import copy
import os
import re
import sys

import citelib
import propose_quotes

HERE = os.path.dirname(os.path.abspath(__file__))

REMOVED_ALIASES = {
    ("group/hong-kong-and-macau-leading-small-group", "Hong Kong and Macao", "source/wikipedia-lsg"):
        "Wikipedia's lead names 'Hong Kong and Macao' as an issue area major LSGs cover, not as a body.",
    ("group/propaganda-and-ideology-leading-small-group", "propaganda and ideology", "source/wikipedia-lsg"):
        "Wikipedia's lead names 'propaganda and ideology' as an issue area major LSGs cover, not as a body.",
}
# Removed aliases kept as editorial search aids (no source, so no source filter finds them).
EDITORIAL_ALIASES = {("group/hong-kong-and-macau-leading-small-group", "Hong Kong and Macao")}
# A node's own citation that rested only on a removed alias.
REMOVED_NODE_CITATIONS = {
    ("group/hong-kong-and-macau-leading-small-group", "source/wikipedia-lsg"),
    ("group/propaganda-and-ideology-leading-small-group", "source/wikipedia-lsg"),
}

LITERAL = {"NAME", "NAME_ZH", "TITLE", "TITLE_ZH", "ALIAS", "JURISDICTION"}
DATES = {"ESTABLISHED", "ABOLISHED", "ISSUED", "BORN", "DIED"}

# What a classification rests on: a printed name of the node carrying one of these.
MARKERS = {
    ("KIND", "COMMISSION"): ["commission", "委员会", "委員會"],
    ("KIND", "LEADING_SMALL_GROUP"): ["lsg", "leading small group", "leading group", "slg", "clgs", "领导小组", "領導小組", "small leading group"],
    ("KIND", "PARTY_MEMBERS_GROUP"): ["party members' group", "party group", "党组"],
    ("SYSTEM", "PARTY"): ["central", "ccp", "cpc", "party", "communist", "中央", "politburo", "pbsc", "secretariat"],
    ("SYSTEM", "STATE_COUNCIL"): ["state council", "国务院"],
    ("SYSTEM", "MILITARY"): ["military", "pla", "liberation army"],
    ("LEVEL", "CENTRAL"): ["central", "中央"],
    ("CROSS_SYSTEM", "true"): [],  # rests on the passage, not on a name: kept as cited
}

DEFAULT_NOTES = {
    "literal": "No source prints this form: it is the curators' wording for {what}, as the cited passages describe it.",
    "KIND": "No name a source prints for this body says what kind it is; the curators classify it from how the cited passages describe it.",
    "SYSTEM": "No name a source prints for this body names its system; the curators place it from what the cited passages say it is.",
    "LEVEL": "No source prints \"central\" for this body; the level is read from the national leaders and bodies the sources place on it.",
    "CATEGORY": "The six categories are the blog's; no source files this group under one. The curators assign it from the policy area its printed name gives, or from the sources' own grouping (Rana's foreign-affairs cluster, Thomas's table of foreign-policy groups).",
    "HORIZON": "The time-horizon typology is the blog's (after Zhou Wang); the curators apply it here.",
}

# Classifications the cited passage states in so many words, though no printed name of
# the body carries the marker: they stay STATED, citing the passage.
STATED_BY_PASSAGE = {
    # Rana: "the LSGs for 'central foreign affairs', Taiwan, Hong Kong and Macau, Tibet and Xinjiang".
    "group/hong-kong-and-macau-leading-small-group|KIND|LEADING_SMALL_GROUP",
    "group/tibet-leading-small-group|KIND|LEADING_SMALL_GROUP",
    "group/xinjiang-leading-small-group|KIND|LEADING_SMALL_GROUP",
    # Rana: "These are called 'cross-system' LSGs".
    "group/cross-system-national-security-leading-small-group|KIND|LEADING_SMALL_GROUP",
    "group/cross-system-foreign-affairs-leading-small-group|KIND|LEADING_SMALL_GROUP",
    "group/cross-system-political-legal-leading-small-group|KIND|LEADING_SMALL_GROUP",
    # Rana: "an LSG for Taiwan affairs was formed in 1954, one for political science and law in 1956".
    "group/political-science-and-law-leading-small-group|KIND|LEADING_SMALL_GROUP",
    # Rana: Guangzhou "has an LSG that deals with energy conservation issues".
    "group/guangzhou-energy-conservation-leading-small-group|KIND|LEADING_SMALL_GROUP",
    # Thomas's Table 1 lists these rows under "Leading Small Groups related to Foreign Policy".
    "group/energy-leading-small-group|KIND|LEADING_SMALL_GROUP",
    "group/state-security-leading-small-group|KIND|LEADING_SMALL_GROUP",
    "group/overseas-propaganda-leading-small-group|KIND|LEADING_SMALL_GROUP",
    # Thomas: "ten LSGs related to the economy ... Particularly the One Belt, One Road initiatives".
    "group/one-belt-one-road-leading-small-group|KIND|LEADING_SMALL_GROUP",
    # Thomas: the two groups Xi set up in 2013 "are newly established central CCP Small Leading Groups".
    "group/comprehensively-deepening-reform-leading-small-group|SYSTEM|PARTY",
    "group/comprehensively-deepening-reform-leading-small-group|LEVEL|CENTRAL",
    "group/cybersecurity-and-information-leading-small-group|SYSTEM|PARTY",
    "group/cybersecurity-and-information-leading-small-group|LEVEL|CENTRAL",
    # Zhu, relaying the 2015 Opinion: "Party Groups shall play the role of leadership in the CPPCC".
    "group/cppcc-party-group|KIND|PARTY_MEMBERS_GROUP",
}

# Hand-written notes for claims that become INFERRED, keyed "node|PROPERTY|value".
NOTES = {
    "person/zhou-enlai|NAME|Zhou Enlai": "Rana prints 'Zhou Enlie' (kept as an alias); the name is the usual romanisation of the person Rana means, the first Foreign Minister.",
    "person/mao-zedong|NAME|Mao Zedong": "The corpus prints 'Mao' alone (and Mao-Zedong in the address of Rana's footnote 2); the full name is the usual romanisation.",
    "group/taiwan-affairs-leading-small-group|NAME|Taiwan Affairs Leading Small Group": "The sources print 'Taiwan Affairs LSG' (Rana, Thomas); the name spells out the abbreviation.",
    "group/cybersecurity-and-information-leading-small-group|NAME|Cybersecurity and Information Leading Small Group": "Thomas prints 'Cybersecurity and Information LSG' and 'SLG'; the name spells out the abbreviation.",
    "group/finance-and-economy-leading-small-group|NAME|Finance and Economy Leading Small Group": "Thomas prints 'CCP Finance and Economy LSG' and the Table 1 row 'Finance and Economics'; the name spells out the abbreviation.",
    "group/peak-carbon-and-carbon-neutrality-leading-small-group|NAME|Peak Carbon and Carbon Neutrality Leading Small Group": "Rana prints 'LSG, for Peak Carbon and Carbon Neutrality'; the name reorders his words.",
    "group/peak-carbon-and-carbon-neutrality-leading-small-group|ALIAS|LSG for Peak Carbon and Carbon Neutrality": "Rana's words 'LSG, for Peak Carbon and Carbon Neutrality' without the comma between them.",
    "group/state-security-leading-small-group|NAME|State Security Leading Small Group": "Thomas's Table 1 row reads 'State Security' under the heading 'Leading Small Groups'; the name joins the two.",
    "group/overseas-propaganda-leading-small-group|NAME|Overseas Propaganda Leading Small Group": "Thomas's Table 1 row reads 'Overseas Propaganda' under the heading 'Leading Small Groups'; the name joins the two.",
    "group/propaganda-and-ideology-leading-small-group|NAME|Propaganda and Ideology Leading Small Group": "Thomas prints 'the propaganda and ideology LSG'; the name spells out the abbreviation.",
    "institution/propaganda-department|ALIAS|party's Propaganda department": "Thomas prints 'the party's Propaganda and United Front Work department', naming two departments at once; this alias is the part for the first.",
}

# Curators' matches and dates implied by context that the file still called STATED:
# "node|PROPERTY|value" -> the note saying how the value was inferred.
INFERENCES = {
    "document/guidance-pilot-rural-community-construction-2015|ISSUED|2015":
        "Zhu prints no date for the Guidance; the year is read from the address of the report he cites for it (footnote 15, of 1 June 2015) and from the date of his paper.",
    "group/foreign-affairs-leading-small-group|ALIAS|Foreign Affairs CLGS":
        "A row label of Thomas's Table 1; the curators match the row to this group, which Thomas's text calls the Central Foreign Affairs Leading Small Group (FALG).",
    "group/taiwan-affairs-leading-small-group|ALIAS|Taiwan":
        "A row label of Thomas's Table 1; the curators match the row to the Taiwan group Thomas names in his text.",
    "group/finance-and-economy-leading-small-group|ALIAS|Finance and Economics":
        "A row label of Thomas's Table 1; the curators match the row to the CCP Finance and Economy LSG that Thomas's text says Xi chairs.",
    "group/hong-kong-and-macau-leading-small-group|ALIAS|HK and M":
        "A row label of Thomas's Table 1; the curators take it to be the Hong Kong and Macau group in Rana's foreign-affairs cluster.",
    "group/central-cybersecurity-and-informatization-commission|ALIAS|Central Cyberspace Affairs":
        "Rana's label for one of the groups retitled 'Commission' in March 2018; that it names this commission is the curators' reading (see the SUCCEEDED_BY note).",
}

# Which source gives which date of a relationship told by several (issue 20's "a 2015
# attestation credited to Wikipedia that comes from Zhu"). Applied only to a file whose
# relations carry per-source `dateClaims` (the format of the one-fact migration): a
# relation without them gets these claims; one with them has each matching claim's
# corpus citations narrowed to the givers. (type, from, to) -> [(part, value, rank, givers)].
DATE_GIVERS = {
    ("HOLDS", "person/xi-jinping", "position/general-secretary"): [
        ("START", "2012", "PREFERRED", ["source/thomas-fp"]),
        ("START", "2012-11-15", "NORMAL", ["source/ref-wikipedia-general-secretary"]),
        ("ATTESTED", "2015-05-29", "NORMAL", ["source/zhu-2015"]),
    ],
    ("HOLDS", "person/xi-jinping", "position/president"): [
        ("START", "2013", "PREFERRED", ["source/thomas-fp"]),
        ("START", "2013-03-14", "NORMAL", ["source/ref-qaz-list-of-presidents-prc"]),
    ],
    ("CHAIRS", "person/xi-jinping", "group/national-security-commission"): [
        ("START", "2013", "PREFERRED", ["source/thomas-fp"]),
    ],
}

# Locators that pointed at the wrong passage for the value: (record, source, old) -> new.
LOCATOR_FIXES = {
    ("claim|group/leading-party-members-groups|ALIAS|Party Groups", "source/zhu-2015",
     "section 1, 'What is Leading Party Members' Group?' and 'Where to set up Leading Party Members' Groups?'"):
        "section 2.3 (line 100), sentence on the CPPCC",
}

# Working notes rewritten as explanations for readers: (record key, field) -> (old, new).
NOTE_FIXES = {
    ("statement", "note", "The blog does not attribute the categories to Zhou Wang explicitly; the existing README does — check."):
        "The blog does not attribute the categories to Zhou Wang: it credits him with the time-horizon typology only.",
    ("document", "description", "No source links it to the Comprehensively Deepening Reform LSG; do not join them."):
        "No source links it to the Comprehensively Deepening Reform LSG, so the dataset keeps them apart.",
    ("claim", "note", "The six categories are the blog's; no source files this group under one. The curators assign it from the policy area its printed name gives."):
        "The six categories are the blog's; no source files this group under one. The curators assign it from the policy area its printed name gives, or from the sources' own grouping (Rana's foreign-affairs cluster, Thomas's table of foreign-policy groups).",
    ("source", "note", "Kind NEWS; replace it when an encyclopaedia page is at hand."):
        "Kind NEWS: no encyclopaedia page with an address was found that prints the name.",
}


def fold(s):
    """Printed text as a reader compares it: case, spacing and quotation marks aside."""
    s = re.sub(r"[\"'‘’“”]", "", s)
    return " ".join(s.lower().split())


def year_printed(text, year):
    return year in text or any(d + year[2:] in text for d in ("-", "–", "- "))


class Migration:
    def __init__(self, ds):
        self.ds = ds
        self.srcs = citelib.sources_by_id(ds)
        self.texts = citelib.seed_texts(ds)
        self.folded = {k: fold(v) for k, v in self.texts.items()}
        self.log = []

    def doc(self, sid):
        if sid not in self.srcs or not citelib.is_corpus(self.srcs, sid):
            return None
        root = citelib.root_source(self.srcs, sid)
        return root if root in self.texts else None

    def prints(self, sid, value):
        d = self.doc(sid)
        return d is not None and fold(value) in self.folded[d]

    def passage_prints(self, cite, value):
        """Whether the passage a citation's locator names (a line, a section, a table row)
        prints the value; see propose_quotes.region."""
        root = self.doc(cite["source"])
        lines = self.texts[root].split("\n")
        passage = " ".join(lines[i - 1] for i in propose_quotes.region(root, cite["locator"], lines))
        return fold(value) in fold(passage)

    def names(self, node):
        out = [node.get(k) for k in ("name", "title", "nameZh", "titleZh")]
        out += [a["name"] for a in node.get("aliases") or []]
        out += [c["value"] for c in node.get("claims") or [] if c["property"] in LITERAL - {"JURISDICTION"}]
        return [n for n in dict.fromkeys(out) if n]

    # Rule 1.
    def remove_area_aliases(self):
        for sec in citelib.NODE_SECTIONS:
            for n in self.ds.get(sec, []):
                for (nid, alias, src), why in REMOVED_ALIASES.items():
                    if n["id"] != nid:
                        continue
                    before = len(n.get("aliases") or [])
                    n["aliases"] = [a for a in n.get("aliases") or [] if not (a["name"] == alias and a.get("source") == src)]
                    n["claims"] = [c for c in n.get("claims") or [] if not (c["property"] == "ALIAS" and c["value"] == alias)]
                    if len(n["aliases"]) != before:
                        self.log.append(f"{nid}: alias {alias!r} removed: {why}")
                    if (nid, alias) in EDITORIAL_ALIASES and not any(a["name"] == alias for a in n["aliases"]):
                        n["aliases"].append({"name": alias, "editorial": True})
                if any((n["id"], c["source"]) in REMOVED_NODE_CITATIONS for c in n["sources"]):
                    cited_elsewhere = {s["source"] for c in n.get("claims") or [] for s in c["sources"]}
                    n["sources"] = [c for c in n["sources"] if (n["id"], c["source"]) not in REMOVED_NODE_CITATIONS
                                    or c["source"] in cited_elsewhere]

    # Rules 2 and 3.
    def reattach(self, node, claim):
        prop, value = claim["property"], claim["value"]
        corpus = [c for c in claim["sources"] if self.doc(c["source"])]
        if not corpus:
            return
        alias_sources = {a.get("source") for a in node.get("aliases") or [] if a["name"] == value} if prop == "ALIAS" else set()
        if prop in LITERAL or prop in DATES:
            if prop in DATES:
                gives = [c for c in corpus if year_printed(self.texts[self.doc(c["source"])], value[:4])]
            else:
                gives = [c for c in corpus if self.prints(c["source"], value)]
                # Narrower still: the passage the locator names prints it (when one does).
                in_passage = [c for c in gives if self.passage_prints(c, value)]
                if in_passage:
                    gives = in_passage + [c for c in gives if c["source"] in alias_sources
                                          and not any(k["source"] == c["source"] for k in in_passage)]
            if gives:
                given_by = {c["source"] for c in gives}
                keep = gives + [c for c in corpus if c["source"] in alias_sources and c["source"] not in given_by]
                self.keep_only(node, claim, keep)
                if len(keep) > len(gives):
                    self.infer(node, claim, "literal")
            elif any(not self.doc(c["source"]) for c in claim["sources"]) and not alias_sources:
                # A reference page gives the value: the corpus passages that do not print it go.
                self.keep_only(node, claim, [])
            else:
                self.infer(node, claim, "literal")
            return
        if f"{node['id']}|{prop}|{value}" in STATED_BY_PASSAGE:
            named = [c for c in corpus if any(self.prints(c["source"], n) for n in self.names(node))]
            if named:
                self.keep_only(node, claim, named)
            if claim["confidence"] == "INFERRED" and claim.get("note") in DEFAULT_NOTES.values():
                claim["confidence"] = "STATED"  # an earlier run's default inference, before the passage was read
                del claim["note"]
                self.log.append(f"{node['id']} {prop}={value!r}: STATED by the cited passage")
            return
        if prop == "HORIZON":
            blog = [c for c in corpus if c["source"] == "source/lsg-blog-2021"]
            if blog:
                self.keep_only(node, claim, blog)
            else:
                self.infer(node, claim, "HORIZON")
            return
        if prop == "CATEGORY":
            named = [c for c in corpus if any(self.prints(c["source"], n) for n in self.names(node))]
            if named:
                self.keep_only(node, claim, named)
            self.infer(node, claim, "CATEGORY")
            return
        markers = MARKERS.get((prop, value))
        if markers is None or not markers:
            return  # kept as cited: the passages say it (a flag, cross-system, staffing…)
        marked = [n for n in self.names(node) if any(m in fold(n) for m in markers)]
        gives = [c for c in corpus if any(self.prints(c["source"], n) for n in marked)]
        if gives:
            self.keep_only(node, claim, gives)
        else:
            named = [c for c in corpus if any(self.prints(c["source"], n) for n in self.names(node))]
            if named:
                self.keep_only(node, claim, named)
            self.infer(node, claim, prop)

    def keep_only(self, node, claim, keep):
        refs = [c for c in claim["sources"] if not self.doc(c["source"])]
        new = [c for c in claim["sources"] if c in keep or c in refs]
        if len(new) != len(claim["sources"]):
            dropped = [f"{c['source']} ({c['locator']})" for c in claim["sources"] if c not in new]
            self.log.append(f"{node['id']} {claim['property']}={claim['value']!r}: no longer cites {'; '.join(dropped)}")
            claim["sources"] = new

    def infer(self, node, claim, why):
        key = f"{node['id']}|{claim['property']}|{claim['value']}"
        if claim["confidence"] == "INFERRED" and claim.get("note"):
            return
        if claim["confidence"] == "DISPUTED":
            return  # a disputed value keeps its confidence; its note says whose it is
        note = NOTES.get(key)
        if note is None:
            kind = node["id"].split("/")[0]
            what = {"person": "this person", "position": "this post", "topic": "this subject", "document": "this document"}.get(kind, "this body")
            if claim["property"] == "JURISDICTION":
                what = "where this body works"
            note = DEFAULT_NOTES["literal"].format(what=what) if why == "literal" else DEFAULT_NOTES[why]
        claim["confidence"] = "INFERRED"
        claim["note"] = (claim["note"] + " " + note) if claim.get("note") and note not in claim["note"] else (claim.get("note") or note)
        self.log.append(f"{node['id']} {claim['property']}={claim['value']!r}: INFERRED")

    def claims(self):
        for sec in citelib.NODE_SECTIONS:
            for n in self.ds.get(sec, []):
                for c in n.get("claims") or []:
                    self.reattach(n, c)
                    note = INFERENCES.get(f"{n['id']}|{c['property']}|{c['value']}")
                    if note and (c["confidence"] != "INFERRED" or c.get("note") != note):
                        c["confidence"], c["note"] = "INFERRED", note
                        self.log.append(f"{n['id']} {c['property']}={c['value']!r}: INFERRED (curators' match or implied date)")

    # Rule 4.
    def flags(self):
        groups = {g["id"]: g for g in self.ds.get("groups", [])}
        for r in self.ds.get("relations", []):
            g = groups.get(r["to"])
            if r["type"] != "MEMBER_OF" or not r.get("incompleteList") or g is None or g.get("membersIncomplete"):
                continue
            g["membersIncomplete"] = True
            claims = g.setdefault("claims", [])
            if not any(c["property"] == "MEMBERS_INCOMPLETE" for c in claims):
                claims.append({"property": "MEMBERS_INCOMPLETE", "value": "true",
                               "sources": copy.deepcopy(r["sources"]), "confidence": "INFERRED", "rank": "PREFERRED",
                               "note": "The cited source calls its list of this group's members partial, so the members recorded here are not all of them."})
            self.log.append(f"{g['id']}: membersIncomplete, as its member list from {r['from']} is partial")

    # Rule 4b: per-source dates, where the file's format holds them.
    def date_givers(self):
        rels = self.ds.get("relations", [])
        if not any("dateClaims" in r for r in rels):
            return
        for r in rels:
            claims = DATE_GIVERS.get((r["type"], r["from"], r["to"]))
            if not claims:
                continue
            plain = {("START", r.get("start")), ("END", r.get("end"))} | {("ATTESTED", a) for a in r.get("attested") or []}
            if not r.get("dateClaims"):
                made = []
                for part, value, rank, givers in claims:
                    cites = [copy.deepcopy(c) for c in r["sources"] if c["source"] in givers]
                    if not cites or (rank == "PREFERRED" and (part, value) not in plain):
                        continue
                    made.append({"part": part, "value": value, "sources": cites,
                                 "confidence": r.get("dateConfidence") or r["confidence"], "rank": rank})
                if made:
                    r["dateClaims"] = made
                    self.log.append(f"{r['type']} {r['from']} {r['to']}: dates cite only the sources that give them")
                continue
            for dc in r["dateClaims"]:
                for part, value, _, givers in claims:
                    if dc["part"] != part or dc["value"] != value:
                        continue
                    keep = [c for c in dc["sources"] if c["source"] in givers or not self.doc(c["source"])]
                    if keep and len(keep) != len(dc["sources"]):
                        dc["sources"] = keep
                        self.log.append(f"{r['type']} {r['from']} {r['to']}: {part} {value} cites only {', '.join(givers)}")

    # Rule 5.
    def notes(self):
        def fix(obj, kind):
            for field in ("note", "description"):
                for (k, f, old), new in NOTE_FIXES.items():
                    if k == kind and f == field and old in (obj.get(field) or ""):
                        obj[field] = obj[field].replace(old, new)
        for key, rec, kind, node in citelib.records(self.ds):
            fix(rec, kind if kind in ("statement", "relation", "count", "claim") else node["id"].split("/")[0])
        for s in self.ds.get("sources", []):
            fix(s, "source")

    def locators(self):
        for key, rec, kind, node in citelib.records(self.ds):
            for c in citelib.own_citations(kind, rec):
                new = LOCATOR_FIXES.get((key, c["source"], c["locator"]))
                if new:
                    c["locator"] = new
                    c.pop("quote", None)
                    self.log.append(f"{key}: {c['source']} now located at {new}")

    # Rule 6.
    def quotes(self, table):
        by_key = {(e["record"], e["source"], e["locator"]): e["quote"] for e in table}
        missing = 0
        for key, rec, kind, node in citelib.records(self.ds):
            for c in citelib.own_citations(kind, rec):
                if not self.doc(c["source"]):
                    continue
                q = by_key.get((key, c["source"], c["locator"]))
                if q:
                    c["quote"] = q
                elif not c.get("quote"):
                    missing += 1
        return missing


def facts(ds):
    out = set()
    for sec in citelib.NODE_SECTIONS:
        for n in ds.get(sec, []):
            out.add(("node", n["id"]))
            for c in n.get("claims") or []:
                out.add(("claim", n["id"], c["property"], c["value"]))
            for a in n.get("aliases") or []:
                out.add(("alias", n["id"], a["name"], a.get("source")))
            for c in n.get("sources") or []:
                out.add(("node-citation", n["id"], c["source"]))
    for r in ds.get("relations", []):
        out.add(("relation", r["type"], r["from"], r["to"]))
    for sec in ("statements", "reportedCounts", "sources"):
        for s in ds.get(sec, []):
            out.add((sec, s["id"]))
    return out


def main(path):
    ds = citelib.load(path)
    before = facts(ds)
    m = Migration(ds)
    m.remove_area_aliases()
    m.locators()
    m.claims()
    m.flags()
    m.date_givers()
    m.notes()
    missing = m.quotes(citelib.load(os.path.join(HERE, "quotes.json")))
    removed = {("alias", n, a, s) for (n, a, s) in REMOVED_ALIASES} | {("claim", n, "ALIAS", a) for (n, a, s) in REMOVED_ALIASES}
    removed |= {("node-citation", n, s) for (n, s) in REMOVED_NODE_CITATIONS}
    lost = before - facts(ds) - removed
    if lost:
        sys.exit(f"refusing to write: facts lost: {sorted(lost)}")
    citelib.dump(ds, path)
    for line in m.log:
        print(line, file=sys.stderr)
    print(f"{len(m.log)} changes; {missing} corpus citations without a quote", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
