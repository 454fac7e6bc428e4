"""Filters from a query string (the API's and the dashboard's shareable URLs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from data.queries import Filters
from data.reference import reference

FIELDS = ("region", "country", "theme", "format", "group", "from", "to")


def parse_filters(args: Mapping[str, str]) -> tuple[Filters, dict[str, str]]:
    """Filters and the names of the parameters that were not understood (code → reason)."""
    ref = reference()
    problems: dict[str, str] = {}
    known = {
        "region": ref.regions,
        "country": ref.countries,
        "theme": ref.themes,
        "format": ref.formats,
        "group": ref.groups,
    }
    values: dict[str, object] = {}
    for name, codes in known.items():
        value = (args.get(name) or "").strip()
        if not value:
            continue
        value = value.upper() if name in ("region", "country") else value
        if value in codes:
            values[name] = value
        else:
            problems[name] = "unknown code"
    for name, target in (("from", "date_from"), ("to", "date_to")):
        value = (args.get(name) or "").strip()
        if not value:
            continue
        try:
            values[target] = dt.date.fromisoformat(value)
        except ValueError:
            problems[name] = "not a date (YYYY-MM-DD)"
    return Filters(**values), problems
