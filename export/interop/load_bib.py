"""Parse an LSG Atlas BibTeX export with pybtex (strict mode) and print its entries as
JSON: {key: {"type": ..., "fields": {...}, "persons": {"author": [...]}}}.

Usage: python3 load_bib.py sources.bib
"""
import json
import sys

import pybtex.errors
from pybtex.database import parse_file

pybtex.errors.set_strict_mode(True)  # a duplicate key or a syntax error raises
db = parse_file(sys.argv[1], bib_format="bibtex")
out = {}
for key, entry in db.entries.items():
    out[key] = {
        "type": entry.type,
        "fields": {k.lower(): v for k, v in entry.fields.items()},
        "persons": {role: [str(p) for p in people] for role, people in entry.persons.items()},
    }
json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)
