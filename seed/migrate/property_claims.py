#!/usr/bin/env python3
"""One-off migration of seed/atlas.json to property claims (dataset format v2).

Every asserted property of a group, office, institution, position or person becomes a
claim with its own sources (descriptions aside: they are the curators' summaries). Names, kinds, systems, categories, descriptions and the
like keep the node's own citations, which is what supported them before. Aliases cite
the source that prints them, at the locators where the node cites that source (or, for
a source the node does not cite, the locator given below). Founding and closing dates
are re-attached by hand to the passages that actually give them (DATES, read from the
seed documents). seed/migrate_test.go proves no earlier fact was lost.

Usage: python3 seed/migrate/property_claims.py seed/testdata/atlas-v1.json > seed/atlas.json
"""
import json
import sys

SINGLE = {
    "groups": [("NAME", "name"), ("NAME_ZH", "nameZh"), ("KIND", "kind"), ("SYSTEM", "system"),
               ("LEVEL", "level"), ("JURISDICTION", "jurisdiction"), ("HORIZON", "horizon"),
               ("CROSS_SYSTEM", "crossSystem"), ("ESTABLISHED", "established"),
               ("ABOLISHED", "abolished"), ("DESCRIPTION", "description")],
    "offices": [("NAME", "name"), ("NAME_ZH", "nameZh"), ("KIND", "kind"), ("STAFFING", "staffing"),
                ("PLACEMENT", "placement"), ("DESCRIPTION", "description")],
    "institutions": [("NAME", "name"), ("NAME_ZH", "nameZh"), ("KIND", "kind"), ("SYSTEM", "system"),
                     ("DESCRIPTION", "description")],
    "positions": [("TITLE", "title"), ("TITLE_ZH", "titleZh"), ("DESCRIPTION", "description")],
    "people": [("NAME", "name"), ("NAME_ZH", "nameZh"), ("DESCRIPTION", "description")],
}

RANA_ORIGINS = "opening section (origins of LSGs), sentence on the groups formed after 1949"
RANA_2018 = "section 'Current LSG practice', bullet on the March 2018 title changes (footnote 10)"
TSAI_2018 = "cited in rana-2021, " + RANA_2018
ACS_FN3 = "quoted in rana-2021, opening section (origins of LSGs, before 'Foreign Affairs LSG'), footnote 3"
ACS_FN4 = "quoted in rana-2021, opening section (origins of LSGs, before 'Foreign Affairs LSG'), footnote 4"
BLOG_MEDIUM = "section '1. Types and Categories', medium-term LSGs"
THOMAS_INTERNAL = "section 'Leading Small Groups and their Significance in Chinese Internal Politics'"
THOMAS_XI = "section 'Xi Jinping and Concentration of Power'"
THOMAS_FP = "section 'Leading Small Groups and Foreign Policy Formulation'"
RANA_FA_2018 = "section 'Foreign Affairs LSG', paragraph on the March 2018 reorganisation"


def claim(value, sources, confidence="STATED", rank="PREFERRED", note=None):
    c = {"value": value, "sources": [{"source": s, "locator": l} for s, l in sources],
         "confidence": confidence, "rank": rank}
    if note:
        c["note"] = note
    return c


