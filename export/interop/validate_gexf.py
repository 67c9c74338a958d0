"""Validates GEXF files against the GEXF 1.3 schema in testdata/gexf-1.3.

Usage: python3 validate_gexf.py FILE...

Prints one JSON object: for each file, the errors of the RELAX NG schema (the file as it
is) and of the XML Schema (the file with its viz elements moved into the GEXF namespace,
where that schema declares them; see testdata/gexf-1.3/README.md), and how many viz
elements were moved. Empty error lists mean the file is valid.
"""
import json
import os
import sys

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "testdata", "gexf-1.3")
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


def errors(schema, doc):
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def main(paths):
    rng = etree.RelaxNG(etree.parse(os.path.join(SCHEMA, "gexf.rng")))
    xsd = etree.XMLSchema(etree.parse(os.path.join(SCHEMA, "gexf.xsd")))
    out = {}
    for path in paths:
        try:
            doc = etree.parse(path)
        except etree.XMLSyntaxError as e:
            out[path] = {"rng": [f"not XML: {e}"], "xsd": [f"not XML: {e}"], "vizMoved": 0}
            continue
        result = {"rng": errors(rng, doc)}
        moved = 0
        for el in doc.iter():
            if isinstance(el.tag, str) and el.tag.startswith(VIZ):
                el.tag = GEXF + el.tag[len(VIZ):]
                moved += 1
        result["xsd"] = errors(xsd, doc)
        result["vizMoved"] = moved
        out[path] = result
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
