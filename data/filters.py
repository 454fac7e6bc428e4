"""Filters from a query string (the API's and the dashboard's shareable URLs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from babel import Locale
from flask_babel import gettext as _

from data.aggregates.queries import Filters
from data.reference import reference

FIELDS = ("region", "country", "theme", "format", "group", "share", "language", "from", "to")
SHARES = (25, 50)  # "many" participants from a group: at least a quarter, at least half
# The dates a filter may name. Reports are dated from 2017 on, so the range loses nothing, and
# keeps the date arithmetic behind the filters (whole weeks, the day after) off the ends of
# Python's calendar, where it would overflow into a 500.
DATES = (dt.date(1900, 1, 1), dt.date(2999, 12, 31))


def parse_filters(args: Mapping[str, str]) -> tuple[Filters, dict[str, str]]:
    """Filters and the names of the parameters that were not understood (name → the reason,
    in the request's language)."""
    ref = reference()
    problems: dict[str, str] = {}
    # Values are text (a query string) or, from a crafted callback body, anything JSON holds:
    # a list or an object where text is expected is a problem of its own, never a 500.
    texts: dict[str, str] = {}
    for name, value in args.items():
        if value is None or isinstance(value, str):
            texts[name] = value
        elif isinstance(value, int) and not isinstance(value, bool):
            texts[name] = str(value)
        else:
            problems[name] = _("Unknown code.")
    args = texts
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
            problems[name] = _("Unknown code.")
    language = (args.get("language") or "").strip().replace("-", "_")
    if language:
        if language in Locale("en").languages:
            values["language"] = language
        else:
            problems["language"] = _("Unknown code.")
    share = (args.get("share") or "").strip()
    if share:
        # The exact ASCII spelling only: str.isdigit() admits digits int() refuses ("²"), and
        # other spellings ("٢٥", "025") would be a second address of the same view.
        if share in {str(s) for s in SHARES} and "group" in values:
            values["group_share"] = int(share)
        else:
            problems["share"] = _("Needs a group, and one of 25 or 50.")
    for name, target in (("from", "date_from"), ("to", "date_to")):
        value = (args.get(name) or "").strip()
        if not value:
            continue
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            problems[name] = _("Not a date (YYYY-MM-DD).")
            continue
        if DATES[0] <= day <= DATES[1]:
            values[target] = day
        else:
            problems[name] = _(
                "Enter a date between %(earliest)s and %(latest)s.",
                earliest=DATES[0].isoformat(),
                latest=DATES[1].isoformat(),
            )
    return Filters(**values), problems


def to_query(filters: Filters) -> dict[str, str]:
    """The query-string form of ``filters`` (the inverse of parse_filters)."""
    out = {
        "region": filters.region,
        "country": filters.country,
        "theme": filters.theme,
        "format": filters.format,
        "group": filters.group,
        "share": str(filters.group_share) if filters.group_share else None,
        "language": filters.language,
        "from": filters.date_from.isoformat() if filters.date_from else None,
        "to": filters.date_to.isoformat() if filters.date_to else None,
    }
    return {k: v for k, v in out.items() if v}
