#!/usr/bin/env python3
"""Names as analysts type them (issue 21): older romanisations, official Chinese short
names, English acronyms and full Chinese names, each an alias citing the reference page
that prints it, plus the office known as 中财办.

Deterministic and idempotent, keyed by node and source ids (never by array position):
re-running it on its own output changes nothing, so it can be re-applied after other
edits of seed/atlas.json are merged.

Each alias goes into the node's `aliases` (with its source) and, as the curation rules
ask, into an ALIAS property claim citing the page at a locator (a short fragment of the
page, at most a dozen words). Reference pages are Sources of tier REFERENCE.

Usage: python3 seed/migrate/search_aliases.py seed/atlas.json   (rewrites it in place)
"""
import json
import sys

READ = "Reference page, read 2026-12-06."
REF_NOTE = "Reference tier: from the cited reference page, not the corpus."

SOURCES = [
    {"id": "source/ref-citizendium-zhou-enlai", "key": "citizendium-zhou-enlai", "title": "Zhou Enlai",
     "publisher": "Citizendium", "url": "http://aristotle.citizendium.org/wiki/Zhou_Enlai", "kind": "ENCYCLOPEDIA"},
    {"id": "source/ref-infoplease-mao-zedong", "key": "infoplease-mao-zedong", "title": "Mao Zedong",
     "publisher": "Infoplease Dictionary", "url": "http://dictionary.infoplease.com/mao-zedong", "kind": "ENCYCLOPEDIA"},
    {"id": "source/ref-britannica-deng-xiaoping", "key": "britannica-deng-xiaoping", "title": "Deng Xiaoping",
     "publisher": "Encyclopaedia Britannica", "url": "http://www.britannica.com/biography/Deng-Xiaoping", "kind": "ENCYCLOPEDIA"},
    {"id": "source/ref-encyclopedia-com-hua-guofeng", "key": "encyclopedia-com-hua-guofeng", "title": "Hua Guofeng",
     "publisher": "Encyclopedia.com (Columbia Encyclopedia)",
     "url": "https://www.encyclopedia.com/people/history/chinese-and-taiwanese-history-biographies/hua-guofeng", "kind": "ENCYCLOPEDIA"},
    {"id": "source/ref-tfd-encyclopedia-zhao-ziyang", "key": "tfd-encyclopedia-zhao-ziyang", "title": "Zhao Ziyang",
     "publisher": "The Free Dictionary, Encyclopedia (Columbia Encyclopedia)",
     "url": "https://encyclopedia2.thefreedictionary.com/Zhao+Ziyang", "kind": "ENCYCLOPEDIA"},
    {"id": "source/ref-encyclopediahub-hu-yaobang", "key": "encyclopediahub-hu-yaobang", "title": "Hu Yaobang",
     "publisher": "EncyclopediaHub", "url": "https://encyclopediahub.com/ar265446", "kind": "ENCYCLOPEDIA"},
    {"id": "source/ref-universalium-chen-yi", "key": "universalium-chen-yi", "title": "Chen Yi",
     "publisher": "Universalium (Academic dictionaries and encyclopedias)",
     "url": "https://universalium.en-academic.com/262606/Chen_Yi", "kind": "ENCYCLOPEDIA"},
    {"id": "source/ref-boorman-chen-yi", "key": "boorman-chen-yi", "title": "Ch'en Yi 陳毅",
     "publisher": "Biographical Dictionary of Republican China (Boorman), online edition",
     "url": "https://xboorman.enpchina.eu/biographie/chen-yi-c", "kind": "ENCYCLOPEDIA"},
    {"id": "source/ref-wikipedia-ccdr", "key": "wikipedia-ccdr", "title": "Central Comprehensively Deepening Reforms Commission",
     "publisher": "Wikipedia", "url": "https://en.wikipedia.org/wiki/Central_Comprehensively_Deepening_Reforms_Commission", "kind": "ENCYCLOPEDIA"},
    {"id": "source/ref-cloudfront-ccdr", "key": "cloudfront-ccdr", "title": "Central Comprehensively Deepening Reforms Commission (Wikipedia mirror)",
     "publisher": "Wikipedia mirror", "url": "https://db0nus869y26v.cloudfront.net/en/Central_Comprehensively_Deepening_Reforms_Commission",
     "kind": "ENCYCLOPEDIA", "note": "Mirror of https://en.wikipedia.org/wiki/Central_Comprehensively_Deepening_Reforms_Commission (an older revision, with the group's former name)."},
    {"id": "source/ref-ajcass-2025-shengai", "key": "ajcass-2025-shengai",
     "title": "新时代全面深化改革的历史考察——以72次中央深改委(领导小组)会议为例", "authors": ["叶新璐"],
     "publisher": "当代中国史研究 (ddzgs.ajcass.com)", "url": "https://ddzgs.ajcass.com/show/1118/?itemid=159551", "kind": "ARTICLE",
     "note": "Dated 2025-09-02 on the page. Prints the short names 中央深改组 and 中央深改委."},
    {"id": "source/ref-hutong-2024-party-commissions", "key": "hutong-2024-party-commissions",
     "title": "The Party Commissions Behind Economy and Reform", "publisher": "Hutong Research",
     "url": "https://hutongresearch.com/2024/06/the-party-commissions-behind-economy-and-reform", "kind": "ANALYSIS"},
    {"id": "source/ref-wikipedia-proxy-cfeac", "key": "wikipedia-proxy-cfeac", "title": "Central Financial and Economic Affairs Commission (Wikipedia, through a web proxy)",
     "publisher": "Wikipedia mirror",
     "url": "https://clevelandohioweatherforecast.com/php-proxy/index.php?q=https%3A%2F%2Fen.m.wikipedia.org%2Fwiki%2FCentral_Financial_and_Economic_Affairs_Commission",
     "kind": "ENCYCLOPEDIA", "note": "Mirror of https://en.m.wikipedia.org/wiki/Central_Financial_and_Economic_Affairs_Commission."},
    {"id": "source/ref-tianguajidi-zhongcaiban", "key": "tianguajidi-zhongcaiban", "title": "中财办:从幕后走向台前 (reprint)",
     "publisher": "tianguajidi.com", "url": "http://www.tianguajidi.com/zjrbjj/13263.html", "kind": "NEWS",
     "note": "Reprint of a press article on the office of the Central Leading Group for Financial and Economic Affairs and its director Liu He; gives the office's full Chinese name and its short name 中财办."},
    {"id": "source/ref-kuaihz-guoanwei", "key": "kuaihz-guoanwei", "title": "国家安全委员会制度的比较分析 (article)",
     "publisher": "kuaihz.com", "url": "https://kuaihz.com/tid5/tid498_743303.html", "kind": "ARTICLE",
     "note": "Comparative article on national security commissions; abbreviates the commission set up by the Third Plenum of the 18th Central Committee as 国安委. Title editorial, from the page's subject."},
    {"id": "source/ref-piglix-jiang-zemin", "key": "piglix-jiang-zemin", "title": "Jiang Zemin",
     "publisher": "Piglix (Wikipedia mirror)", "url": "http://piglix.com/piglix/Jiang_Zemin", "kind": "ENCYCLOPEDIA"},
    {"id": "source/ref-uncensored-wiki-cnsc", "key": "uncensored-wiki-cnsc", "title": "National Security Commission of the Communist Party of China (old Wikipedia copy)",
     "publisher": "the-uncensored-wiki.com (Wikipedia copy, 2016)",
     "url": "http://the-uncensored-wiki.com:20161/2016-wikipedia_en_all_2016-02/A/National_Security_Council_of_the_Communist_Party_of_China.html",
     "kind": "ENCYCLOPEDIA"},
]

