"""The public aggregates as Wikimedia Commons tabular data (a ``Data:….tab`` page), and a
validator of the rules Commons applies to such a page (Help:Tabular Data): a license, a
localized description, sources, a schema of uniquely named fields of the four types, and 2-D
data with exactly one value of the field's type (or null) per field in every row.

Pure: the caller passes the aggregates and every label already translated.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from data.text_policy import one_line

LICENSE = "CC0-1.0"
FIELD_NAME = re.compile(r"^[a-zA-Z_][a-zA-Z_0-9]*$")
TYPES = ("number", "boolean", "string", "localized")
# Commons' limits on a string cell (and on each language's text of a localized one).
MAX_STRING = 400
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    title: dict[str, str]  # {language code: title}


def cell_text(text: str) -> str:
    """A string cell Commons accepts: one line (data/text_policy.one_line: no control
    characters), at most MAX_STRING characters, no space at either end (also after the cut)."""
    return one_line(text)[:MAX_STRING].strip()


def document(
    fields: Sequence[Field],
    rows: Sequence[Sequence[Any]],
    description: Mapping[str, str],
    sources: str,
) -> dict[str, Any]:
    """A ``.tab`` page's JSON."""
    return {
        "license": LICENSE,
        "description": {lang: cell_text(text) for lang, text in description.items()},
        "sources": sources,
        "schema": {
            "fields": [{"name": f.name, "type": f.type, "title": dict(f.title)} for f in fields]
        },
        "data": [list(row) for row in rows],
    }


def _localized_problems(value: Any, where: str) -> list[str]:
    if not isinstance(value, dict) or not value:
        return [f"{where}: not a non-empty object of language → text"]
    problems = []
    for lang, text in value.items():
        if not isinstance(lang, str) or not LANGUAGE_CODE.match(lang):
            problems.append(f"{where}: {lang!r} is not a language code")
        problems += _string_problems(text, f"{where}.{lang}")
    return problems


def _string_problems(value: Any, where: str) -> list[str]:
    if not isinstance(value, str):
        return [f"{where}: not a string"]
    # JsonConfig's one-line strings: no line break or tab, no whitespace at either end.
    if any(ch in "\n\r\t" for ch in value):
        return [f"{where}: contains a line break or tab"]
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        return [f"{where}: contains a control character"]
    if value != value.strip(" \t\n\r\v\f"):
        return [f"{where}: starts or ends with whitespace"]
    if len(value) > MAX_STRING:
        return [f"{where}: longer than {MAX_STRING} characters"]
    return []


def _value_problems(value: Any, kind: str, where: str) -> list[str]:
    if value is None:
        return []
    if kind == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{where}: not a number"]
    if kind == "boolean":
        return [] if isinstance(value, bool) else [f"{where}: not a boolean"]
    if kind == "string":
        return _string_problems(value, where)
    return _localized_problems(value, where)


def problems(doc: Any) -> list[str]:
    """What keeps ``doc`` from being a valid Commons ``.tab`` page (empty when valid)."""
    if not isinstance(doc, dict):
        return ["not a JSON object"]
    found = []
    extra = set(doc) - {"license", "description", "sources", "schema", "data"}
    if extra:
        found.append(f"unknown keys: {sorted(extra)}")
    if not isinstance(doc.get("license"), str) or not doc["license"]:
        found.append("license: missing")
    if "description" in doc:
        found += _localized_problems(doc["description"], "description")
    if "sources" in doc and not isinstance(doc["sources"], str):
        found.append("sources: not a string")
    fields = (
        (doc.get("schema") or {}).get("fields") if isinstance(doc.get("schema"), dict) else None
    )
    if not isinstance(fields, list) or not fields:
        return [*found, "schema.fields: missing or empty"]
    names = []
    for i, f in enumerate(fields):
        where = f"schema.fields[{i}]"
        if not isinstance(f, dict):
            found.append(f"{where}: not an object")
            continue
        name = f.get("name")
        if not isinstance(name, str) or not FIELD_NAME.match(name):
            found.append(f"{where}.name: {name!r} is not a valid field name")
        elif name in names:
            found.append(f"{where}.name: {name!r} is used twice")
        names.append(name)
        if f.get("type") not in TYPES:
            found.append(f"{where}.type: {f.get('type')!r} is not one of {TYPES}")
        if "title" in f:
            found += _localized_problems(f["title"], f"{where}.title")
    data = doc.get("data")
    if not isinstance(data, list):
        return [*found, "data: not a list of rows"]
    for r, row in enumerate(data):
        if not isinstance(row, list) or len(row) != len(fields):
            found.append(f"data[{r}]: not a row of {len(fields)} values")
            continue
        for value, f in zip(row, fields, strict=True):
            if isinstance(f, dict) and f.get("type") in TYPES:
                found += _value_problems(value, f["type"], f"data[{r}].{f.get('name')}")
    return found
