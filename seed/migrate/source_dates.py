#!/usr/bin/env python3
"""Give sources the date of the version cited where the source itself gives it, cited
like any claim (issue 27: knownBy needs source dates).

Only dates the cited version states in its own address are taken: a news page's dated
path, an archive's dated folder, a Wikipedia snapshot's dump date. Each becomes the
source's `date` with a `dateSources` citation of the source itself, the locator quoting
the part of the address that gives it. Keyed by source id; a source that already has a
date is left as it is, so running the script twice changes nothing.

Usage: python3 seed/migrate/source_dates.py seed/atlas.json > /tmp/atlas.json && mv /tmp/atlas.json seed/atlas.json
"""
import json
import sys

# source id: (date, the part of the URL that gives it, what that part is)
DATES = {
    "source/ref-kiwix-2018-wang-yi": ("2018-09", "wikipedia_en_all_nopic_2018-09", "the Wikipedia snapshot the page comes from"),
    "source/ref-iiab-2023-liu-he": ("2023-05", "wikipedia_en_all_maxi_2023-05", "the Wikipedia snapshot the page comes from"),
    "source/ref-gov-cn-2017-02-25-he-lifeng": ("2017-02-25", "/2017/02/25/", "the dated path of the news page"),
    "source/ref-idcpc-2006-wang-jiarui": ("2014-06-27", "/201406/t20140627_", "the dated path of the page as posted"),
    "source/ref-idcpc-2008-wang-jiarui": ("2014-06-27", "/201406/t20140627_", "the dated path of the page as posted"),
    "source/ref-thediplomat-2019-qi-yu": ("2019-02", "/2019/02/", "the dated path of the article"),
    "source/ref-chinadaily-qiushi-2023-han-zheng": ("2023-03-11", "/2023-03/11/", "the dated path of the page"),
    "source/ref-china-embassy-bg-2003-new-cabinet": ("2004-06-12", "/200406/t20040612_", "the dated path of the page as posted"),
    "source/ref-secretchina-2007-12-05-wen-economic-team": ("2007-12-05", "/2007/12/05/", "the dated path of the news page"),
    "source/ref-bactf-2022-20th-central-committee": ("2023-10", "/202310/", "the dated path of the page"),
}


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for i, s in enumerate(data["sources"]):
        if s["id"] not in DATES or s.get("date"):
            continue
        date, part, what = DATES[s["id"]]
        if part not in (s.get("url") or ""):
            sys.exit(f"{s['id']}: its URL no longer holds {part!r}")
        out = {}
        for k, v in s.items():
            if k == "date":
                continue
            if k == "url":  # the date goes where a dated record has it: before the URL
                out["date"] = date
                out["dateSources"] = [{"source": s["id"], "locator": f"URL '{part}' ({what})"}]
            out[k] = v
        data["sources"][i] = out
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