# node id -> [(alias, source id, locator)]
ALIASES = {
    "person/zhou-enlai": [
        ("Chou En-lai", "source/ref-citizendium-zhou-enlai", "opening sentence ('Wade-Giles: Chou En-lai')"),
    ],
    "person/mao-zedong": [
        ("Mao Tse-tung", "source/ref-infoplease-mao-zedong", "entry 'Mao Zedong' ('Also, Wade-Giles, Mao Tse-tung')"),
    ],
    "person/deng-xiaoping": [
        ("Teng Hsiao-p’ing", "source/ref-britannica-deng-xiaoping", "opening line ('Wade-Giles romanization Teng Hsiao-p’ing')"),
    ],
    "person/hua-guofeng": [
        ("Hua Kuo-feng", "source/ref-encyclopedia-com-hua-guofeng", "first entry ('Hua Guofeng or Hua Kuo-feng')"),
    ],
    "person/zhao-ziyang": [
        ("Chao Tzu-yang", "source/ref-tfd-encyclopedia-zhao-ziyang", "Columbia Encyclopedia entry, heading ('Chao Tzu-yang')"),
    ],
    "person/hu-yaobang": [
        ("Hu Yao-pang", "source/ref-encyclopediahub-hu-yaobang", "opening sentence ('also spelled Hu Yao-pang')"),
    ],
    "person/chen-yi": [
        ("Ch'en I", "source/ref-universalium-chen-yi", "entry heading ('Wade-Giles romanization Ch'en I')"),
        ("Ch'en Yi", "source/ref-boorman-chen-yi", "biography heading ('Ch'en Yi 陳毅')"),
    ],
    # Sources already in the dataset (piglix-zhu-rongji, wikizero-li-peng) print these too.
    "person/zhu-rongji": [
        ("Chu Jung-chi", "source/ref-piglix-zhu-rongji", "infobox 'Transcriptions', Wade–Giles ('Chu Jung-chi')"),
    ],
    "person/li-peng": [
        ("Li3 P'eng2", "source/ref-wikizero-li-peng", "infobox 'Transcriptions', Wade–Giles ('Li3 P'eng2')"),
    ],
    "person/jiang-zemin": [
        ("Chiang1 Tze2-min2", "source/ref-piglix-jiang-zemin", "infobox 'Transcriptions', Wade–Giles ('Chiang1 Tze2-min2')"),
    ],
    "group/comprehensively-deepening-reform-leading-small-group": [
        ("Central Leading Group for Comprehensively Deepening Reforms", "source/ref-cloudfront-ccdr",
         "opening sentence ('formerly known as the Central Leading Group for Comprehensively Deepening Reforms')"),
        ("中央全面深化改革领导小组", "source/ref-cloudfront-ccdr", "opening sentence, the former name's Chinese ('中央全面深化改革领导小组')"),
        ("中央深改组", "source/ref-ajcass-2025-shengai", "introduction ('中央全面深化改革领导小组(以下简称中央深改组)')"),
    ],
    "group/central-commission-for-comprehensively-deepening-reform": [
        ("CCDR", "source/ref-wikipedia-ccdr", "opening sentence ('Central Comprehensively Deepening Reforms Commission (CCDR)')"),
        ("Central Comprehensively Deepening Reforms Commission", "source/ref-wikipedia-ccdr", "title and opening sentence"),
        ("Central Commission for Deepening Reform", "source/ref-wikipedia-ccdr", "opening sentence ('also translated as the Central Commission for Deepening Reform')"),
        ("中央深改委", "source/ref-ajcass-2025-shengai", "introduction ('中央全面深化改革委员会(以下简称中央深改委)')"),
        ("CCDRC", "source/ref-hutong-2024-party-commissions", "second paragraph ('Central Comprehensively Deepening Reform Commission (CCDRC)')"),
    ],
    "group/central-financial-and-economic-affairs-commission": [
        ("CFEAC", "source/ref-hutong-2024-party-commissions", "second paragraph ('Central Financial and Economic Affairs Commission (CFEAC)')"),
    ],
    "group/finance-and-economy-leading-small-group": [
        ("Central Leading Group for Financial and Economic Affairs", "source/ref-wikipedia-proxy-cfeac",
         "section 'History' ('originally established as the Central Leading Group for Financial and Economic Affairs')"),
        ("中央财经领导小组", "source/ref-wikipedia-proxy-cfeac", "section 'History' ('Chinese: 中央财经领导小组')"),
    ],
    "group/national-security-commission": [
        ("国安委", "source/ref-kuaihz-guoanwei", "first paragraph ('下文简称“国安委”')"),
        ("CNSC", "source/ref-uncensored-wiki-cnsc", "opening sentence ('Central National Security Commission (abbreviated CNSC')"),
        ("Central National Security Commission", "source/ref-uncensored-wiki-cnsc", "opening sentence ('The Central National Security Commission')"),
    ],
}

