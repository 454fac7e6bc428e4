"""A Babel extractor for the reference CSV files: their labels become catalog msgids.

Wired in ``babel.cfg``; ``make translations`` runs extract → update → compile, so a label
corrected in a data file reaches every catalog.
"""

from __future__ import annotations

import csv
import io
from pathlib import PurePath

# Which column of each file is shown to people (the others are codes or notes).
COLUMNS = {
    "recommendations.csv": "title",
    "initiatives.csv": "title",
    "regions.csv": "name",
    "region_groups.csv": "name",
    "themes.csv": "label",
    "formats.csv": "label",
    "groups.csv": "label",
    "phases.csv": "label",
}


def extract_reference_csv(fileobj, keywords, comment_tags, options):
    name = PurePath(getattr(fileobj, "name", "")).name
    column = COLUMNS.get(name)
    if column is None:
        return
    text = io.StringIO(fileobj.read().decode("utf-8"), newline="")
    for lineno, row in enumerate(csv.DictReader(text), start=2):
        label = (row.get(column) or "").strip()
        if label:
            yield lineno, "gettext", label, [f"{name}: {row.get('code', '')}"]
