#!/usr/bin/env python3
"""Hand-chosen quotes where propose_quotes.py's pick names the record less well than a
reader would (read against the seed texts). Applied to quotes.json, keyed by record and
source (every locator of that pair, or one locator when given).

Usage: python3 seed/migrate/quote_overrides.py seed/migrate/quotes.json
"""
import json
import sys

OVERRIDES = [
    # (record, source, locator or None, quote)
    ("claim|document/party-group-regulation-2015|ISSUED|2015-05-29", "source/zhu-2015", None,
     "is passed on May 29<sup>th</sup> at the meeting of the Political Bureau"),
    ("claim|document/inspection-regulations-2015|ISSUED|2015-08", "source/zhu-2015", None,
     "issued “CPC Regulations On Inspection Efforts” in August"),
    ("claim|document/guidance-pilot-rural-community-construction-2015|ISSUED|2015", "source/cpc-people-2015-06-01", None,
     "<http://cpc.people.com.cn/n/2015/0601/c64387-27083194.html>"),
    ("claim|group/comprehensively-deepening-reform-leading-small-group|ESTABLISHED|2013", "source/thomas-fp",
     "section 'Xi Jinping and Concentration of Power'", "In the same year, he created two more LSGs"),
    ("claim|group/cybersecurity-and-information-leading-small-group|ESTABLISHED|2013", "source/thomas-fp",
     "section 'Xi Jinping and Concentration of Power'", "In the same year, he created two more LSGs"),
    ("claim|position/president|TITLE|President of the People's Republic of China", "source/rana-2021", None,
     "President Xi Jinping's personal control over policy-making"),
    ("node|position/president", "source/rana-2021", None, "President Xi Jinping's personal control over policy-making"),
    ("claim|position/vice-minister-of-foreign-affairs|TITLE|Vice Minister of Foreign Affairs", "source/rana-2021", None,
     "Vice Minister Zhang Ji, Chief Inspector of the Discipline Inspection"),
    ("node|position/vice-minister-of-foreign-affairs", "source/rana-2021", None,
     "Vice Minister Zhang Ji, Chief Inspector of the Discipline Inspection"),
    ("relation|POSITION_IN|position/vice-minister-of-foreign-affairs|institution/ministry-of-foreign-affairs", "source/rana-2021", None,
     "Vice Minister Zhang Ji, Chief Inspector of the Discipline Inspection"),
    ("claim|position/foreign-minister|TITLE|Foreign Minister", "source/thomas-fp", None, "foreign minister Wang Yi"),
    ("claim|document/ccp-constitution|TITLE|Constitution of the Chinese Communist Party", "source/zhu-2015", None,
     "Article 46 of the Constitution of the Chinese Communist Party"),
    ("claim|topic/march-2018-reorganization|NAME|March 2018 reorganisation of Party and State institutions", "source/thomas-fp", None,
     "In 2018, Xi Jinping created the Central Foreign Affairs Commission (FAC)"),
    ("node|topic/march-2018-reorganization", "source/thomas-fp", None,
     "In 2018, Xi Jinping created the Central Foreign Affairs Commission (FAC)"),
    ("count|count/thomas-2015-party", "source/thomas-fp", None,
     "State Council and 18 under the Central Communist Party of China"),
    ("claim|group/foreign-affairs-leading-small-group|KIND|COMMISSION", "source/thomas-fp", None,
     "was a commission associated with the Communist Party of China"),
    ("node|group/leading-party-members-groups", "source/zhu-2015", None,
     "Leading Party Members' Group is the representative organ dispatched by Party Organizations"),
    ("node|group/leading-party-members-groups", "source/party-group-regulation-2015", None,
     "formed in the leading body of a central or local state organ"),
    ("claim|group/leading-party-members-groups|NAME|Leading Party Members' Group", "source/zhu-2015", None,
     "Leading Party Members' Group is the representative organ dispatched by Party Organizations"),
    ("claim|group/leading-party-members-groups|NAME|Leading Party Members' Group", "source/party-group-regulation-2015", None,
     "a leading Party members' group will be formed in the leading body"),
    ("claim|group/leading-party-members-groups|NAME_ZH|党组", "source/zhu-2015", None, "中国共产党党组工作条例（试行）"),
    ("claim|group/leading-party-members-groups|NAME_ZH|党组", "source/party-group-regulation-2015", None, "中国共产党党组工作条例（试行）"),
    ("claim|group/leading-party-members-groups|KIND|PARTY_MEMBERS_GROUP", "source/zhu-2015", None,
     "Leading Party Members' Group is the representative organ dispatched by Party Organizations"),
    ("claim|group/leading-party-members-groups|KIND|PARTY_MEMBERS_GROUP", "source/party-group-regulation-2015", None,
     "a leading Party members' group will be formed in the leading body"),
    ("claim|group/leading-party-members-groups|SYSTEM|PARTY", "source/zhu-2015", None,
     "Leading Party Members' Group is the representative organ dispatched by Party Organizations"),
    ("claim|group/leading-party-members-groups|SYSTEM|PARTY", "source/party-group-regulation-2015", None,
     "a leading Party members' group will be formed in the leading body"),
    ("claim|group/leading-party-members-groups|ALIAS|Party Groups", "source/zhu-2015", None,
     "Party Groups shall play the role of leadership in the CPPCC"),
    ("claim|group/leading-party-members-groups|ALIAS|Leading Party Members' Groups of CCP", "source/zhu-2015", None,
     "Regulation of Leading Party Members' Groups of CCP (Trial Implementation)"),
    ("claim|topic/party-building-in-social-organizations|ALIAS|Party Construction in NGOs", "source/zhu-2015", None,
     "Party Construction in NGOs"),
    ("claim|topic/party-building-in-social-organizations|NAME|Party building in social organisations", "source/zhu-2015", None,
     "Party Construction in NGOs"),
    ("node|topic/party-building-in-social-organizations", "source/zhu-2015", None, "Party Construction in NGOs"),
    ("claim|topic/party-inspection|NAME|Inspection work inside the Party", "source/zhu-2015", None,
     "to strengthen internal Party supervision"),
    ("node|topic/party-inspection", "source/zhu-2015", None, "to strengthen internal Party supervision"),
    ("relation|CONCERNS|document/inspection-regulations-2015|institution/party-organizations", "source/zhu-2015", None,
     "The subjects of these regulations include Party organizations"),
    ("relation|PARTY_GROUP_OF|group/leading-party-members-groups|institution/state-organs", "source/party-group-regulation-2015", None,
     "formed in the leading body of a central or local state organ"),
    ("relation|PARTY_GROUP_OF|group/leading-party-members-groups|institution/state-organs", "source/xinhuanet-2015-05-29", None,
     "To form leading Party members' groups in state organs"),
    ("relation|REPORTS_TO|group/leading-party-members-groups|institution/party-organizations", "source/peoples-daily-2015-06-03", None,
     "representative organ dispatched by Party Organizations"),
    ("claim|person/kishan-rana|ALIAS|Kishan S Rana", "source/rana-2021", None, "Kishan S Rana"),
    ("statement|statement/thomas-portfolio-heads", "source/thomas-fp", None, "propaganda and ideology LSG is headed by Liu Yunshan"),
    ("statement|statement/weixin-big-change", "source/weixin-2015", None, "Chinese presses call this Regulation “a big change”"),
    ("relation|ABOUT|statement/weixin-big-change|document/party-group-regulation-2015", "source/weixin-2015", None,
     "Chinese presses call this Regulation “a big change”"),
    ("statement|statement/rana-lsgs-now-hierarchical", "source/rana-2021", None, "they have assumed a hierarchical role"),
    ("relation|ABOUT|statement/rana-lsgs-now-hierarchical|topic/leading-small-groups", "source/rana-2021", None,
     "they have assumed a hierarchical role"),
    ("relation|ABOUT|statement/rana-lsgs-now-hierarchical|topic/march-2018-reorganization", "source/rana-2021", None,
     "they have assumed a hierarchical role"),
]


def main(path):
    with open(path, encoding="utf-8") as f:
        table = json.load(f)
    too_long = [o[3] for o in OVERRIDES if len(o[3].split()) > 12]
    if too_long:
        sys.exit(f"quotes longer than twelve words: {too_long}")
    used = set()
    for e in table:
        for i, (record, source, locator, quote) in enumerate(OVERRIDES):
            if e["record"] == record and e["source"] == source and locator in (None, e["locator"]):
                e["quote"], e["reviewed"] = quote, True
                used.add(i)
    unused = [OVERRIDES[i][:2] for i in range(len(OVERRIDES)) if i not in used]
    if unused:
        print(f"overrides for citations not in the table: {unused}", file=sys.stderr)
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in table) + "\n]\n")


if __name__ == "__main__":
    main(sys.argv[1])