# Spellings no page prints, for search only (the curation rules' editorial aliases): the
# Wade-Giles forms above without their tone numbers, as people type them.
EDITORIAL = {
    "person/li-peng": ["Li P'eng"],
    "person/jiang-zemin": ["Chiang Tze-min"],
}

# The office the reference pages call 中央财经领导小组办公室, short name 中财办.
OFFICE_ID = "office/finance-and-economy-leading-small-group-office"
OFFICE_NAME = ("General Office of the Leading Group for Financial and Economic Affairs", "source/ref-wikipedia-proxy-cfeac",
               "infobox, 'Subsidiaries' ('General Office of the Leading Group for Financial and Economic Affairs')")
OFFICE_NAME_ZH = ("中央财经领导小组办公室", "source/ref-tianguajidi-zhongcaiban", "section '中财办:从幕后走向台前', first paragraph ('中央财经领导小组办公室(简称中财办)')")
OFFICE_ALIAS = ("中财办", "source/ref-tianguajidi-zhongcaiban", "section '中财办:从幕后走向台前', first paragraph ('中央财经领导小组办公室(简称中财办)')")
OFFICE_GROUP = "group/finance-and-economy-leading-small-group"


def cite(src, loc):
    return [{"source": src, "locator": loc}]


def claim(prop, value, src, loc, rank):
    return {"property": prop, "value": value, "sources": cite(src, loc), "confidence": "STATED", "rank": rank, "note": REF_NOTE}


