"""Load LSG Atlas exports with networkx and print them as one normalised JSON document.

Usage: python3 load.py < jobs.json, where jobs.json is a list of
{"format": ..., "files": [...]} with format graphml, gexf, cytoscape or csv (csv takes
nodes.csv, edges.csv and graph.json). One process reads them all, since importing
networkx is the slow part. The output is a list, one entry per job, of
{"graph": {...}, "nodes": {id: {attr: text}}, "edges": {id: {attr: text}}}: every
value as text, lists joined with ";", citations as compact JSON, and empty or false
values left out, so that the Go test compares every format the same way.
"""
import csv
import json
import sys
import xml.etree.ElementTree as ET

import networkx as nx

GRAPH_KEYS = ("name", "version", "truncated", "limit", "asOf")


def text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        if v and isinstance(v[0], dict):
            return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
        return ";".join(v)
    return str(v)


def attrs(data, drop):
    out = {}
    for k, v in data.items():
        if k in drop:
            continue
        t = text(v)
        if t not in ("", "false"):
            out[k] = t
    return out


def graph_record(data):
    return {k: text(data[k]) for k in GRAPH_KEYS if k in data and text(data[k]) != ""}


def normalise(g, graph, node_drop=(), edge_drop=()):
    if not g.is_directed():
        raise SystemExit("expected a directed graph, got %s" % type(g).__name__)
    # read_gexf returns a simple DiGraph when no two edges join the same nodes.
    triples = g.edges(keys=True, data=True) if g.is_multigraph() else ((s, t, None, d) for s, t, d in g.edges(data=True))
    nodes = {str(n): attrs(d, node_drop) for n, d in g.nodes(data=True)}
    edges = {}
    for s, t, k, d in triples:
        eid = d.get("id", k)
        if eid in edges:
            raise SystemExit("edge %s read twice" % eid)
        e = attrs(d, edge_drop)
        e["source"], e["target"] = str(s), str(t)
        edges[eid] = e
    return {"graph": graph, "nodes": nodes, "edges": edges}


def gexf_meta(path):
    # networkx does not read GEXF's <meta>, where the file says whether it was cut off.
    ns = {"g": "http://gexf.net/1.3"}
    kw = ET.parse(path).getroot().find("g:meta/g:keywords", ns)
    return dict(item.split("=", 1) for item in (kw.text or "").split(";") if item)


def load(fmt, paths):
    if fmt == "graphml":
        g = nx.read_graphml(paths[0], force_multigraph=True)
        # The reader keeps the edge id as "id"; attribute defaults go to G.graph.
        out = normalise(g, graph_record(g.graph), edge_drop=("id",))
    elif fmt == "gexf":
        g = nx.read_gexf(paths[0])
        # The reader adds the edge's id and label (its type) to its data; colours and
        # spells (viz, spells) are the drawing and the time, checked by dynamic_test.go.
        out = normalise(g, gexf_meta(paths[0]), node_drop=("viz", "spells"), edge_drop=("id", "label", "viz", "spells"))
    elif fmt == "cytoscape":
        with open(paths[0], encoding="utf-8") as f:
            g = nx.cytoscape_graph(json.load(f))
        # value and name are networkx's copies of id and label; key is the edge key.
        out = normalise(g, graph_record(g.graph), node_drop=("id", "value", "name"),
                        edge_drop=("id", "key", "source", "target"))
    elif fmt == "csv":
        g = nx.MultiDiGraph()
        with open(paths[0], encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                g.add_node(row.pop("id"), **row)
        with open(paths[1], encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                s, t, k = row.pop("source"), row.pop("target"), row["id"]
                g.add_edge(s, t, key=k, **row)
        with open(paths[2], encoding="utf-8") as f:
            meta = json.load(f)
        out = normalise(g, graph_record(meta), edge_drop=("id",))
    else:
        raise SystemExit("unknown format " + fmt)
    return out


def dynamic(path):
    """A dynamic GEXF as networkx reads it: the graph's mode and period, and each node's
    and edge's spells and colour."""
    g = nx.read_gexf(path)
    triples = g.edges(keys=True, data=True) if g.is_multigraph() else ((s, t, None, d) for s, t, d in g.edges(data=True))

    def colour(d):
        c = d.get("viz", {}).get("color")
        return "#%02x%02x%02x" % (c["r"], c["g"], c["b"]) if c else ""

    return {
        "graph": {k: str(g.graph.get(k, "")) for k in ("mode", "start", "end")},
        "nodes": {str(n): {"spells": [list(s) for s in d.get("spells", [])], "colour": colour(d), "type": d.get("type", "")}
                  for n, d in g.nodes(data=True)},
        "edges": {d["id"]: {"spells": [list(s) for s in d.get("spells", [])], "colour": colour(d), "type": d.get("type", ""),
                            "derived": "true" if d.get("derived") else "false"} for s, t, k, d in triples},
    }


def main():
    if sys.argv[1:2] == ["--dynamic"]:
        json.dump([dynamic(p) for p in sys.argv[2:]], sys.stdout, ensure_ascii=False, sort_keys=True)
        return
    jobs = json.load(sys.stdin)
    json.dump([load(j["format"], j["files"]) for j in jobs], sys.stdout, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main()
