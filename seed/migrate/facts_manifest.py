#!/usr/bin/env python3
"""Write the facts of a dataset as a small manifest: every node, property claim value,
alias, relation (type, from, to) and node citation (source, locator), so that a test can
prove a later dataset lost none of them (seed/citations_migration_test.go). The
manifest of the dataset before issue 20's citation migration is
seed/testdata/facts-before-issue-20.json.

Usage: python3 seed/migrate/facts_manifest.py OLD-atlas.json > seed/testdata/facts-before-issue-20.json
"""
import json
import sys

import citelib


def manifest(ds):
    out = {"nodes": [], "claims": [], "aliases": [], "relations": [], "nodeCitations": []}
    for sec in citelib.NODE_SECTIONS:
        for n in ds.get(sec, []):
            out["nodes"].append(n["id"])
            for c in n.get("claims") or []:
                out["claims"].append([n["id"], c["property"], c["value"]])
            for a in n.get("aliases") or []:
                out["aliases"].append([n["id"], a["name"], a.get("source") or ""])
            for c in n.get("sources") or []:
                out["nodeCitations"].append([n["id"], c["source"], c["locator"]])
    for r in ds.get("relations", []):
        out["relations"].append([r["type"], r["from"], r["to"]])
    for k in out:
        out[k] = sorted({json.dumps(x, ensure_ascii=False) for x in out[k]})
        out[k] = [json.loads(x) for x in out[k]]
    return out


if __name__ == "__main__":
    m = manifest(citelib.load(sys.argv[1]))
    sys.stdout.write("{\n" + ",\n".join(
        f'"{k}": [\n' + ",\n".join(json.dumps(x, ensure_ascii=False) for x in v) + "\n]" for k, v in m.items()) + "\n}\n")