# Which passage gives which date (checked against the seed documents).
DATES = {
    ("group/central-study-group", "ESTABLISHED"): [claim("1941", [("source/academy-of-chinese-studies-2020", ACS_FN3)])],
    ("group/foreign-affairs-group", "ESTABLISHED"): [claim("1941", [("source/academy-of-chinese-studies-2020", ACS_FN3)])],
    ("group/taiwan-affairs-leading-small-group", "ESTABLISHED"): [
        claim("1954", [("source/academy-of-chinese-studies-2020", ACS_FN4 + " (formed 1954)")], "DISPUTED",
              note="Preferred: the only source that dates this group by name. Thomas gives 1958 (the other claim)."),
        claim("1958", [("source/thomas-fp", THOMAS_INTERNAL + ", sentence after the 2003 Wen Wei Po member list")], "DISPUTED", "NORMAL",
              note="Thomas says 'it' was first created in 1958 right after naming this group; the sentence may be about LSGs in general."),
    ],
    ("group/political-science-and-law-leading-small-group", "ESTABLISHED"): [claim("1956", [("source/academy-of-chinese-studies-2020", ACS_FN4)])],
    ("group/foreign-affairs-leading-small-group", "ESTABLISHED"): [claim("1958", [("source/academy-of-chinese-studies-2020", ACS_FN4 + " (formed 1958)")])],
    ("group/foreign-affairs-leading-small-group", "ABOLISHED"): [
        claim("2018-03", [("source/rana-2021", RANA_FA_2018)]),
        claim("2018", [("source/thomas-fp", THOMAS_FP), ("source/thomas-fp", THOMAS_XI + ", closing paragraphs")], rank="NORMAL",
              note="Thomas gives the year only; it agrees with Rana's month."),
    ],
    ("group/central-foreign-affairs-commission", "ESTABLISHED"): [
        claim("2018-03", [("source/rana-2021", RANA_FA_2018)]),
        claim("2018", [("source/thomas-fp", THOMAS_FP), ("source/thomas-fp", THOMAS_XI + ", closing paragraphs")], rank="NORMAL",
              note="Thomas gives the year only; it agrees with Rana's month."),
    ],
    ("group/comprehensively-deepening-reform-leading-small-group", "ESTABLISHED"): [claim("2013", [("source/thomas-fp", THOMAS_INTERNAL), ("source/thomas-fp", THOMAS_XI)])],
    ("group/comprehensively-deepening-reform-leading-small-group", "ABOLISHED"): [
        claim("2018-03", [("source/rana-2021", RANA_2018), ("source/tsai-zhou-2019", TSAI_2018)], "REPORTED",
              note="Rana dates the change of title to the March 2018 reforms, footnoting Tsai & Zhou; the group is closed here because the commission is a separate node.")],
    ("group/central-commission-for-comprehensively-deepening-reform", "ESTABLISHED"): [
        claim("2018-03", [("source/rana-2021", RANA_2018), ("source/tsai-zhou-2019", TSAI_2018)], "REPORTED",
              note="Rana dates the change of title to the March 2018 reforms, footnoting Tsai & Zhou.")],
    ("group/cybersecurity-and-information-leading-small-group", "ESTABLISHED"): [claim("2013", [("source/thomas-fp", THOMAS_INTERNAL), ("source/thomas-fp", THOMAS_XI)])],
    ("group/cybersecurity-and-information-leading-small-group", "ABOLISHED"): [
        claim("2018-03", [("source/rana-2021", RANA_2018), ("source/tsai-zhou-2019", TSAI_2018)], "INFERRED",
              note="Rana dates to March 2018 the retitling of a group 'dealing with Central Cyberspace Affairs'; that it is this group is the curators' reading.")],
    ("group/central-cybersecurity-and-informatization-commission", "ESTABLISHED"): [
        claim("2018-03", [("source/rana-2021", RANA_2018), ("source/tsai-zhou-2019", TSAI_2018)], "INFERRED",
              note="Rana dates to March 2018 the retitling of a group 'dealing with Central Cyberspace Affairs'; that it became this commission is the curators' reading.")],
    ("group/national-security-commission", "ESTABLISHED"): [claim("2013", [("source/thomas-fp", THOMAS_XI)])],
    ("group/first-economic-census-leading-small-group", "ESTABLISHED"): [claim("2003", [("source/lsg-blog-2021", BLOG_MEDIUM)])],
    ("group/first-economic-census-leading-small-group", "ABOLISHED"): [claim("2005", [("source/lsg-blog-2021", BLOG_MEDIUM)])],
    ("group/three-gorges-project-construction-commission", "ESTABLISHED"): [claim("1993", [("source/lsg-blog-2021", BLOG_MEDIUM)])],
    ("group/three-gorges-project-construction-commission", "ABOLISHED"): [claim("2018", [("source/lsg-blog-2021", BLOG_MEDIUM)])],
}

