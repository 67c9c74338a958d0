"""Shared helpers for the citation migrations: record keys, the corpus texts, walking citations.

A citation is addressed by the record it supports, never by array index, so a table
written against one version of atlas.json applies to another that changed around it:

    node|<node id>                         a node's own sources
    claim|<node id>|<PROPERTY>|<value>     a property claim
    relation|<TYPE>|<from>|<to>            a relationship (every evidence line it carries)
    statement|<id>, count|<id>             a statement, a reported count
"""
import json
import os
import re

NODE_SECTIONS = ["groups", "offices", "institutions", "positions", "people", "topics", "documents"]
SEED_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "seeds")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def dump(ds, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(ds, ensure_ascii=False, indent=2) + "\n")


def sources_by_id(ds):
    return {s["id"]: s for s in ds["sources"]}


def root_source(srcs, sid):
    """The seed document a source is read in (itself, or the end of its citedVia chain)."""
    seen = set()
    s = srcs[sid]
    while s.get("citedVia") and s["id"] not in seen:
        seen.add(s["id"])
        s = srcs[s["citedVia"]]
    return s["id"]


def is_corpus(srcs, sid):
    return srcs[sid].get("tier", "CORPUS") == "CORPUS"


def seed_files(ds):
    """Map seed source id -> file name, from the '(file NNN_….txt)' in each Source's note."""
    out = {}
    for s in ds["sources"]:
        m = re.search(r"\(file (\d{3}_[0-9a-f]+\.txt)\)", s.get("note") or "")
        if m:
            out[s["id"]] = m.group(1)
    return out


def seed_texts(ds, seed_dir=SEED_DIR):
    out = {}
    for sid, name in seed_files(ds).items():
        with open(os.path.join(seed_dir, name), encoding="utf-8") as f:
            out[sid] = f.read()
    return out


def normalise_space(s):
    return " ".join(s.split())


def citation_dicts(obj):
    """Every {source, locator} dict inside obj, wherever a format puts it."""
    if isinstance(obj, dict):
        if "source" in obj and "locator" in obj:
            yield obj
        for k, v in obj.items():
            if k == "claims":
                continue  # claims are records of their own
            yield from citation_dicts(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from citation_dicts(v)


def records(ds):
    """(key, record, kind, node) for every record that carries citations."""
    for sec in NODE_SECTIONS:
        for n in ds.get(sec, []):
            yield f"node|{n['id']}", n, "node", n
            for c in n.get("claims") or []:
                yield f"claim|{n['id']}|{c['property']}|{c['value']}", c, "claim", n
    for r in ds.get("relations", []):
        yield f"relation|{r['type']}|{r['from']}|{r['to']}", r, "relation", None
    for s in ds.get("statements", []):
        yield f"statement|{s['id']}", s, "statement", None
    for c in ds.get("reportedCounts", []):
        yield f"count|{c['id']}", c, "count", None


def own_citations(kind, rec):
    """The citations of a record itself (a node's claims are separate records)."""
    if kind == "node":
        return list(citation_dicts(rec.get("sources") or []))
    return list(citation_dicts({k: v for k, v in rec.items() if k != "claims"}))