def add_alias(node, name, src, loc):
    if not any(a.get("name") == name for a in node.get("aliases") or []):
        node.setdefault("aliases", []).append({"name": name, "source": src})
    claims = node.setdefault("claims", [])
    if not any(c["property"] == "ALIAS" and c["value"] == name for c in claims):
        claims.append(claim("ALIAS", name, src, loc, "NORMAL"))


def add_office(ds):
    if any(o["id"] == OFFICE_ID for o in ds["offices"]):
        return
    name, zh, alias = OFFICE_NAME, OFFICE_NAME_ZH, OFFICE_ALIAS
    ds["offices"].append({
        "id": OFFICE_ID,
        "name": name[0],
        "nameZh": zh[0],
        "aliases": [{"name": alias[0], "source": alias[1]}],
        "kind": "OFFICE",
        "staffing": None,
        "placement": None,
        "description": "The office of the Central Leading Group for Financial and Economic Affairs, known in Chinese by the short name 中财办. Known here only from reference pages: the corpus does not name it.",
        "sources": cite(zh[1], zh[2]) + cite(name[1], name[2]),
        "claims": [
            claim("NAME", name[0], name[1], name[2], "PREFERRED"),
            claim("NAME_ZH", zh[0], zh[1], zh[2], "PREFERRED"),
            claim("ALIAS", alias[0], alias[1], alias[2], "NORMAL"),
            claim("KIND", "OFFICE", zh[1], zh[2], "PREFERRED"),
        ],
    })
    ds["relations"].append({
        "id": None, "type": "HAS_OFFICE", "from": OFFICE_GROUP, "to": OFFICE_ID,
        "role": None, "succession": None, "start": None, "end": None, "attested": [],
        "incompleteList": False, "confidence": "STATED", "note": "",
        "sources": cite(zh[1], zh[2]),
    })


def main(path):
    with open(path, encoding="utf-8") as f:
        ds = json.load(f)
    have = {s["id"] for s in ds["sources"]}
    for s in SOURCES:
        if s["id"] not in have:
            s = dict(s)
            s["tier"] = "REFERENCE"
            s["note"] = READ + (" " + s["note"] if s.get("note") else "")
            ds["sources"].append(s)
    nodes = {}
    for kind in ("groups", "offices", "institutions", "positions", "people", "topics", "documents"):
        for n in ds[kind]:
            nodes[n["id"]] = n
    for node_id, aliases in ALIASES.items():
        node = nodes[node_id]  # a missing node is an error: the script is keyed by id
        for name, src, loc in aliases:
            add_alias(node, name, src, loc)
    for node_id, names in EDITORIAL.items():
        node = nodes[node_id]
        for name in names:
            if not any(a.get("name") == name for a in node.get("aliases") or []):
                node.setdefault("aliases", []).append({"name": name, "editorial": True})
    add_office(ds)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(ds, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "seed/atlas.json")