# Locators for aliases printed by a source the node itself does not cite.
ALIAS_LOCATORS = {
    ("group/taiwan-affairs-leading-small-group", "Taiwan Affairs LSG"): "section 'Foreign Affairs LSG', paragraph on the 2010 SIPRI study",
    ("group/taiwan-affairs-leading-small-group", "LSG for Taiwan affairs"): RANA_ORIGINS,
    ("group/comprehensively-deepening-reform-leading-small-group", "LSG for Comprehensively Deepening Reform"): "section 'Current LSG practice', bullet on the groups Xi chairs",
    ("group/central-cybersecurity-and-informatization-commission", "Central Cyberspace Affairs"): RANA_2018,
    ("group/peak-carbon-and-carbon-neutrality-leading-small-group", "LSG for Peak Carbon and Carbon Neutrality"): "section 'Current LSG practice', bullet on the May 2021 group",
    ("group/hong-kong-and-macau-leading-small-group", "Hong Kong and Macau"): "section 'Current LSG practice', bullet on the three top-level cross-system groups",
    ("group/tibet-leading-small-group", "Tibet"): "section 'Current LSG practice', bullet on the three top-level cross-system groups",
    ("group/xinjiang-leading-small-group", "Xinjiang"): "section 'Current LSG practice', bullet on the three top-level cross-system groups",
    ("institution/national-development-and-reform-commission", "NDRC"): "section 'Current LSG practice', bullet on the May 2021 group (members)",
}

EDITORIAL_NAME = "The English name is the curators' rendering: the sources label this body differently (see the description)."


def unique(cites):
    out = []
    for c in cites:
        if c not in out:
            out.append(c)
    return out


def claims_of(section, node):
    own = unique(node["sources"])
    out = []
    for prop, field in SINGLE[section]:
        value = node.get(field)
        if value in (None, "", False) or prop == "DESCRIPTION":
            continue  # a description is the curators' summary; its facts are claims of their own
        if prop in ("ESTABLISHED", "ABOLISHED"):
            for c in DATES[(node["id"], prop)]:
                out.append({"property": prop, **c})
            continue
        if value is True:
            value = "true"
        c = {"property": prop, "value": value, "sources": own, "confidence": "STATED", "rank": "PREFERRED"}
        description = node.get("description") or ""
        if prop == "NAME" and ("name is editorial" in description or "editorial rendering" in description):
            c["confidence"], c["note"] = "INFERRED", EDITORIAL_NAME
        out.append(c)
    for alias in node.get("aliases") or []:
        if alias.get("editorial"):
            continue
        src = alias["source"]
        cites = [c for c in own if c["source"] == src]
        if not cites:
            cites = [{"source": src, "locator": ALIAS_LOCATORS[(node["id"], alias["name"])]}]
        out.append({"property": "ALIAS", "value": alias["name"], "sources": cites, "confidence": "STATED", "rank": "NORMAL"})
    for cat in node.get("categories") or []:
        out.append({"property": "CATEGORY", "value": cat, "sources": own, "confidence": "STATED", "rank": "NORMAL"})
    return out


def main(path):
    with open(path, encoding="utf-8") as f:
        ds = json.load(f)
    used = set()
    for section in SINGLE:
        for node in ds[section]:
            node["claims"] = claims_of(section, node)
            used.update((node["id"], c["property"]) for c in node["claims"] if c["property"] in ("ESTABLISHED", "ABOLISHED"))
    missing = set(DATES) - used
    if missing:
        sys.exit(f"dates for nodes without that date: {sorted(missing)}")
    sys.stdout.write(json.dumps(ds, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
