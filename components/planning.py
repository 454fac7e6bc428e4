"""What the planning page shares with the features that add a column to it: the narrowing every
column follows (the filter dropdowns, dict IDs ``{"type": PLAN_FILTER, "name": ...}``, and the
date range, read into ``data.aggregates.queries.Filters`` by ``to_filters``) and the slot of the
individual contributions' column (a switch and the table its callback fills)."""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import html
from flask_babel import gettext as _

from data.aggregates.queries import Filters

PLAN_FILTER = "plan-filter"  # dict IDs {"type": PLAN_FILTER, "name": region|theme|format|group}
PLAN_DATES = "plan-dates"
PLAN_CONTRIB_SWITCH = "plan-contrib-switch"
PLAN_CONTRIB_TABLE = "plan-contrib-table"


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def to_filters(values: list, filter_ids: list[dict], start, end) -> Filters:
    """The filters chosen on the planning page (empty choices left out; a bad date ignored)."""
    chosen = {i["name"]: v for i, v in zip(filter_ids, values, strict=True) if v}
    return Filters(
        region=chosen.get("region"),
        theme=chosen.get("theme"),
        format=chosen.get("format"),
        group=chosen.get("group"),
        date_from=_date(start),
        date_to=_date(end),
    )


def contributions_column() -> html.Div:
    """In planning: the switch, and per initiative the events beside individual picks."""
    return html.Div(
        [
            dbc.Switch(
                id=PLAN_CONTRIB_SWITCH,
                label=_("Show individual contributions"),
                value=False,
                className="mt-3 mb-2",
            ),
            html.Div(id=PLAN_CONTRIB_TABLE),
        ]
    )
