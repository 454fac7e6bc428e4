"""The filter bar: one control per filter, each with the dict ID ``{"type": FILTER, "name": n}``
so one callback reads them all and the URL query mirrors them. Options are filled by the page
from the published data (and refreshed when it changes)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _
from flask_babel import ngettext

from components.fields import dom_id
from components.pickers import picker_props
from data.privacy import THRESHOLD

FILTER = "filter"
NAMES = ("region", "country", "theme", "format", "language", "group", "share", "from", "to")
DROPDOWNS = ("region", "country", "theme", "format", "language", "group")


def filter_id(name: str) -> dict:
    return {"type": FILTER, "name": name}


def _dropdown(name: str, label: str, value: str | None) -> dbc.Col:
    return dbc.Col(
        html.Div(
            [
                dbc.Label(label, className="small mb-1", html_for=dom_id(filter_id(name))),
                dcc.Dropdown(
                    id=filter_id(name),
                    options=[{"label": value, "value": value}] if value else [],
                    value=value,
                    placeholder=_("All"),
                    **picker_props(),
                ),
            ]
        ),
        xs=12,
        sm=6,
        lg=2,
        className="mb-2",
    )


def filter_bar(values: dict[str, str | None]) -> html.Div:
    """The controls, preset from ``values`` (the page's query string)."""
    labels = {
        "region": _("Region"),
        "country": _("Country"),
        "theme": _("Theme"),
        "format": _("Format"),
        "language": _("Language of the event"),
        "group": _("Events with participants from"),
    }
    share = dbc.Col(
        [
            dbc.Label(
                _("How many of them"), className="small mb-1", html_for=dom_id(filter_id("share"))
            ),
            dbc.Select(
                id=filter_id("share"),
                options=[
                    # Never fewer: a smaller count is suppressed, and listing the events that
                    # have it would tell it (data.privacy.countable).
                    {
                        "label": ngettext(
                            "At least %(num)d person", "At least %(num)d people", THRESHOLD
                        ),
                        "value": "any",
                    },
                    {"label": _("At least a quarter"), "value": "25"},
                    {"label": _("At least half"), "value": "50"},
                ],
                value=values.get("share") or "any",
            ),
        ],
        xs=12,
        sm=6,
        lg=2,
        className="mb-2",
    )
    dates = [
        dbc.Col(
            [
                dbc.Label(label, className="small mb-1", html_for=dom_id(filter_id(name))),
                dbc.Input(id=filter_id(name), type="date", value=values.get(name) or None),
            ],
            xs=6,
            lg=2,
            className="mb-2",
        )
        for name, label in (("from", _("Events from")), ("to", _("Events until")))
    ]
    return html.Div(
        dbc.Card(
            dbc.CardBody(
                [
                    html.H2(_("Filters"), className="visually-hidden"),
                    dbc.Row(
                        [_dropdown(n, labels[n], values.get(n)) for n in DROPDOWNS]
                        + [share, *dates],
                        className="g-2",
                    ),
                ]
            ),
            className="mb-3",
        ),
        role="search",
    )
