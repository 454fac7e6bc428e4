"""The comparison's pieces of the dashboard: the Store of the choice, the "Compare with"
buttons and the "How the selection differs" card (filled by dashboard/compare/callbacks.py)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _

from components.buttons import button_row, pressed_button
from components.charts import chart_card
from components.dashboard_ids import COMPARE, graph, summary, table
from dashboard.compare import labels, model
from dashboard.compare.ids import CHOICES, COMPARE_CARD, DIFFERENCES, compare_option
from data.aggregates.queries import Filters
from data.filters import FIELDS, parse_filters


def store(query: dict[str, str]) -> dcc.Store:
    """The choice, preset from the URL query (an unknown code: no comparison)."""
    return dcc.Store(id=COMPARE, data=model.valid(query.get("compare")))


def buttons(filters: Filters, chosen: str | None) -> html.Div:
    """One button per comparison the filters offer, the chosen one pressed (and kept even when
    the filters no longer offer it, so that a click can clear it)."""
    codes = model.offered(filters)
    if chosen and chosen not in codes:
        codes.insert(0, chosen)
    options = [
        pressed_button(labels.option(filters, code), compare_option(code), code == chosen)
        for code in codes
    ]
    return button_row(f"{COMPARE}-l", _("Compare with"), options)


def choices(query: dict[str, str]) -> html.Div:
    """The buttons for the URL's filters (dashboard/compare/callbacks.py follows changes)."""
    filters, _problems = parse_filters(
        {k: v for k, v in query.items() if k in FIELDS and v and v != "any"}
    )
    return html.Div(buttons(filters, model.valid(query.get("compare"))), id=CHOICES)


def card(query: dict[str, str], locale: str | None = None) -> html.Div:
    """The chart of the differences, hidden while nothing is chosen."""
    chart = chart_card(
        _("How the selection differs"),
        graph(DIFFERENCES),
        summary(DIFFERENCES),
        table(DIFFERENCES),
        locale,
        None,
    )
    return html.Div(
        dbc.Row(dbc.Col(chart, xs=12)),
        id=COMPARE_CARD,
        hidden=model.valid(query.get("compare")) is None,
    )
